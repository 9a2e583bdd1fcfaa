// A short stretch of the original text read as one line: whitespace runs that hold a line break (and the
// doubled seeds' empty lines, form feeds, trailing blanks) become one space, so that a date wrapped as
// "December 27," / "2005." or "10-" / "18-2016" reads whole. Keeps a map back to source offsets.

import { isSpaceOrBreak } from '../../text/chars';

export class FoldedStretch {
  /** Pairs (offset in `text`, offset in the source) where a piece of unchanged source text starts. */
  private readonly pieces: number[] = [];
  text = '';

  /** Appends source text[from, to), unchanged. */
  add(source: string, from: number, to: number): void {
    this.pieces.push(this.text.length, from);
    this.text += source.slice(from, to);
  }

  /** Appends one space standing for the whitespace run that starts at source offset `at`. */
  addSpace(at: number): void {
    this.pieces.push(this.text.length, at);
    this.text += ' ';
  }

  /** Offset in the source of folded character `k` (a folded space maps to the start of its run). */
  sourceOffset(k: number): number {
    for (let p = this.pieces.length - 2; p >= 0; p -= 2) {
      const folded = this.pieces[p];
      const source = this.pieces[p + 1];
      if (folded === undefined || source === undefined) break;
      if (p === 0 || folded <= k) return source + (k - folded);
    }
    return k; // nothing added: the stretch is empty
  }
}

const BREAK = /[\n\r\f]/;

/** Where the line that `from` is on ends, looking no further than `cap`: its first break, else `cap`. */
function lineEnd(text: string, from: number, cap: number): number {
  // A native scan of a short slice: a character loop costs more than everything else done per keyword, and a
  // scan of the whole rest of a long line would make a line full of keywords quadratic.
  const k = text.slice(from, cap).search(BREAK);
  return k < 0 ? cap : from + k;
}

/**
 * About `length` folded characters of `text` from `start`: whole lines, except that no more than twice
 * `length` characters of one line are read, so that the work per call is bounded whatever the line's
 * length; never past `limit`.
 */
export function foldAhead(text: string, start: number, length: number, limit = text.length): FoldedStretch {
  const stretch = new FoldedStretch();
  let i = start;
  while (i < limit && stretch.text.length < length) {
    // Copy up to the next line break, then fold the whitespace around it into one space.
    let j = lineEnd(text, i, Math.min(limit, i + 2 * length));
    let end = j;
    while (end > i && isSpaceOrBreak(text.charCodeAt(end - 1))) end--;
    if (end > i) stretch.add(text, i, end);
    while (j < limit && isSpaceOrBreak(text.charCodeAt(j))) j++;
    if (j > end && j < limit) stretch.addSpace(end);
    i = j;
  }
  return stretch;
}
