// textDocument/documentSymbol over the wire (VS Code capabilities: hierarchical symbols). Letters from the
// shared corpus (../shared/corpus/dwc-2016/text/) and test/lsp/fixtures/.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-protocol';
import { parse } from '../../server/src/core';
import { outline } from '../../server/src/core/outline';
import { toDocumentSymbols } from '../../server/src/lsp/documentSymbols';
import { CORPUS, corpusSkip, corpusText, fileUri, fixtureText, LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

function within(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** Every symbol has a name, its selectionRange inside its range, its children inside it. */
function assertWellFormed(symbols: DocumentSymbol[], where: string, parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(s.name.trim().length > 0, `${where}: empty name`);
    assert.ok(within(s.range, s.selectionRange), `${where}: selectionRange of "${s.name}" outside its range`);
    if (parent) assert.ok(within(parent.range, s.range), `${where}: "${s.name}" outside its parent "${parent.name}"`);
    assertWellFormed(s.children ?? [], where, s);
  }
}

describe('document symbols', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  async function symbolsOf(text: string, name?: string): Promise<DocumentSymbol[]> {
    const uri = await server.openLetter(text, name);
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    await lsp.close(uri);
    return symbols;
  }

  test('CM16-0238035: header, sections, credentials and eight Upheld items with their fields', { skip: corpusSkip() }, async () => {
    const symbols = await symbolsOf(corpusText('dwc-2016/text/CM16-0238035.txt'));
    assertWellFormed(symbols, 'CM16-0238035');
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.detail]),
      [
        ['Header', SymbolKind.Module, 'CM16-0238035'],
        ['HOW THE IMR FINAL DETERMINATION WAS MADE', SymbolKind.Namespace, undefined],
        ['CLINICAL CASE SUMMARY', SymbolKind.Namespace, undefined],
        ['IMR ISSUES, DECISIONS AND RATIONALES', SymbolKind.Namespace, undefined],
      ],
    );
    const [header, howMade, , decisions] = symbols;
    assert.deepEqual(
      header.children?.map((c) => [c.name, c.kind, c.detail]),
      [
        ['Case Number', SymbolKind.Property, 'CM16-0238035'],
        ['Date Assigned', SymbolKind.Property, '12/14/2016'],
        ['Decision Date', SymbolKind.Property, '01/20/2017'],
        ['Priority', SymbolKind.Property, 'Standard'],
        ['Date of Injury', SymbolKind.Property, '10/10/2016'],
        ['UR Denial Date', SymbolKind.Property, '12/01/2016'],
        ['Application Received', SymbolKind.Property, '12/12/2016'],
      ],
    );
    assert.deepEqual(header.children?.[0].selectionRange, r(0, 0, 0, 12));
    assert.deepEqual(
      howMade.children?.map((c) => [c.name, c.kind, c.detail, c.range]),
      [['Reviewer credentials', SymbolKind.Object, 'Orthopedic Surgery, Sports Medicinea · California, Texas', r(28, 0, 30, 64)]],
    );
    assert.deepEqual(decisions.range, r(49, 0, 110, 74));
    assert.deepEqual(decisions.selectionRange, r(49, 0, 49, 36));
    const items = decisions.children ?? [];
    assert.deepEqual(
      items.map((i) => [i.name, i.kind, i.detail]),
      [
        ['Right shoulder arthroscopy RCR (rotator cuff repair) and decompression', SymbolKind.Event, 'Upheld · MTUS Shoulder Complaints 2004'],
        ['Medical Clearance', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Labs to include: EKG', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Labs to include: Chest X-ray', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Post-op physical therapy 2 times a week for 4 weeks', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Associated surgical service: Cold compression therapy 30 day rental', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Associated surgical service: Shoulder wrap for purchase', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Associated surgical service: Shoulder sling with abduction pillow', SymbolKind.Event, 'Upheld · no medical evidence cited'],
      ],
    );
    // Item 1 starts after the form feed that opens its page (line 53 of the file).
    assert.deepEqual([items[0].range, items[0].selectionRange], [r(52, 1, 67, 35), r(52, 1, 52, 79)]);
    assert.deepEqual([items[1].range, items[1].selectionRange], [r(68, 0, 73, 74), r(68, 0, 68, 25)]);
    assert.deepEqual([items[7].range, items[7].selectionRange], [r(105, 0, 110, 74), r(105, 0, 105, 73)]);
    for (const item of items) {
      assert.deepEqual(
        item.children?.map((f) => [f.name, f.kind]),
        [
          ['Claims Administrator guideline', SymbolKind.Field],
          ['MAXIMUS guideline', SymbolKind.Field],
          ['Decision rationale', SymbolKind.Field],
        ],
        item.name,
      );
    }
    // Field details (citation, conclusion) are outline.ts's wording: only their presence is checked here.
    assert.deepEqual(
      items[0].children?.map((f) => [f.range, f.selectionRange, typeof f.detail]),
      [
        [r(53, 0, 55, 37), r(53, 0, 53, 31), 'string'],
        [r(56, 0, 57, 24), r(56, 0, 56, 18), 'string'],
        [r(58, 0, 67, 35), r(58, 0, 58, 19), 'string'],
      ],
    );
  });

  test('CM17-0020384: one Overturned partial-authorisation item, named from its text', { skip: corpusSkip() }, async () => {
    const symbols = await symbolsOf(corpusText('dwc-2016/text/CM17-0020384.txt'));
    assertWellFormed(symbols, 'CM17-0020384');
    const decisions = symbols.find((s) => s.name === 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.ok(decisions, 'decisions section');
    assert.deepEqual(decisions.range, r(45, 0, 79, 74));
    const items = decisions.children ?? [];
    assert.equal(items.length, 1);
    const [item] = items;
    assert.equal(item.name, 'EMG/NCS of the right upper extremity was … EMG of the right upper extremity');
    assert.equal(item.kind, SymbolKind.Event);
    assert.equal(item.detail, 'Overturned · Non-MTUS ODG');
    // The item text wraps over three lines (48–50 of the file); the decision ends the third.
    assert.deepEqual(item.selectionRange, r(47, 0, 49, 80));
    assert.deepEqual(item.range, r(47, 0, 79, 74));
    assert.deepEqual(
      item.children?.map((f) => [f.name, f.selectionRange]),
      [
        ['Claims Administrator guideline', r(51, 1, 51, 32)],
        ['MAXIMUS guideline', r(53, 0, 53, 18)],
        ['Decision rationale', r(57, 0, 57, 19)],
      ],
    );
  });

  test('fixture: an Upheld and an Overturned item', async () => {
    const symbols = await symbolsOf(fixtureText('two-items.txt'));
    assertWellFormed(symbols, 'two-items');
    const decisions = symbols[3];
    assert.equal(decisions.name, 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.deepEqual(
      decisions.children?.map((i) => [i.name, i.detail, i.range, i.selectionRange]),
      [
        ['Physical therapy 2 times a week for 4 weeks for the lumbar spine', 'Upheld · MTUS Chronic Pain Medical Treatment 2016', r(41, 0, 49, 35), r(41, 0, 41, 72)],
        ['Ibuprofen 800mg #60', 'Overturned · MTUS Chronic Pain Medical Treatment 2016', r(50, 0, 58, 44), r(50, 0, 50, 31)],
      ],
    );
  });

  test('the symbols are the outline of core/outline.ts, adapted one to one', async () => {
    const text = fixtureText('two-items.txt');
    assert.deepEqual(await symbolsOf(text), toDocumentSymbols(outline(parse(text))));
  });

  test('every corpus letter: well-formed symbols, one Upheld/Overturned item symbol per decided item', { skip: corpusSkip() }, async () => {
    const dir = path.join(CORPUS, 'dwc-2016', 'text');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    assert.equal(files.length, 117);
    let items = 0;
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const symbols = await symbolsOf(text, file);
      assertWellFormed(symbols, file);
      const decisions = symbols.find((s) => s.name === 'IMR ISSUES, DECISIONS AND RATIONALES');
      assert.ok(decisions, `${file}: no decisions section symbol`);
      for (const item of decisions.children ?? []) {
        assert.equal(item.kind, SymbolKind.Event, `${file}: ${item.name}`);
        assert.match(item.detail ?? '', /^(Upheld|Overturned) · /, `${file}: ${item.name}`);
        items++;
      }
    }
    // Format guide §3: 247 items in the 117 letters.
    assert.equal(items, 247);
  });

  test('a document that is not open gets no symbols', async () => {
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: fileUri(path.join(ws, 'never-opened.txt')) } });
    assert.deepEqual(symbols, []);
  });
});
