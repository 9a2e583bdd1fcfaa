// textDocument/documentSymbol over the wire (VS Code capabilities: hierarchical symbols). Real letters shipped
// in the repo (test/support/letters.ts) and test/lsp/fixtures/; the all-letter sweep is in test/corpus/.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-protocol';
import { fileUri, fixtureText, LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { letterText } from '../support/letters';
import { assertSymbolsWellFormed } from './wellFormed';
import { at, exactly, only } from '../support/elements';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

/** A symbol as it comes over the wire: no `detail` or `children` keys when there are none. */
function sym(
  name: string,
  kind: SymbolKind,
  detail: string | undefined,
  range: Range,
  selectionRange: Range,
  children?: DocumentSymbol[],
): DocumentSymbol {
  return {
    name,
    kind,
    range,
    selectionRange,
    ...(detail === undefined ? {} : { detail }),
    ...(children ? { children } : {}),
  };
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

  test('CM16-0238035: header, sections, credentials and eight Upheld items with their fields', async () => {
    const symbols = await symbolsOf(letterText('dwc-2016/text/CM16-0238035.txt'));
    assertSymbolsWellFormed(symbols, 'CM16-0238035');
    assert.deepEqual(
      symbols.map((s) => [s.name, s.kind, s.detail]),
      [
        ['Header', SymbolKind.Module, 'CM16-0238035'],
        ['HOW THE IMR FINAL DETERMINATION WAS MADE', SymbolKind.Namespace, undefined],
        ['CLINICAL CASE SUMMARY', SymbolKind.Namespace, undefined],
        ['IMR ISSUES, DECISIONS AND RATIONALES', SymbolKind.Namespace, undefined],
      ],
    );
    const [header, howMade, , decisions] = exactly(symbols, 4);
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
    assert.deepEqual(at(header.children, 0).selectionRange, r(0, 0, 0, 12));
    assert.deepEqual(
      howMade.children?.map((c) => [c.name, c.kind, c.detail, c.range]),
      [
        [
          'Reviewer credentials',
          SymbolKind.Object,
          'Orthopedic Surgery, Sports Medicinea · California, Texas',
          r(28, 0, 30, 64),
        ],
      ],
    );
    assert.deepEqual(decisions.range, r(49, 0, 110, 74));
    assert.deepEqual(decisions.selectionRange, r(49, 0, 49, 36));
    const items = decisions.children ?? [];
    assert.deepEqual(
      items.map((i) => [i.name, i.kind, i.detail]),
      [
        ['Right shoulder arthroscopy RCR (rotator cuff…', SymbolKind.Event, 'Upheld · MTUS Shoulder Complaints 2004'],
        ['Medical Clearance', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Labs to include: EKG', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Labs to include: Chest X-ray', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Post-op physical therapy 2 times a week for 4…', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Associated surgical service: Cold compression…', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Associated surgical service: Shoulder wrap for…', SymbolKind.Event, 'Upheld · no medical evidence cited'],
        ['Associated surgical service: Shoulder sling…', SymbolKind.Event, 'Upheld · no medical evidence cited'],
      ],
    );
    // Item 1 starts after the form feed that opens its page (line 53 of the file).
    assert.deepEqual([at(items, 0).range, at(items, 0).selectionRange], [r(52, 1, 67, 35), r(52, 1, 52, 79)]);
    assert.deepEqual([at(items, 1).range, at(items, 1).selectionRange], [r(68, 0, 73, 74), r(68, 0, 68, 25)]);
    assert.deepEqual([at(items, 7).range, at(items, 7).selectionRange], [r(105, 0, 110, 74), r(105, 0, 105, 73)]);
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
      at(items, 0).children?.map((f) => [f.range, f.selectionRange, typeof f.detail]),
      [
        [r(53, 0, 55, 37), r(53, 0, 53, 31), 'string'],
        [r(56, 0, 57, 24), r(56, 0, 56, 18), 'string'],
        [r(58, 0, 67, 35), r(58, 0, 58, 19), 'string'],
      ],
    );
  });

  test('CM17-0020384: one Overturned partial-authorisation item, named from its text', async () => {
    const symbols = await symbolsOf(letterText('dwc-2016/text/CM17-0020384.txt'));
    assertSymbolsWellFormed(symbols, 'CM17-0020384');
    const decisions = symbols.find((s) => s.name === 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.ok(decisions, 'decisions section');
    assert.deepEqual(decisions.range, r(45, 0, 79, 74));
    const items = decisions.children ?? [];
    const item = only(items);
    assert.equal(item.name, 'EMG/NCS of the right upper extremity was the…');
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
    assertSymbolsWellFormed(symbols, 'two-items');
    const decisions = at(symbols, 3);
    assert.equal(decisions.name, 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.deepEqual(
      decisions.children?.map((i) => [i.name, i.detail, i.range, i.selectionRange]),
      [
        [
          'Physical therapy 2 times a week for 4 weeks for…',
          'Upheld · MTUS Chronic Pain Medical Treatment 2016',
          r(41, 0, 49, 35),
          r(41, 0, 41, 72),
        ],
        [
          'Ibuprofen 800mg #60',
          'Overturned · MTUS Chronic Pain Medical Treatment 2016',
          r(50, 0, 58, 44),
          r(50, 0, 50, 31),
        ],
      ],
    );
  });

  test('fixture: the whole tree, every range checked against the text', async () => {
    const mtus = 'MTUS Chronic Pain Medical Treatment 2016';
    const nsaids = `${mtus} (NSAIDs (non-steroidal anti-inflammatory drugs))`;
    assert.deepEqual(await symbolsOf(fixtureText('two-items.txt')), [
      sym('Header', SymbolKind.Module, 'CM00-0000001', r(0, 0, 17, 10), r(0, 0, 17, 10), [
        sym('Case Number', SymbolKind.Property, 'CM00-0000001', r(0, 0, 5, 12), r(0, 0, 0, 12)),
        sym('Date Assigned', SymbolKind.Property, '01/03/2017', r(1, 0, 6, 10), r(1, 0, 1, 14)),
        sym('Decision Date', SymbolKind.Property, '01/27/2017', r(2, 0, 7, 10), r(2, 0, 2, 14)),
        sym('Priority', SymbolKind.Property, 'Standard', r(3, 0, 8, 8), r(3, 0, 3, 9)),
        sym('Date of Injury', SymbolKind.Property, '03/04/2015', r(10, 0, 15, 10), r(10, 0, 10, 15)),
        sym('UR Denial Date', SymbolKind.Property, '12/12/2016', r(11, 0, 16, 10), r(11, 0, 11, 15)),
        // `Application` / `Received:` wraps over two lines.
        sym('Application Received', SymbolKind.Property, '12/20/2016', r(12, 0, 17, 10), r(12, 0, 13, 9)),
      ]),
      sym(
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        SymbolKind.Namespace,
        undefined,
        r(19, 0, 30, 62),
        r(19, 0, 19, 40),
        [
          sym(
            'Reviewer credentials',
            SymbolKind.Object,
            'Physical Medicine & Rehabilitation · California',
            r(28, 0, 30, 62),
            r(28, 0, 30, 62),
          ),
        ],
      ),
      sym('CLINICAL CASE SUMMARY', SymbolKind.Namespace, undefined, r(31, 0, 38, 96), r(31, 0, 31, 21)),
      sym('IMR ISSUES, DECISIONS AND RATIONALES', SymbolKind.Namespace, undefined, r(39, 0, 58, 44), r(39, 0, 39, 36), [
        sym(
          'Physical therapy 2 times a week for 4 weeks for…',
          SymbolKind.Event,
          `Upheld · ${mtus}`,
          r(41, 0, 49, 35),
          r(41, 0, 41, 72),
          [
            sym(
              'Claims Administrator guideline',
              SymbolKind.Field,
              `${mtus} (Physical Medicine)`,
              r(42, 0, 43, 30),
              r(42, 0, 42, 31),
            ),
            sym(
              'MAXIMUS guideline',
              SymbolKind.Field,
              `${mtus} (Physical Medicine)`,
              r(44, 0, 45, 18),
              r(44, 0, 44, 18),
            ),
            sym('Decision rationale', SymbolKind.Field, 'not medically necessary', r(46, 0, 49, 35), r(46, 0, 46, 19)),
          ],
        ),
        sym('Ibuprofen 800mg #60', SymbolKind.Event, `Overturned · ${mtus}`, r(50, 0, 58, 44), r(50, 0, 50, 31), [
          sym('Claims Administrator guideline', SymbolKind.Field, nsaids, r(51, 0, 52, 59), r(51, 0, 51, 31)),
          sym('MAXIMUS guideline', SymbolKind.Field, nsaids, r(53, 0, 54, 47), r(53, 0, 53, 18)),
          sym('Decision rationale', SymbolKind.Field, 'medically necessary', r(55, 0, 58, 44), r(55, 0, 55, 19)),
        ]),
      ]),
    ]);
  });

  test('a document that is not open gets no symbols', async () => {
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: fileUri(path.join(ws, 'never-opened.txt')) },
    });
    assert.deepEqual(symbols, []);
  });
});
