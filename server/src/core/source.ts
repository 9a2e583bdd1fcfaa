// The original text with lazy line access, for rules and fixes that need raw text.
import type { Position, Range } from './model';

export class SourceText {
  private lineStarts?: number[];

  constructor(readonly text: string) {}

  /** The line terminator to use in inserted text: the document's own. */
  get eol(): string {
    const n = this.text.indexOf('\n');
    return n > 0 && this.text.charCodeAt(n - 1) === 13 ? '\r\n' : '\n';
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const t = this.text;
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === 13) {
          if (t.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        } else if (c === 10) starts.push(i + 1);
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
    if (line < 0 || line >= starts.length) return '';
    let end = line + 1 < starts.length ? starts[line + 1] : this.text.length;
    if (end > starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return this.text.slice(starts[line], end);
  }

  offsetAt(p: Position): number {
    const starts = this.starts();
    if (p.line >= starts.length) return this.text.length;
    if (p.line < 0) return 0;
    return Math.min(starts[p.line] + Math.max(0, p.character), starts[p.line] + this.lineAt(p.line).length);
  }

  positionAt(offset: number): Position {
    const starts = this.starts();
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  }

  getText(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
}
