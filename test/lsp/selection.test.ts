// textDocument/selectionRange (smart select) over the wire, at known positions of the fixture letter.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Range, SelectionRange } from 'vscode-languageserver-protocol';
import { fileUri, fixtureText, LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { letterText } from '../support/letters';

type Quad = [number, number, number, number];
const quad = (r: Range): Quad => [r.start.line, r.start.character, r.end.line, r.end.character];

/** Innermost first. */
function chain(s: SelectionRange | undefined): Quad[] {
  const out: Quad[] = [];
  for (let c = s; c; c = c.parent) out.push(quad(c.range));
  return out;
}

const DOCUMENT: Quad = [0, 0, 59, 0];
const DECISIONS: Quad = [39, 0, 58, 44];
const ITEM_1: Quad = [41, 0, 49, 35];

describe('selection ranges', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  let ws: string;
  let uri: string;

  before(async () => {
    ({ lsp, ws } = server);
    uri = await server.openLetter(fixtureText('two-items.txt'), 'two-items.txt');
  });

  const at = async (...positions: [number, number][]) =>
    lsp.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions: positions.map(([line, character]) => ({ line, character })),
    });

  test('in a rationale body: body → field → item → decisions section → document', async () => {
    const [s] = await at([47, 10]);
    assert.deepEqual(chain(s), [[46, 20, 49, 35], [46, 0, 49, 35], ITEM_1, DECISIONS, DOCUMENT]);
  });

  test('in the necessity sentence: the sentence first', async () => {
    const [s] = await at([49, 5]);
    assert.deepEqual(chain(s), [[48, 76, 49, 35], [46, 20, 49, 35], [46, 0, 49, 35], ITEM_1, DECISIONS, DOCUMENT]);
  });

  test('in a citation of the MAXIMUS guideline: citation → body → field → item', async () => {
    const [s] = await at([44, 40]);
    assert.deepEqual(chain(s), [[44, 37, 45, 17], [44, 19, 45, 18], [44, 0, 45, 18], ITEM_1, DECISIONS, DOCUMENT]);
  });

  test('on the decision word and on the item text: → heading line → item', async () => {
    const [decision, text] = await at([41, 68], [41, 3]);
    assert.deepEqual(chain(decision), [[41, 66, 41, 72], [41, 0, 41, 72], ITEM_1, DECISIONS, DOCUMENT]);
    assert.deepEqual(chain(text), [[41, 0, 41, 64], [41, 0, 41, 72], ITEM_1, DECISIONS, DOCUMENT]);
  });

  test('in the header, in a plain section, past the end', async () => {
    const [header, summary, end] = await at([5, 3], [33, 5], [59, 0]);
    assert.deepEqual(chain(header), [[5, 0, 5, 12], [0, 0, 17, 10], DOCUMENT]);
    assert.deepEqual(chain(summary), [[31, 0, 38, 96], DOCUMENT]);
    assert.deepEqual(chain(end), [DOCUMENT]);
  });

  test('CM17-0020384: the wrapped partial-authorisation heading of the one item', async () => {
    const other = fileUri(path.join(ws, 'CM17-0020384.txt'));
    await lsp.open(other, letterText('dwc-2016/text/CM17-0020384.txt'));
    const [s] = await lsp.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri: other },
      positions: [{ line: 48, character: 5 }],
    });
    const ranges = chain(s);
    // … → item text → heading (three lines) → item → decisions section → document
    assert.deepEqual(ranges.slice(-4), [
      [47, 0, 49, 80],
      [47, 0, 79, 74],
      [45, 0, 79, 74],
      [0, 0, 81, 1],
    ]); // the file ends with a form feed on line 82
    await lsp.close(other);
  });
});
