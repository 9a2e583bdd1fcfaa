// textDocument/codeLens over the wire: the decision counts over the decisions heading and the `imr.pickItem`
// command's arguments, on real letters shipped in the repo. The counts over the whole corpus are checked in
// test/corpus/lsp.test.ts.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { letterText } from '../support/letters';
import { at, only } from '../support/elements';

const r = (sl: number, sc: number, el: number, ec: number) => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

describe('code lens', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  async function lensesOf(text: string): Promise<{ uri: string; lenses: CodeLens[] }> {
    const uri = await server.openLetter(text);
    const lenses = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    await lsp.close(uri);
    return { uri, lenses };
  }

  test('the server declares a code lens provider', () => {
    assert.deepEqual(lsp.initializeResult.capabilities.codeLensProvider, { resolveProvider: false });
  });

  test('CM16-0238035: one lens over the decisions heading, eight items for the picker', async () => {
    const { uri, lenses } = await lensesOf(letterText('dwc-2016/text/CM16-0238035.txt'));
    const lens = only(lenses);
    assert.deepEqual(lens.range, r(49, 0, 49, 36));
    assert.equal(lens.command?.title, '8 disputed items · 8 upheld · 0 overturned');
    assert.equal(lens.command?.command, 'imr.pickItem');
    const [argUri, items] = lens.command.arguments as [
      string,
      Array<{ label: string; description: string; wholeName?: string; range: unknown }>,
    ];
    assert.equal(argUri, uri);
    // Names over 48 characters are cut at their end (the decision stays in view); the whole name goes along.
    assert.deepEqual(
      items.map((i) => [i.label, i.description, i.wholeName]),
      [
        [
          '1. Right shoulder arthroscopy RCR (rotator cuff…',
          'Upheld',
          'Right shoulder arthroscopy RCR (rotator cuff repair) and decompression',
        ],
        ['2. Medical Clearance', 'Upheld', undefined],
        ['3. Labs to include: EKG', 'Upheld', undefined],
        ['4. Labs to include: Chest X-ray', 'Upheld', undefined],
        [
          '5. Post-op physical therapy 2 times a week for 4…',
          'Upheld',
          'Post-op physical therapy 2 times a week for 4 weeks',
        ],
        [
          '6. Associated surgical service: Cold compression…',
          'Upheld',
          'Associated surgical service: Cold compression therapy 30 day rental',
        ],
        [
          '7. Associated surgical service: Shoulder wrap for…',
          'Upheld',
          'Associated surgical service: Shoulder wrap for purchase',
        ],
        [
          '8. Associated surgical service: Shoulder sling…',
          'Upheld',
          'Associated surgical service: Shoulder sling with abduction pillow',
        ],
      ],
    );
    assert.deepEqual(at(items, 0).range, r(52, 1, 52, 79));
    assert.deepEqual(at(items, 7).range, r(105, 0, 105, 73));
  });

  test('a mixed letter and a one-item Overturned letter', async () => {
    const mixed = await lensesOf(letterText('dwc-2016/text/CM17-0007142.txt'));
    assert.equal(mixed.lenses[0]?.command?.title, '9 disputed items · 4 upheld · 5 overturned');
    const single = await lensesOf(letterText('dwc-2016/text/CM17-0020384.txt'));
    assert.equal(single.lenses[0]?.command?.title, '1 disputed item · 0 upheld · 1 overturned');
    const [, items] = single.lenses[0].command.arguments as [string, Array<{ label: string; description: string }>];
    assert.deepEqual(
      items.map((i) => [i.label, i.description]),
      [['1. EMG/NCS of the right upper extremity was the…', 'Overturned']],
    );
  });

  test('an invalid decision word is counted as invalid and described as written', async () => {
    const letter = letterText('dwc-2016/text/CM16-0238035.txt').replace(
      'Medical Clearance: Upheld',
      'Medical Clearance: Uphold',
    );
    const { lenses } = await lensesOf(letter);
    assert.equal(lenses[0]?.command?.title, '8 disputed items · 7 upheld · 0 overturned · 1 invalid');
    const [, items] = lenses[0].command.arguments as [string, Array<{ label: string; description: string }>];
    assert.deepEqual(items[1], {
      label: '2. Medical Clearance',
      description: '"Uphold"',
      decision: 'invalid',
      range: r(68, 0, 68, 25),
    });
  });

  test('a document that is not a determination gets no lens', async () => {
    const { lenses } = await lensesOf('Shopping list\nmilk: Upheld\n');
    assert.deepEqual(lenses, []);
  });
});
