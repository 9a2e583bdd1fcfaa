// textDocument/semanticTokens/full and /range over the wire (VS Code capabilities), decoded with the legend
// the server declares in its initialize result. Real letters shipped in the repo (test/support/letters.ts),
// each also checked in-process for sorted, single-line, non-overlapping tokens.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import {
  collectTokens,
  documentTokens,
  TOKEN_MODIFIERS as LEGEND_MODIFIERS,
  TOKEN_TYPES as LEGEND_TYPES,
} from '../../server/src/core/service/tokens';
import { encodeTable, encodeTableJson, encodeTokens } from '../../server/src/lsp/tokenEncoding';
import { fileUri, LspHarness, NEOVIM_CAPABILITIES, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { letterText, SHIPPED_LETTERS } from '../support/letters';
import { assertTokensWellFormed, decode, type Decoded } from './wellFormed';
import { at, defined } from '../support/elements';

function tokenAt(tokens: Decoded[], line: number, start: number): Decoded | undefined {
  return tokens.find((t) => t.line === line && t.start === start);
}

function text(t: Decoded, lines: string[]): string {
  return at(lines, t.line).slice(t.start, t.start + t.length);
}

describe('semantic tokens', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  let legend: SemanticTokensLegend;

  before(() => {
    lsp = server.lsp;
    const provider = lsp.initializeResult.capabilities.semanticTokensProvider;
    assert.ok(provider && 'legend' in provider, 'the server declares a semantic tokens provider with a legend');
    legend = provider.legend;
  });

  async function openLetter(letter: string): Promise<{ uri: string; lines: string[] }> {
    const uri = await server.openLetter(letter);
    return { uri, lines: letter.split(/\r\n|\r|\n/) };
  }

  test('the server declares full and range requests and a legend of standard types plus decision modifiers', () => {
    const provider = defined(lsp.initializeResult.capabilities.semanticTokensProvider, 'a semantic tokens provider');
    assert.equal(provider.full, true);
    assert.equal(provider.range, true);
    for (const type of [
      'namespace',
      'property',
      'function',
      'keyword',
      'enumMember',
      'number',
      'string',
      'type',
      'macro',
      'parameter',
    ]) {
      assert.ok(legend.tokenTypes.includes(type), `legend has ${type}`);
    }
    for (const modifier of ['upheld', 'overturned', 'date', 'declaration'])
      assert.ok(legend.tokenModifiers.includes(modifier), `legend has ${modifier}`);
  });

  test('CM16-0238035: header labels, case number, dates, headings, items, decisions, citations, conclusion', async () => {
    const { uri, lines } = await openLetter(letterText('dwc-2016/text/CM16-0238035.txt'));
    const result = await lsp.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens = decode(result.data, legend);
    assertTokensWellFormed(tokens, lines, 'CM16-0238035');
    const expect = (line: number, start: number, want: string, type: string, modifiers: string[]) => {
      const t = tokenAt(tokens, line, start);
      assert.ok(t, `a token at ${line}:${start} (${want})`);
      assert.deepEqual(
        [text(t, lines), t.type, [...t.modifiers].sort()],
        [want, type, [...modifiers].sort()],
        `token at ${line}:${start}`,
      );
    };
    expect(0, 0, 'Case Number:', 'property', []);
    expect(5, 0, 'CM16-0238035', 'number', ['declaration', 'readonly']);
    expect(6, 0, '12/14/2016', 'number', ['date']);
    expect(15, 0, '10/10/2016', 'number', ['date']);
    // `Application` / `Received:` wraps: one token per line.
    expect(12, 0, 'Application', 'property', []);
    expect(13, 0, 'Received:', 'property', []);
    expect(19, 0, 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'namespace', ['declaration']);
    expect(49, 0, 'IMR ISSUES, DECISIONS AND RATIONALES', 'namespace', ['declaration']);
    expect(29, 0, 'State(s) of Licensure:', 'property', []);
    // A date in the case summary.
    expect(38, 64, '10/27/2016', 'number', ['date']);
    // Item 1, after the form feed that starts its line.
    expect(52, 1, 'Right shoulder arthroscopy RCR (rotator cuff repair) and decompression', 'function', [
      'declaration',
    ]);
    expect(52, 73, 'Upheld', 'keyword', ['upheld']);
    // Item text with its own colon: split on the last one.
    expect(74, 0, 'Labs to include: EKG', 'function', ['declaration']);
    expect(74, 22, 'Upheld', 'keyword', ['upheld']);
    expect(53, 0, 'Claims Administrator guideline:', 'property', []);
    expect(54, 68, 'Non-MTUS Citation', 'macro', ['nonMtus']);
    expect(55, 0, 'Official Disability Guidelines (ODG)', 'type', ['nonMtus']);
    expect(56, 0, 'MAXIMUS guideline:', 'property', []);
    expect(56, 37, 'MTUS', 'macro', ['mtus']);
    expect(56, 42, 'Shoulder Complaints 2004', 'type', ['mtus']);
    expect(57, 0, 'Surgical Considerations', 'parameter', ['mtus']);
    expect(58, 0, 'Decision rationale:', 'property', []);
    // The conclusion sentence, split over its two lines.
    expect(66, 81, 'As such, the', 'string', ['negative']);
    expect(67, 0, 'request is not medically necessary.', 'string', ['negative']);
    assert.equal(
      tokens.filter((t) => t.type === 'keyword' && t.modifiers.includes('upheld')).length,
      8,
      'eight Upheld decisions',
    );
    assert.equal(tokens.filter((t) => t.modifiers.includes('overturned')).length, 0);
    await lsp.close(uri);
  });

  test('CM17-0020384: Overturned is an enumMember with the overturned modifier; a positive conclusion', async () => {
    const { uri, lines } = await openLetter(letterText('dwc-2016/text/CM17-0020384.txt'));
    const result = await lsp.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens = decode(result.data, legend);
    assertTokensWellFormed(tokens, lines, 'CM17-0020384');
    const decision = tokenAt(tokens, 49, 70);
    assert.deepEqual(decision && [text(decision, lines), decision.type, decision.modifiers], [
      'Overturned',
      'enumMember',
      ['overturned'],
    ]);
    const conclusion = tokenAt(tokens, 78, 75);
    assert.deepEqual(conclusion && [text(conclusion, lines), conclusion.type, conclusion.modifiers], [
      'For these reasons,',
      'string',
      ['positive'],
    ]);
    await lsp.close(uri);
  });

  test('a range request returns exactly the full tokens that touch the range', async () => {
    const { uri, lines } = await openLetter(letterText('dwc-2016/text/CM16-0238035.txt'));
    const full = decode(
      (await lsp.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data,
      legend,
    );
    const range = { start: { line: 52, character: 0 }, end: { line: 57, character: 5 } };
    const ranged = decode(
      (await lsp.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range })).data,
      legend,
    );
    assertTokensWellFormed(ranged, lines, 'range');
    assert.ok(ranged.length > 0);
    for (const t of ranged) assert.ok(t.line >= 52 && t.line <= 57, `token on line ${t.line} is inside the range`);
    const expected = full.filter(
      (t) => (t.line > 52 && t.line < 57) || t.line === 52 || (t.line === 57 && t.start < 5),
    );
    assert.deepEqual(ranged, expected);
    const [first, last] = [at(ranged, 0), at(ranged, -1)];
    assert.deepEqual([first.line, first.start, first.type], [52, 1, 'function']);
    assert.deepEqual([last.line, last.start, last.type], [57, 0, 'parameter']);
    await lsp.close(uri);
  });

  test('doubled-text seed letter: tokens land on the odd (content) lines', async () => {
    const { uri, lines } = await openLetter(letterText('seeds/000_a23c1bfa7502e53c.txt'));
    const tokens = decode(
      (await lsp.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } })).data,
      legend,
    );
    assertTokensWellFormed(tokens, lines, 'seed 000');
    const heading = tokenAt(tokens, 0, 1);
    assert.deepEqual(heading && [text(heading, lines), heading.type], [
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'namespace',
    ]);
    const item = tokenAt(tokens, 114, 0);
    assert.deepEqual(item && [text(item, lines), item.type], ['Medial branch block at C5-6', 'function']);
    const decision = tokenAt(tokens, 114, 29);
    assert.deepEqual(decision && [text(decision, lines), decision.type, decision.modifiers], [
      'Upheld',
      'keyword',
      ['upheld'],
    ]);
    for (const t of tokens) assert.equal(t.line % 2, 0, `token on content line ${t.line}`);
    await lsp.close(uri);
  });

  test('an unknown document gets no tokens; a closed one an empty result', async () => {
    const { uri } = await openLetter('Just some notes.\nNothing here.\n');
    const result = await lsp.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(result.data, []);
    await lsp.close(uri);
    const closed = await lsp.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(closed.data, []);
  });
});

/** Decided items per shipped letter, counted by eye (the all-letter sweep is in test/corpus/lsp.test.ts). */
const DECISIONS: Record<string, number> = {
  'dwc-2016/layout/CM17-0020384.txt': 1,
  'dwc-2016/text/CM16-0238035.txt': 8,
  'dwc-2016/text/CM16-0249320.txt': 1,
  'dwc-2016/text/CM16-0249536.txt': 6,
  'dwc-2016/text/CM17-0005418.txt': 2,
  'dwc-2016/text/CM17-0007142.txt': 9,
  'dwc-2016/text/CM17-0020384.txt': 1,
  'seeds/000_a23c1bfa7502e53c.txt': 3,
  'seeds/001_5b4dca91092a81f1.txt': 1,
  'seeds/003_4eeb92eb9dbe0eac.txt': 1,
};

describe('semantic tokens of the shipped letters (in process)', () => {
  test('sorted, single-line, non-overlapping, inside their lines; the encoding round-trips', () => {
    assert.deepEqual([...SHIPPED_LETTERS], Object.keys(DECISIONS));
    for (const name of SHIPPED_LETTERS) {
      const letter = letterText(name);
      const tokens = documentTokens(parse(letter), new SourceText(letter));
      const lines = letter.split(/\r\n|\r|\n/);
      const decoded = decode(encodeTokens(tokens), {
        tokenTypes: [...LEGEND_TYPES],
        tokenModifiers: [...LEGEND_MODIFIERS],
      });
      assertTokensWellFormed(decoded, lines, name);
      assert.deepEqual(
        decoded.map((t) => [t.line, t.start, t.length]),
        tokens.map((t) => [t.line, t.start, t.end - t.start]),
        `${name}: encoding round-trips`,
      );
      const decisions = decoded.filter((t) => t.modifiers.includes('upheld') || t.modifiers.includes('overturned'));
      assert.equal(decisions.length, DECISIONS[name], `${name}: one decision token per item`);
    }
  });
});

describe('semantic tokens encoded as JSON in chunks (in process)', () => {
  test('the same JSON as the array of integers, for the whole table and for a slice', () => {
    // Letters enough for JSON of several chunks.
    const text = Array.from({ length: 30 }, () => SHIPPED_LETTERS.map(letterText).join('\n')).join('\n');
    const table = collectTokens(parse(text), new SourceText(text));
    assert.ok(table.count > 10_000, `${table.count} tokens`);
    for (const [from, to] of [
      [0, table.count],
      [10, 40],
      [7, 7],
    ] as const) {
      const json = Buffer.concat(encodeTableJson(table, from, to).pieces()).toString('utf8');
      assert.equal(json, JSON.stringify(encodeTable(table, from, to)), `tokens ${from}..${to}`);
    }
  });
});

describe('documents over imr.maxDocumentSize', () => {
  const server = serverForSuite({
    capabilities: NEOVIM_CAPABILITIES,
    initializationOptions: { imr: { maxDocumentSize: 4000 } },
  });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  test('get no tokens, hover, completion or code lens, but still document symbols', async () => {
    const uri = fileUri(path.join(ws, 'large.txt'));
    const letter = letterText('dwc-2016/text/CM16-0238035.txt');
    assert.ok(letter.length > 4000);
    await lsp.open(uri, letter);
    const tokens = await lsp.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.deepEqual(tokens.data, []);
    const hover = await lsp.request<unknown>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 52, character: 75 },
    });
    assert.equal(hover, null);
    const completion = await lsp.request<{ items: unknown[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 53, character: 0 },
    });
    assert.deepEqual(completion.items, []);
    const lenses = await lsp.request<unknown[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses, []);
    const symbols = await lsp.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0, 'document symbols are still served');
  });
});
