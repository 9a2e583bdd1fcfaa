// Shape checks shared by the protocol tests and their corpus-wide sweeps (test/corpus/lsp.test.ts), and
// the LSP semantic token decoding, written independently of the server's encoder.
import assert from 'node:assert/strict';
import type { DocumentSymbol, Range, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { at, exactly } from '../support/elements';

export interface Decoded {
  line: number;
  start: number;
  length: number;
  type: string;
  modifiers: string[];
}

/** The LSP relative encoding decoded independently of the server's own code. */
export function decode(data: readonly number[], legend: SemanticTokensLegend): Decoded[] {
  assert.equal(data.length % 5, 0, 'data is a multiple of 5 integers');
  const out: Decoded[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, ds, length, type, mods] = exactly(data.slice(i, i + 5), 5, `token ${i / 5} has five numbers`);
    line += dl;
    start = dl === 0 ? start + ds : ds;
    const modifiers = legend.tokenModifiers.filter((_, bit) => (mods & (1 << bit)) !== 0);
    assert.ok(type < legend.tokenTypes.length, `token type index ${type} is in the legend`);
    out.push({ line, start, length, type: at(legend.tokenTypes, type), modifiers });
  }
  return out;
}

/** Tokens sorted, without overlap, each on one line and inside it. */
export function assertTokensWellFormed(tokens: Decoded[], lines: string[], where: string): void {
  let previous: Decoded | undefined;
  for (const t of tokens) {
    assert.ok(t.length > 0, `${where}: empty token at ${t.line}:${t.start}`);
    assert.ok(t.start + t.length <= at(lines, t.line).length, `${where}: token past the end of line ${t.line}`);
    if (previous)
      assert.ok(
        previous.line < t.line || previous.start + previous.length <= t.start,
        `${where}: unsorted or overlapping at ${t.line}:${t.start}`,
      );
    previous = t;
  }
}

function within(outer: Range, inner: Range): boolean {
  const le = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

/** Every symbol has a name, its selectionRange inside its range, its children inside it. */
export function assertSymbolsWellFormed(symbols: DocumentSymbol[], where: string, parent?: DocumentSymbol): void {
  for (const s of symbols) {
    assert.ok(s.name.trim().length > 0, `${where}: empty name`);
    assert.ok(within(s.range, s.selectionRange), `${where}: selectionRange of "${s.name}" outside its range`);
    if (parent) assert.ok(within(parent.range, s.range), `${where}: "${s.name}" outside its parent "${parent.name}"`);
    assertSymbolsWellFormed(s.children ?? [], where, s);
  }
}
