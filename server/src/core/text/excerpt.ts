// Text that runs over several source lines, folded to one string, with a map back to source positions.
import type { Position, Range, Span } from '../model';
import type { Line } from './lines';

interface Piece {
  /** Offset of this piece in the folded text. */
  offset: number;
  line: number;
  character: number;
  length: number;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}

export class Excerpt {
  private constructor(
    readonly text: string,
    private readonly pieces: Piece[],
  ) {}

  static empty(at: Position): Excerpt {
    return new Excerpt('', [{ offset: 0, line: at.line, character: at.character, length: 0 }]);
  }

  /**
   * Folds `lines` into one string joined by single spaces. `firstFrom` skips that many characters of
   * the first line (e.g. a label), `lastTo` cuts the last line at that many characters of its text.
   */
  static fromLines(lines: readonly Line[], firstFrom = 0, lastTo?: number): Excerpt {
    const pieces: Piece[] = [];
    let text = '';
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      let from = i === 0 ? firstFrom : 0;
      let to = i === lines.length - 1 && lastTo !== undefined ? lastTo : l.text.length;
      // Skip blanks after a label and before a cut.
      while (from < to && isBlank(l.text.charCodeAt(from))) from++;
      while (to > from && isBlank(l.text.charCodeAt(to - 1))) to--;
      if (to <= from) {
        if (pieces.length === 0 && i === lines.length - 1) {
          return Excerpt.empty({ line: l.line, character: l.start + from });
        }
        continue;
      }
      if (text.length > 0) text += ' ';
      pieces.push({ offset: text.length, line: l.line, character: l.start + from, length: to - from });
      text += l.text.slice(from, to);
    }
    if (pieces.length === 0) return Excerpt.empty({ line: 0, character: 0 });
    return new Excerpt(text, pieces);
  }

  private pieceAt(offset: number): Piece {
    const pieces = this.pieces;
    // Binary search for the last piece starting at or before offset.
    let lo = 0;
    let hi = pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pieces[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return pieces[lo];
  }

  positionAt(offset: number): Position {
    const p = this.pieceAt(offset);
    const within = Math.max(0, Math.min(offset - p.offset, p.length));
    return { line: p.line, character: p.character + within };
  }

  /** Range of text[start, end). An end just after a joining space maps to the end of the earlier line. */
  rangeOf(start: number, end: number): Range {
    const s = this.positionAt(start);
    if (end <= start) return { start: s, end: s };
    const p = this.pieceAt(end - 1);
    const within = Math.max(0, Math.min(end - p.offset, p.length));
    return { start: s, end: { line: p.line, character: p.character + within } };
  }

  get range(): Range {
    return this.rangeOf(0, this.text.length);
  }

  span(start = 0, end = this.text.length): Span {
    return { text: this.text.slice(start, end), range: this.rangeOf(start, end) };
  }

  toSpan(): Span {
    return this.span();
  }
}
