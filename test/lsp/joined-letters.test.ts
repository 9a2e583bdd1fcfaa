// A file of several letters over the wire: one outline node per letter (named by case number and layout,
// holding its own header, sections and items), one code lens per letter counting its own items, and the
// diagnostics of each letter judged on its own header, and the export numbering each row's letter.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SymbolKind, type CodeLens, type DocumentSymbol, type Range } from 'vscode-languageserver-protocol';
import { LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import type { ExportResult } from '../../server/src/protocol';
import { fixtureText, JOINED_FIXTURES, joinLetters } from '../support/joined';
import { assertSymbolsWellFormed } from './wellFormed';
import { parse } from '../../server/src/core/parse';
import { outline } from '../../server/src/core/outline';
import { toDocumentSymbols } from '../../server/src/lsp/documentSymbols';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

const at = (line: number, character: number) => ({ line, character });

// C (35 lines, -layout), then A (42 lines) from line 35 and B (51 lines) from line 77, each after a form feed.
const bundle = () =>
  joinLetters(
    ['C-layout.txt', 'A-plain.txt', 'B-plain.txt'].map((name) => fixtureText(JOINED_FIXTURES, name)),
    'bundle',
  ).text;

describe('a file of three letters', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  test('the outline over stdio (encoded letter by letter) is the whole outline converted at once', async () => {
    const text = bundle();
    const uri = await server.openLetter(text);
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    await lsp.close(uri);
    assert.equal(symbols.length, 3);
    assert.deepEqual(symbols, JSON.parse(JSON.stringify(toDocumentSymbols(outline(parse(text))))));
  });

  test('the outline has one node per letter, each with its own header, sections and items', async () => {
    const uri = await server.openLetter(bundle());
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    await lsp.close(uri);
    assertSymbolsWellFormed(symbols, 'bundle');
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.detail, s.range, s.selectionRange.start]),
      [
        ['CM16-0303030 (L3-2016)', SymbolKind.File, 'letter 1 of 3 · 1 item', r(0, 0, 35, 0), at(0, 0)],
        ['CM17-0101010 (L3-2016)', SymbolKind.File, 'letter 2 of 3 · 1 item', r(35, 0, 77, 0), at(35, 1)],
        ['CM17-0202020 (L3-2016)', SymbolKind.File, 'letter 3 of 3 · 2 items', r(77, 0, 128, 0), at(77, 1)],
      ],
    );
    const third = symbols[2]?.children ?? [];
    assert.deepEqual(
      third.map((s) => [s.name, s.detail]),
      [
        ['Header', 'CM17-0202020'],
        ['HOW THE IMR FINAL DETERMINATION WAS MADE', undefined],
        ['CLINICAL CASE SUMMARY', undefined],
        ['IMR ISSUES, DECISIONS AND RATIONALES', undefined],
      ],
    );
    const items = third[3]?.children?.filter((s) => s.kind === SymbolKind.Event) ?? [];
    assert.deepEqual(
      items.map((s) => [s.name, s.detail?.split(' · ')[0], s.selectionRange.start.line]),
      [
        ['Physical therapy two times a week for three…', 'Overturned', 77 + 35],
        ['Cervical pillow', 'Upheld', 77 + 43],
      ],
    );
  });

  test('one code lens per letter over its decisions heading, counting its own items', async () => {
    const uri = await server.openLetter(bundle());
    const lenses = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    await lsp.close(uri);
    assert.deepEqual(
      lenses.map((l) => [l.range, l.command?.title]),
      [
        [r(22, 25, 22, 61), '1 disputed item · 0 upheld · 1 overturned'],
        [r(68, 0, 68, 36), '1 disputed item · 1 upheld · 0 overturned'],
        [r(110, 0, 110, 36), '2 disputed items · 1 upheld · 1 overturned'],
      ],
    );
    const picked = lenses[2]?.command?.arguments?.[1] as { label: string }[];
    assert.deepEqual(
      picked.map((i) => i.label),
      ['CM17-0202020 · 1. Physical therapy two times a week for three…', 'CM17-0202020 · 2. Cervical pillow'],
    );
  });

  test("Export Disputed Items (imr/export): a `letter` column numbering each row's letter, appended last", async () => {
    const uri = await server.openLetter(bundle(), 'bundle.txt');
    const csv = await lsp.request<ExportResult>('imr/export', { uris: [uri], format: 'csv' });
    const json = await lsp.request<ExportResult>('imr/export', { uris: [uri], format: 'json' });
    await lsp.close(uri);
    assert.deepEqual([csv.rows, csv.errors], [4, []]);
    const lines = csv.text.split('\r\n');
    assert.match(lines[0] ?? '', /,claimsAdministratorBasis,claimsAdministratorCitations,letter$/);
    assert.deepEqual(
      lines.slice(1, -1).map((l) => [l.split(',')[1], l.split(',')[4], l.split(',').at(-1)]),
      [
        ['CM16-0303030', '1', '1'],
        ['CM17-0101010', '1', '2'],
        ['CM17-0202020', '1', '3'],
        ['CM17-0202020', '2', '3'],
      ],
    );
    const rows = JSON.parse(json.text) as { caseNumber: string; index: number; letter: number }[];
    assert.deepEqual(
      rows.map((row) => [row.caseNumber, row.index, row.letter, Object.keys(row).at(-1)]),
      [
        ['CM16-0303030', 1, 1, 'letter'],
        ['CM17-0101010', 1, 2, 'letter'],
        ['CM17-0202020', 1, 3, 'letter'],
        ['CM17-0202020', 2, 3, 'letter'],
      ],
    );
  });
});
