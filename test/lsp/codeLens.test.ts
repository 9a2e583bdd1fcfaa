// textDocument/codeLens over the wire: the decision counts over the decisions heading and the `imr.pickItem`
// command's arguments, checked against the format guide's corpus counts (§3: 214 Upheld and 33 Overturned
// items; 94 all-Upheld, 18 all-Overturned and 5 mixed letters).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import { CORPUS, corpusSkip, corpusText, LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';

const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

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

  test('CM16-0238035: one lens over the decisions heading, eight items for the picker', { skip: corpusSkip() }, async () => {
    const { uri, lenses } = await lensesOf(corpusText('dwc-2016/text/CM16-0238035.txt'));
    assert.equal(lenses.length, 1);
    const [lens] = lenses as [CodeLens];
    assert.deepEqual(lens.range, r(49, 0, 49, 36));
    assert.equal(lens.command?.title, '8 disputed items · 8 upheld · 0 overturned');
    assert.equal(lens.command?.command, 'imr.pickItem');
    const [argUri, items] = lens.command!.arguments as [string, Array<{ label: string; description: string; range: unknown }>];
    assert.equal(argUri, uri);
    assert.deepEqual(
      items.map((i) => [i.label, i.description]),
      [
        ['1. Right shoulder arthroscopy RCR (rotator cuff repair) and decompression', 'Upheld'],
        ['2. Medical Clearance', 'Upheld'],
        ['3. Labs to include: EKG', 'Upheld'],
        ['4. Labs to include: Chest X-ray', 'Upheld'],
        ['5. Post-op physical therapy 2 times a week for 4 weeks', 'Upheld'],
        ['6. Associated surgical service: Cold compression therapy 30 day rental', 'Upheld'],
        ['7. Associated surgical service: Shoulder wrap for purchase', 'Upheld'],
        ['8. Associated surgical service: Shoulder sling with abduction pillow', 'Upheld'],
      ],
    );
    assert.deepEqual(items[0]!.range, r(52, 1, 52, 79));
    assert.deepEqual(items[7]!.range, r(105, 0, 105, 73));
  });

  test('a mixed letter and a one-item Overturned letter', { skip: corpusSkip() }, async () => {
    const mixed = await lensesOf(corpusText('dwc-2016/text/CM17-0007142.txt'));
    assert.equal(mixed.lenses[0]?.command?.title, '9 disputed items · 4 upheld · 5 overturned');
    const single = await lensesOf(corpusText('dwc-2016/text/CM17-0020384.txt'));
    assert.equal(single.lenses[0]?.command?.title, '1 disputed item · 0 upheld · 1 overturned');
    const [, items] = single.lenses[0]!.command!.arguments as [string, Array<{ label: string; description: string }>];
    assert.deepEqual(items.map((i) => [i.label, i.description]), [['1. EMG/NCS of the right upper extremity was … EMG of the right upper extremity', 'Overturned']]);
  });

  test('an invalid decision word is counted as invalid and described as written', { skip: corpusSkip() }, async () => {
    const letter = corpusText('dwc-2016/text/CM16-0238035.txt').replace('Medical Clearance: Upheld', 'Medical Clearance: Uphold');
    const { lenses } = await lensesOf(letter);
    assert.equal(lenses[0]?.command?.title, '8 disputed items · 7 upheld · 0 overturned · 1 invalid');
    const [, items] = lenses[0]!.command!.arguments as [string, Array<{ label: string; description: string }>];
    assert.deepEqual(items[1], { label: '2. Medical Clearance', description: '"Uphold"', range: r(68, 0, 68, 25) });
  });

  test('a document that is not a determination gets no lens', async () => {
    const { lenses } = await lensesOf('Shopping list\nmilk: Upheld\n');
    assert.deepEqual(lenses, []);
  });

  test('every text/ letter: the lens counts add up to the corpus counts of the format guide', { skip: corpusSkip() }, async () => {
    const dir = path.join(CORPUS, 'dwc-2016', 'text');
    let upheld = 0;
    let overturned = 0;
    const letters = { allUpheld: 0, allOverturned: 0, mixed: 0 };
    for (const file of fs.readdirSync(dir).sort()) {
      const { lenses } = await lensesOf(fs.readFileSync(path.join(dir, file), 'utf8'));
      assert.equal(lenses.length, 1, file);
      const m = /^(\d+) disputed items? · (\d+) upheld · (\d+) overturned$/.exec(lenses[0]!.command!.title);
      assert.ok(m, `${file}: ${lenses[0]!.command!.title}`);
      const [total, u, o] = [Number(m[1]), Number(m[2]), Number(m[3])];
      assert.equal(u + o, total, file);
      assert.equal((lenses[0]!.command!.arguments![1] as unknown[]).length, total, file);
      upheld += u;
      overturned += o;
      if (o === 0) letters.allUpheld++;
      else if (u === 0) letters.allOverturned++;
      else letters.mixed++;
    }
    assert.deepEqual([upheld, overturned], [214, 33]);
    assert.deepEqual(letters, { allUpheld: 94, allOverturned: 18, mixed: 5 });
  });
});
