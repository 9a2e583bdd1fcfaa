// Text that runs over several source lines, folded to one string, with a map back to source positions.
import type { FoldedSpan, Position, Range, Span } from '../model';
import { isBlank } from './chars';
import type { Line } from './lines';

/**
 * The pieces, one per source line that gave text, as a flat list of numbers: the piece's offset in the folded
 * text, then its source line and character. A flat list, not an object per piece: a 1 MiB letter has
 * 20,000 lines, and every object is work for the garbage collector. A piece runs to the joining space before
 * the next one, or to the end of the text.
 */
const OFFSET = 0;
const LINE = 1;
const CHARACTER = 2;
const STRIDE = 3;

export class Excerpt implements FoldedSpan {
  /** Computed on first use: positions are never mutated. */
  private wholeRange?: Range;

  private constructor(
    readonly text: string,
    private readonly pieces: number[],
  ) {}

  static empty(at: Position): Excerpt {
    return new Excerpt('', [0, at.line, at.character]);
  }

  /**
   * Folds `lines` into one string joined by single spaces. `firstFrom` skips that many characters of
   * the first line (e.g. a label), `lastTo` cuts the last line at that many characters of its text.
   */
  static fromLines(lines: readonly Line[], firstFrom = 0, lastTo?: number): Excerpt {
    return Excerpt.fromLineRange(lines, 0, lines.length - 1, firstFrom, lastTo);
  }

  /** `fromLines` over `lines[first..last]`, without copying them out of a larger array. */
  static fromLineRange(lines: readonly Line[], first: number, last: number, firstFrom = 0, lastTo?: number): Excerpt {
    // Sized for every line up front and cut to what was used at the end: no regrowth while filling.
    const capacity = Math.max(0, last - first + 1);
    const pieces = new Array<number>(capacity * STRIDE);
    // Joined once at the end: one flat string, where `+=` would leave a rope to be flattened on first read.
    const texts = new Array<string>(capacity);
    let count = 0;
    let length = 0;
    for (let i = first; i <= last; i++) {
      const l = lines[i];
      if (!l) break; // `last` past the end of `lines`: nothing more to take
      let from = i === first ? firstFrom : 0;
      let to = i === last && lastTo !== undefined ? lastTo : l.text.length;
      // Skip blanks after a label and before a cut.
      while (from < to && isBlank(l.text.charCodeAt(from))) from++;
      while (to > from && isBlank(l.text.charCodeAt(to - 1))) to--;
      if (to <= from) {
        if (count === 0 && i === last) {
          return Excerpt.empty({ line: l.line, character: l.start + from });
        }
        continue;
      }
      if (count > 0) length++; // the joining space
      pieces[count * STRIDE + OFFSET] = length;
      pieces[count * STRIDE + LINE] = l.line;
      pieces[count * STRIDE + CHARACTER] = l.start + from;
      texts[count++] = from === 0 && to === l.text.length ? l.text : l.text.slice(from, to);
      length += to - from;
    }
    if (count === 0) return Excerpt.empty({ line: 0, character: 0 });
    // Lines are seldom skipped (they are never blank), so the cut is seldom needed: setting a length costs.
    if (count < capacity) {
      pieces.length = count * STRIDE;
      texts.length = count;
    }
    return new Excerpt(count === 1 ? (texts[0] ?? '') : texts.join(' '), pieces);
  }

  /** Index in `pieces` of the last piece starting at or before `offset` (binary search). */
  private pieceAt(offset: number): number {
    const pieces = this.pieces;
    let hi = pieces.length / STRIDE - 1;
    // The last piece, asked for by every range to the end of the text, without a search.
    if ((pieces[hi * STRIDE + OFFSET] ?? Infinity) <= offset) return hi * STRIDE;
    let lo = 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((pieces[mid * STRIDE + OFFSET] ?? Infinity) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo * STRIDE;
  }

  /** The source position of `offset`, counted from the start of the piece at `p` and kept within it. */
  private positionIn(p: number, offset: number): Position {
    const pieces = this.pieces;
    // `p` is a piece's index, so its three numbers are there; only the next piece may not be.
    const start = pieces[p + OFFSET] ?? 0;
    const nextStart = pieces[p + STRIDE + OFFSET];
    const length = (nextStart === undefined ? this.text.length : nextStart - 1) - start;
    const within = Math.max(0, Math.min(offset - start, length));
    return { line: pieces[p + LINE] ?? 0, character: (pieces[p + CHARACTER] ?? 0) + within };
  }

  positionAt(offset: number): Position {
    return this.positionIn(this.pieceAt(offset), offset);
  }

  /** Range of text[start, end). An end just after a joining space maps to the end of the earlier line. */
  rangeOf(start: number, end: number): Range {
    const p = this.pieceAt(start);
    const s = this.positionIn(p, start);
    if (end <= start) return { start: s, end: s };
    // Most ranges end in the piece they start in: then no second search.
    const next = this.pieces[p + STRIDE + OFFSET];
    const q = next === undefined || end - 1 < next ? p : this.pieceAt(end - 1);
    return { start: s, end: this.positionIn(q, end) };
  }

  get range(): Range {
    return (this.wholeRange ??= this.rangeOf(0, this.text.length));
  }

  span(start = 0, end = this.text.length): Span {
    return { text: this.text.slice(start, end), range: this.rangeOf(start, end) };
  }

  toSpan(): Span {
    return this.span();
  }

  /** The same text `lines` lines further down (up, when negative): a letter reused after an edit above it. */
  shiftedBy(lines: number): Excerpt {
    const pieces = this.pieces.slice();
    for (let p = LINE; p < pieces.length; p += STRIDE) pieces[p] = (pieces[p] ?? 0) + lines;
    return new Excerpt(this.text, pieces);
  }
}
