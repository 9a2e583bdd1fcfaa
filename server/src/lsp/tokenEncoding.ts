// The protocol's encoding of semantic tokens: five integers per token, positions relative to the previous one.
import { cell, tokenKind, type Token, type TokenTable } from '../core/service/tokens';

/** The LSP encoding of tokens `[from, to)` of a table: five integers per token, relative positions. */
export function encodeTable(table: TokenTable, from = 0, to = table.count): number[] {
  const data = new Array<number>((to - from) * 5);
  let line = 0;
  let character = 0;
  let k = 0;
  for (let i = from; i < to; i++) {
    const l = cell(table.line, i);
    const s = cell(table.start, i);
    const deltaLine = l - line;
    data[k++] = deltaLine;
    data[k++] = deltaLine === 0 ? s - character : s;
    data[k++] = cell(table.length, i);
    data[k++] = cell(table.kind, i) >>> 16;
    data[k++] = cell(table.kind, i) & 0xffff;
    line = l;
    character = s;
  }
  return data;
}

/** The LSP encoding of token objects (`documentTokens`). */
export function encodeTokens(tokens: readonly Token[]): number[] {
  const data = new Array<number>(tokens.length * 5);
  let line = 0;
  let character = 0;
  let k = 0;
  for (const t of tokens) {
    const deltaLine = t.line - line;
    data[k++] = deltaLine;
    data[k++] = deltaLine === 0 ? t.start - character : t.start;
    data[k++] = t.end - t.start;
    const kind = tokenKind(t.type, t.modifiers);
    data[k++] = kind >>> 16;
    data[k++] = kind & 0xffff;
    line = t.line;
    character = t.start;
  }
  return data;
}
