// textDocument/foldingRange over the wire (VS Code capabilities: lineFoldingOnly, rangeLimit 5000), and the
// client-capability variants through the adapter itself.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FoldingRangeKind, type ClientCapabilities, type FoldingRange } from 'vscode-languageserver-protocol';
import { parse } from '../../server/src/core';
import { foldingRanges, foldsOf, type Fold } from '../../server/src/core/service/folding';
import { foldingOptions, toFoldingRange } from '../../server/src/lsp/folding';
import { fileUri, fixtureText, LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { letterText } from '../support/letters';
import { at } from '../support/elements';

/** What the server answers for these folds and client capabilities. */
const toFoldingRanges = (folds: readonly Fold[], capabilities: ClientCapabilities): FoldingRange[] =>
  foldingRanges(folds, foldingOptions(capabilities)).map(toFoldingRange);

const region = (startLine: number, endLine: number): FoldingRange => ({
  startLine,
  endLine,
  kind: FoldingRangeKind.Region,
});

describe('folding ranges', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  async function foldsFor(name: string, text: string): Promise<FoldingRange[]> {
    const uri = await server.openLetter(text, name);
    const folds = await lsp.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    await lsp.close(uri);
    return folds;
  }

  test('fixture: header, sections, credentials, items and fields, whole lines only', async () => {
    assert.deepEqual(await foldsFor('two-items.txt', fixtureText('two-items.txt')), [
      region(0, 17), // header
      region(19, 30), // HOW THE IMR FINAL DETERMINATION WAS MADE
      region(28, 30), //   credentials
      region(31, 38), // CLINICAL CASE SUMMARY
      region(39, 58), // IMR ISSUES, DECISIONS AND RATIONALES
      region(41, 49), //   item 1
      region(42, 43), //     Claims Administrator guideline
      region(44, 45), //     MAXIMUS guideline
      region(46, 49), //     Decision rationale
      region(50, 58), //   item 2
      region(51, 52),
      region(53, 54),
      region(55, 58),
    ]);
  });

  test('CM16-0238035: eight items; single-line fields get no fold', async () => {
    const folds = await foldsFor('CM16-0238035.txt', letterText('dwc-2016/text/CM16-0238035.txt'));
    const lines = folds.map((f): [number, number] => [f.startLine, f.endLine]);
    assert.deepEqual(lines.slice(0, 5), [
      [0, 17],
      [19, 30],
      [28, 30],
      [31, 48],
      [49, 110],
    ]);
    // Item 2 (Medical Clearance, lines 69–74 of the file): its MAXIMUS guideline is one line, so no fold.
    assert.deepEqual(
      lines.filter(([s]) => s >= 68 && s <= 73),
      [
        [68, 73],
        [69, 70],
        [72, 73],
      ],
    );
    assert.ok(
      folds.every(
        (f) => f.kind === FoldingRangeKind.Region && f.startCharacter === undefined && f.endLine > f.startLine,
      ),
    );
  });

  test('a document that is not open gets no folds', async () => {
    assert.deepEqual(
      await lsp.request('textDocument/foldingRange', { textDocument: { uri: fileUri(path.join(ws, 'nope.txt')) } }),
      [],
    );
  });
});

describe('folding ranges: client capabilities', () => {
  const doc = parse(fixtureText('two-items.txt'));

  test('without lineFoldingOnly: characters; with collapsedText: the item and its decision', () => {
    const folds = toFoldingRanges(foldsOf(doc), {
      textDocument: { foldingRange: { lineFoldingOnly: false, foldingRange: { collapsedText: true } } },
    });
    assert.deepEqual(folds[0], { startLine: 0, endLine: 17, kind: 'region', startCharacter: 0, endCharacter: 10 });
    assert.deepEqual(folds[5], {
      startLine: 41,
      endLine: 49,
      kind: 'region',
      startCharacter: 0,
      endCharacter: 35,
      collapsedText: 'Physical therapy 2 times a week for 4 weeks for… · Upheld',
    });
    assert.equal(at(folds, 9).collapsedText, 'Ibuprofen 800mg #60 · Overturned');
    assert.equal(at(folds, 6).collapsedText, undefined);
  });

  test('rangeLimit keeps the outermost folds', () => {
    const folds = toFoldingRanges(foldsOf(doc), {
      textDocument: { foldingRange: { lineFoldingOnly: true, rangeLimit: 4 } },
    });
    assert.deepEqual(folds, [region(0, 17), region(19, 30), region(31, 38), region(39, 58)]);
  });

  test('two folds on one start line: the outer one is kept', () => {
    const r = (sl: number, el: number) => ({ start: { line: sl, character: 0 }, end: { line: el, character: 1 } });
    const folds = toFoldingRanges(
      [
        { range: r(2, 9), depth: 1 },
        { range: r(2, 5), depth: 2 },
        { range: r(0, 9), depth: 0 },
      ],
      { textDocument: { foldingRange: { lineFoldingOnly: true } } },
    );
    assert.deepEqual(folds, [region(0, 9), region(2, 9)]);
  });
});
