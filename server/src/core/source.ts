// The original text with lazy line access, for rules and fixes that need raw text.
import type { Position, Range } from './model';

export class SourceText {
  private lineStarts?: number[];
  private lineCursor?: LineCursor;

  constructor(readonly text: string) {}

  /**
   * Line lookups for readers that need only a few places of the text (the rules): a cursor that walks
   * forward, unlike `lineAt`/`positionAt`, which index every line start on first use. One per text, so
   * that every rule checking it moves the same cursor.
   */
  get cursor(): LineCursor {
    return (this.lineCursor ??= new LineCursor(this.text));
  }

  /** The line terminator to use in inserted text: the document's own. */
  get eol(): string {
    const n = this.text.indexOf('\n');
    return n > 0 && this.text.charCodeAt(n - 1) === 13 ? '\r\n' : '\n';
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text;
      if (t.indexOf('\r') < 0) {
        // LF only, the common case: indexOf runs natively, far faster than a loop over every character.
        for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
      } else {
        for (let i = 0; i < t.length; i++) {
          const c = t.charCodeAt(i);
          if (c === 13) {
            if (t.charCodeAt(i + 1) === 10) i++;
            starts.push(i + 1);
          } else if (c === 10) starts.push(i + 1);
        }
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  get lineCount(): number {
    return this.starts().length;
  }

  /** The line's text without its terminator; '' past the end. */
  lineAt(line: number): string {
    const starts = this.starts();
    const start = starts[line];
    if (start === undefined) return '';
    let end = starts[line + 1] ?? this.text.length;
    if (end > start && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > start && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(start, end);
  }

  offsetAt(p: Position): number {
    const starts = this.starts();
    if (p.line < 0) return 0;
    const start = starts[p.line];
    if (start === undefined) return this.text.length;
    return Math.min(start + Math.max(0, p.character), start + this.lineAt(p.line).length);
  }

  /** `p` moved into the document: a line past the end to the end, a character past its line to the line's end. */
  clamp(p: Position): Position {
    return this.positionAt(this.offsetAt(p));
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? Infinity) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - (starts[lo] ?? 0) }; // starts[0] is 0: there is always a first line
  }

  getText(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
}

const SHIFT = 8;
const STEP = 1 << SHIFT;

/**
 * Walks the text's lines forward from where it last stopped, with a sparse checkpoint every STEP lines to
 * come back cheaply. Line breaks are LSP's: \r\n, \r and \n.
 */
export class LineCursor {
  private line = 0;
  private offset = 0;
  /** checkpoints[k]: offset where line k * STEP starts, for every such line reached so far. */
  private readonly checkpoints: number[] = [0];
  /**
   * The first LF (CR) at or after `lfFrom` (`crFrom`), or the text's length: found by native indexOf and
   * kept, so that asking again within one line costs nothing, however long the line and whatever its ends.
   */
  private nextLf = -1;
  private lfFrom = 0;
  private nextCr = -1;
  private crFrom = 0;

  constructor(readonly text: string) {}

  /** Where the line after the one starting at `from` starts, or -1 at the last line. */
  private nextLineStart(from: number): number {
    const t = this.text;
    if (from < this.lfFrom || from > this.nextLf) {
      const lf = t.indexOf('\n', from);
      this.nextLf = lf < 0 ? t.length : lf;
      this.lfFrom = from;
    }
    if (from < this.crFrom || from > this.nextCr) {
      const cr = t.indexOf('\r', from);
      this.nextCr = cr < 0 ? t.length : cr;
      this.crFrom = from;
    }
    const end = Math.min(this.nextLf, this.nextCr);
    if (end === t.length) return -1;
    return end === this.nextCr && t.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }

  private restart(k: number): void {
    const offset = this.checkpoints[k];
    if (offset === undefined) return; // k is a checkpoint's index; none else is asked for
    this.line = k << SHIFT;
    this.offset = offset;
  }

  /** Moves to the start of line `n`, or to the last line when the text has fewer. */
  private seek(n: number): void {
    if (n < this.line) this.restart(Math.min(n >> SHIFT, this.checkpoints.length - 1));
    while (this.line < n) {
      const next = this.nextLineStart(this.offset);
      if (next < 0) return;
      this.offset = next;
      this.line++;
      if ((this.line & (STEP - 1)) === 0 && this.checkpoints.length === this.line >> SHIFT) this.checkpoints.push(next);
    }
  }

  /** The line's text without its terminator; '' past the end. */
  lineAt(n: number): string {
    if (n < 0) return '';
    this.seek(n);
    if (this.line !== n) return '';
    const next = this.nextLineStart(this.offset);
    let end = next < 0 ? this.text.length : next;
    if (end > this.offset && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.offset && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(this.offset, end);
  }

  /** Offset of the start of line `n` (the text's length past the end). */
  lineStart(n: number): number {
    this.seek(n);
    if (this.line === n) return this.offset;
    return this.text.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    if (o < this.offset) {
      let k = Math.min(this.checkpoints.length - 1, this.line >> SHIFT);
      while (k > 0 && (this.checkpoints[k] ?? Infinity) > o) k--;
      this.restart(k);
    }
    for (let next = this.nextLineStart(this.offset); next >= 0 && next <= o; next = this.nextLineStart(this.offset)) {
      this.offset = next;
      this.line++;
      if ((this.line & (STEP - 1)) === 0 && this.checkpoints.length === this.line >> SHIFT) this.checkpoints.push(next);
    }
    return { line: this.line, character: o - this.offset };
  }
}
