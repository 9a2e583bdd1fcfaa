// The large-document policy over the wire (server/src/lsp/largeDocuments.ts): a document over
// imr.maxDocumentSize (2 MB) or with a line over imr.maxLineLength (200,000 characters) gets one information
// diagnostic on its first line, the outline of its first 2 MB, and nothing else. The fixture is
// test/lsp/fixtures/two-items.txt (first line `Case Number:`, 12 characters; item 1's heading is line 41).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DiagnosticSeverity, type DocumentSymbol, type Range } from 'vscode-languageserver-protocol';
import { fileUri, fixtureText, LspHarness, NEOVIM_CAPABILITIES, serverForSuite } from './harness';
import { at, only } from '../support/elements';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});
const CLEAN = fixtureText('two-items.txt');
const lines = CLEAN.split('\n');
const FILLER = 'The injured worker reported continued pain and stiffness at the follow-up visit.\n';

/** The fixture's top-level outline nodes and their numbers of children. */
const CLEAN_OUTLINE = [
  ['Header', 7],
  ['HOW THE IMR FINAL DETERMINATION WAS MADE', 1],
  ['CLINICAL CASE SUMMARY', 0],
  ['IMR ISSUES, DECISIONS AND RATIONALES', 2],
];

/** The letter with `inserted` (no final line break) before its line 39. */
const withInserted = (inserted: string) => [...lines.slice(0, 39), inserted, ...lines.slice(39)].join('\n');

describe('degraded documents (push diagnostics)', () => {
  const server = serverForSuite({ capabilities: NEOVIM_CAPABILITIES });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));
  let n = 0;

  async function openAndWait(text: string) {
    const uri = fileUri(path.join(ws, `large-${++n}.txt`));
    const published = lsp.waitForDiagnostics(uri);
    await lsp.open(uri, text);
    return { uri, published: await published };
  }

  const symbolNames = async (uri: string) =>
    (await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } })).map((s) => [
      s.name,
      s.children?.length ?? 0,
    ]);

  test('a 25 MB document: one information diagnostic naming imr.maxDocumentSize, and the outline of its first 2 MB', async () => {
    // The letter, 25 MB of filler, and the letter again: only the first copy lies in the first 2 MB.
    const filler = FILLER.repeat(Math.ceil(25e6 / FILLER.length));
    const text = `${CLEAN}\n${filler}${CLEAN}`.replace('lumbar spine: Upheld', 'lumbar spine: Uphold');
    assert.equal((text.length / 1e6).toFixed(1), '25.0');
    const { uri, published } = await openAndWait(text);
    const d = only(published.diagnostics);
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.equal(d.code, 'IMR000');
    assert.equal(d.source, 'imr');
    assert.deepEqual(d.range, r(0, 0, 0, 12));
    assert.equal(
      d.message,
      'This document is 25.0 MB, over the 2.0 MB limit (setting imr.maxDocumentSize): only the outline of its ' +
        'first 2.0 MB is shown, and the checks, highlighting and other features are off.',
    );
    assert.deepEqual(await symbolNames(uri), CLEAN_OUTLINE);
    await lsp.close(uri);
  });

  test('a line of 300,000 characters: one information diagnostic naming imr.maxLineLength, and the whole outline', async () => {
    const { uri, published } = await openAndWait(withInserted('ab  '.repeat(75_000)));
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.severity, d.range, d.message]),
      [
        [
          'IMR000',
          DiagnosticSeverity.Information,
          r(0, 0, 0, 12),
          'Line 40 is 300,000 characters long, over the 200,000-character limit (setting imr.maxLineLength): only ' +
            'the outline is shown, and the checks, highlighting and other features are off.',
        ],
      ],
    );
    assert.deepEqual(await symbolNames(uri), CLEAN_OUTLINE);
    await lsp.close(uri);
  });

  test("every other request on a degraded document answers its empty result; the item picker, the outline's items", async () => {
    const { uri } = await openAndWait(withInserted('-'.repeat(250_000)));
    const textDocument = { uri };
    const at = { line: 41, character: 68 }; // item 1's decision word
    assert.deepEqual(await lsp.request('textDocument/semanticTokens/full', { textDocument }), { data: [] });
    assert.deepEqual(await lsp.request('textDocument/semanticTokens/range', { textDocument, range: r(0, 0, 60, 0) }), {
      data: [],
    });
    assert.equal(await lsp.request('textDocument/hover', { textDocument, position: at }), null);
    const completion = await lsp.request<{ items: unknown[] }>('textDocument/completion', {
      textDocument,
      position: at,
    });
    assert.deepEqual(completion.items, []);
    assert.deepEqual(await lsp.request('textDocument/codeLens', { textDocument }), []);
    assert.deepEqual(await lsp.request('textDocument/foldingRange', { textDocument }), []);
    assert.deepEqual(await lsp.request('textDocument/selectionRange', { textDocument, positions: [at] }), []);
    assert.deepEqual(
      await lsp.request('textDocument/codeAction', {
        textDocument,
        range: r(41, 0, 41, 72),
        context: { diagnostics: [] },
      }),
      [],
    );
    // The item picker reads the outline's letter: the items of the first 2 MB (here, the whole letter).
    const picked = await lsp.request<{ counts: unknown }>('imr/documentItems', { uri });
    assert.deepEqual(picked.counts, { items: 2, upheld: 1, overturned: 1, invalid: 0 });
    await lsp.close(uri);
  });

  test('within the limits, 100,000 redaction gaps: the first 1,000, and one information diagnostic saying IMR014 stopped', async () => {
    const { uri, published } = await openAndWait(withInserted(Array(100_000).fill('ab  cd').join('\n')));
    const imr014 = published.diagnostics.filter((d) => d.code === 'IMR014');
    assert.equal(imr014.length, 1001);
    assert.deepEqual(
      [at(imr014, 0).severity, at(imr014, 0).range, at(imr014, 0).message],
      [
        DiagnosticSeverity.Information,
        r(0, 0, 0, 0),
        'IMR014 probable-redaction-gap stopped after 1000 findings in this document; the rest are not reported.',
      ],
    );
    assert.deepEqual(at(imr014, 1).range, r(39, 2, 39, 4));
    assert.deepEqual(at(imr014, 1000).range, r(39 + 999, 2, 39 + 999, 4));
    await lsp.close(uri);
  });

  test('imr.maxLineLength from the settings, and back', async () => {
    const longest = Math.max(...lines.map((l) => l.length));
    const { uri } = await openAndWait(CLEAN);
    const degraded = lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    await lsp.changeConfiguration({ imr: { maxLineLength: longest - 1 } });
    const d = only((await degraded).diagnostics);
    assert.equal(d.code, 'IMR000');
    assert.match(
      d.message as string,
      new RegExp(`^Line ${lines.findIndex((l) => l.length === longest) + 1} is ${longest} `),
    );
    assert.match(d.message as string, /setting imr\.maxLineLength/);
    const restored = lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await lsp.changeConfiguration({ imr: {} });
    await restored;
    await lsp.close(uri);
  });
});
