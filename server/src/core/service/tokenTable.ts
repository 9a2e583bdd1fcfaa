// The tokens of a document in columns, and the collector that builds them: candidates from the model's
// ranges, split per line, clipped to each line's content, and de-overlapped by priority. Pure.
import { contentEnd, contentStart, isBlank } from '../text/chars';
import type { Range } from '../model';
import type { SourceText } from '../source';

/** A token type and its modifiers packed in one integer: type index << 16 | modifier bits. */
export type Kind = number;

/**
 * A document's tokens in columns: sorted by position, non-overlapping, one line each. Compact (a 10 MiB
 * document has ~80,000 tokens), and sliced for range requests without copying objects.
 */
/** Element `i` of a token column; 0 past its end, where callers never read (they stay below `count`). */
export function cell(column: ArrayLike<number> | undefined, i: number): number {
  return column?.[i] ?? 0;
}

export interface TokenTable {
  count: number;
  line: Int32Array;
  start: Int32Array;
  length: Int32Array;
  /** Packed type << 16 | modifier bits. */
  kind: Int32Array;
}

export class TokenCollector {
  // Candidates in Int32 columns: no object per token, and 4 bytes a number where an array of numbers takes 8
  // (a 10 MiB document has ~100,000 candidates; its tokens request was the server's memory peak).
  private readonly candidates = new Columns(5, 1024);

  constructor(private readonly source: SourceText) {}

  add(line: number, start: number, end: number, kind: Kind, priority: number): void {
    if (end <= start || line < 0) return;
    this.candidates.push(line, start, end, kind, priority);
  }

  /** A range of the model, split per line and clipped to each line's content. */
  range(range: Range, kind: Kind, priority: number): void {
    const { start, end } = range;
    if (end.line < start.line) return;
    if (start.line === end.line) {
      this.add(start.line, start.character, end.character, kind, priority);
      return;
    }
    for (let line = start.line; line <= end.line; line++) {
      const text = this.source.lineAt(line);
      let from = Math.max(line === start.line ? start.character : 0, contentStart(text));
      let to = Math.min(line === end.line ? end.character : text.length, contentEnd(text));
      while (from < to && isBlank(text.charCodeAt(from))) from++;
      while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
      this.add(line, from, to, kind, priority);
    }
  }

  /** Sorted, single-line, non-overlapping: a lower-priority token is cut around a higher one. */
  result(): TokenTable {
    const n = this.candidates.count;
    const [cLine, cStart, cEnd, cKind, cPriority] = this.candidates.columns();
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort(
      (a, b) =>
        cell(cLine, a) - cell(cLine, b) || cell(cStart, a) - cell(cStart, b) || cell(cPriority, b) - cell(cPriority, a),
    );
    const out = new TableBuilder(n);
    for (let i = 0; i < n;) {
      const line = cell(cLine, cell(order, i));
      let j = i + 1;
      let overlaps = false;
      while (j < n && cell(cLine, cell(order, j)) === line) {
        if (cell(cStart, cell(order, j)) < cell(cEnd, cell(order, j - 1))) overlaps = true;
        j++;
      }
      if (!overlaps) {
        for (let k = i; k < j; k++) {
          const c = cell(order, k);
          out.push(line, cell(cStart, c), cell(cEnd, c), cell(cKind, c));
        }
      } else {
        this.resolveLine(order.subarray(i, j), out);
      }
      i = j;
    }
    return out.table();
  }

  /** The tokens of one line with overlaps: by priority, each keeps only what no stronger token took. */
  private resolveLine(group: Int32Array, out: TableBuilder): void {
    const [cLine, cStart, cEnd, cKind, cPriority] = this.candidates.columns();
    const byPriority = Array.from(group).sort(
      (a, b) => cell(cPriority, b) - cell(cPriority, a) || cell(cStart, a) - cell(cStart, b),
    );
    const taken: Array<[number, number]> = [];
    const kept: Array<[number, number, number]> = [];
    for (const c of byPriority) {
      let pieces: Array<[number, number]> = [[cell(cStart, c), cell(cEnd, c)]];
      for (const [ts, te] of taken) {
        const next: Array<[number, number]> = [];
        for (const [s, e] of pieces) {
          if (te <= s || ts >= e) next.push([s, e]);
          else {
            if (s < ts) next.push([s, ts]);
            if (te < e) next.push([te, e]);
          }
        }
        pieces = next;
        if (pieces.length === 0) break;
      }
      for (const [s, e] of pieces) {
        kept.push([s, e, cell(cKind, c)]);
        taken.push([s, e]);
      }
    }
    kept.sort((a, b) => a[0] - b[0]);
    const line = cell(cLine, cell(group, 0));
    for (const [s, e, k] of kept) out.push(line, s, e, k);
  }
}

/** Rows of integers in parallel Int32 columns that double when full (amortised; the old ones are let go). */
class Columns {
  count = 0;
  private data: Int32Array[];

  constructor(width: number, capacity: number) {
    this.data = Array.from({ length: width }, () => new Int32Array(capacity));
  }

  push(...row: number[]): void {
    const i = this.count;
    if (i === (this.data[0]?.length ?? 0)) this.grow();
    for (let c = 0; c < row.length; c++) {
      const column = this.data[c];
      if (column) column[i] = row[c] ?? 0;
    }
    this.count = i + 1;
  }

  columns(): Int32Array[] {
    return this.data;
  }

  /** The columns cut to the rows pushed: the columns themselves when full, else copies. */
  fitted(): Int32Array[] {
    const n = this.count;
    return this.data.map((column) => (column.length === n ? column : column.slice(0, n)));
  }

  private grow(): void {
    const size = (this.data[0]?.length ?? 0) * 2 + 4;
    this.data = this.data.map((column) => {
      const wider = new Int32Array(size);
      wider.set(column);
      return wider;
    });
  }
}

class TableBuilder {
  private readonly rows: Columns;

  /** `capacity`: the tokens before cutting, usually the exact count; a line with overlaps may need more. */
  constructor(capacity: number) {
    this.rows = new Columns(4, capacity);
  }

  push(line: number, start: number, end: number, kind: number): void {
    this.rows.push(line, start, end - start, kind);
  }

  /** The columns themselves when full (the usual case: no copy), else trimmed to the count. */
  table(): TokenTable {
    const [line, start, length, kind] = this.rows.fitted();
    const empty = new Int32Array(0);
    return {
      count: this.rows.count,
      line: line ?? empty,
      start: start ?? empty,
      length: length ?? empty,
      kind: kind ?? empty,
    };
  }
}

/** The slice `[from, to)` of tokens that touch `range` (whole tokens: never cut by the range). */
export function tableRange(table: TokenTable, range: Range): [number, number] {
  const { start, end } = range;
  // First token not entirely before the range start.
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const l = cell(table.line, mid);
    const before =
      l < start.line || (l === start.line && cell(table.start, mid) + cell(table.length, mid) <= start.character);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  const from = lo;
  hi = table.count;
  // First token entirely after the range end.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const l = cell(table.line, mid);
    const after = l > end.line || (l === end.line && cell(table.start, mid) >= end.character);
    if (after) hi = mid;
    else lo = mid + 1;
  }
  return [from, Math.max(from, lo)];
}
