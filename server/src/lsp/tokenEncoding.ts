// The protocol's encoding of semantic tokens: five integers per token, positions relative to the previous one.
import { cell, tokenKind, type Token, type TokenTable } from '../core/service/tokens';
import { EncodedJsonArray } from './messageWriter';

type TokenSink = (deltaLine: number, deltaStart: number, length: number, type: number, modifiers: number) => void;

/** Tokens `[from, to)` of a table in the LSP encoding, given to `put` one token (five integers) at a time. */
function eachEncoded(table: TokenTable, from: number, to: number, put: TokenSink): void {
  let line = 0;
  let character = 0;
  for (let i = from; i < to; i++) {
    const l = cell(table.line, i);
    const s = cell(table.start, i);
    const deltaLine = l - line;
    const kind = cell(table.kind, i);
    put(deltaLine, deltaLine === 0 ? s - character : s, cell(table.length, i), kind >>> 16, kind & 0xffff);
    line = l;
    character = s;
  }
}

/** The LSP encoding of tokens `[from, to)` of a table: five integers per token, relative positions. */
export function encodeTable(table: TokenTable, from = 0, to = table.count): number[] {
  const data = new Array<number>((to - from) * 5);
  let k = 0;
  eachEncoded(table, from, to, (deltaLine, deltaStart, length, type, modifiers) => {
    data[k++] = deltaLine;
    data[k++] = deltaStart;
    data[k++] = length;
    data[k++] = type;
    data[k++] = modifiers;
  });
  return data;
}

/**
 * `encodeTable` as JSON in chunks, for a transport that writes it as it is (messageWriter.ts): a 10 MiB
 * document's 100,000 tokens would otherwise stand as an array of half a million numbers and its JSON at once.
 */
export function encodeTableJson(table: TokenTable, from = 0, to = table.count): EncodedJsonArray {
  const out = new EncodedJsonArray();
  eachEncoded(table, from, to, (deltaLine, deltaStart, length, type, modifiers) =>
    out.pushJson(`${deltaLine},${deltaStart},${length},${type},${modifiers}`),
  );
  return out;
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
