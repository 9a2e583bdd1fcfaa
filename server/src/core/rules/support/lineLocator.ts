// Line lookups for rules that read only a few places of a long text. SourceText indexes every line start
// on first use (a full pass and an array as long as the text has lines); the rules here need a handful of
// lines near the top of each letter and the positions of rare findings, so they walk forward from where
// they last stopped, with a sparse checkpoint every STEP lines to come back cheaply. Shared per SourceText,
// so that several rules on one text move the same cursor. Line breaks are LSP's: \r\n, \r and \n.
import type { Position } from '../../model';
import type { SourceText } from '../../source';

const SHIFT = 8;
const STEP = 1 << SHIFT;

export class LineLocator {
  private line = 0;
  private offset = 0;
  /** checkpoints[k]: offset where line k * STEP starts, for every such line reached so far. */
  private readonly checkpoints: number[] = [0];
  private readonly lfOnly: boolean;

  constructor(readonly text: string) {
    this.lfOnly = text.indexOf('\r') < 0;
  }

  /** Where the line after the one starting at `from` starts, or -1 at the last line. */
  private nextLineStart(from: number): number {
    const t = this.text;
    if (this.lfOnly) {
      const nl = t.indexOf('\n', from);
      return nl < 0 ? -1 : nl + 1;
    }
    for (let i = from; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 10) return i + 1;
      if (c === 13) return t.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
    }
    return -1;
  }

  private restart(k: number): void {
    this.line = k << SHIFT;
    this.offset = this.checkpoints[k];
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
      while (k > 0 && this.checkpoints[k] > o) k--;
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

const locators = new WeakMap<SourceText, LineLocator>();

export function lineLocator(source: SourceText): LineLocator {
  let locator = locators.get(source);
  if (!locator) {
    locator = new LineLocator(source.text);
    locators.set(source, locator);
  }
  return locator;
}
