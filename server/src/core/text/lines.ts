// Reads the original text into logical lines, undoing the artefacts of PDF extraction (format guide §4)
// while keeping every line's exact place in the source, so that ranges land on the original text.

import { isBlank } from './chars';

/** One non-blank line of the letter, as the parser sees it. */
export interface Line {
  /** Zero-based line number in the original text. */
  line: number;
  /** UTF-16 offset in that source line where `text` starts (after a BOM, form feeds, leading blanks). */
  start: number;
  /** The content, without form feeds and outer whitespace; internal spaces are kept (they hint at redactions). */
  text: string;
  /** Leading whitespace width in the source: centred headings in `-layout` text. */
  indent: number;
  /** A page break (form feed, or three empty lines in doubled text) stands before this line. */
  pageBreakBefore: boolean;
  /** A paragraph break (a blank line that is not part of a page break) stands before this line. */
  blankBefore: boolean;
}

/** The text of `lines[i]`; '' outside them, as if that line were empty. */
export function textAt(lines: readonly Line[], i: number): string {
  return lines[i]?.text ?? '';
}

const FORM_FEED = 12;
const BOM = 0xfeff;
const CR = 13;
const LF = 10;

/**
 * The raw source lines one after another, as LSP counts them (\r\n, \r and \n each end a line; a final
 * terminator opens an empty last line). Line ends are found with native indexOf, far faster than a loop
 * over the characters; nothing is stored, so a 10 MiB text costs no line table.
 */
class RawLines {
  /** Index of the current line, and its content as [start, end) offsets (end: its terminator, or the text's end). */
  index = -1;
  start = 0;
  end = 0;
  /** Where the line after the current one starts. */
  private next = 0;
  private done = false;
  /** Next CR and LF at or after the current line's start: cached, since a CR-free text needs no CR search. */
  private nextCr: number;
  private nextLf = -1;

  constructor(private readonly text: string) {
    const cr = text.indexOf('\r');
    this.nextCr = cr < 0 ? text.length : cr;
  }

  /** Moves to the next raw line; false when the current one was the last. */
  advance(): boolean {
    if (this.done) return false;
    const text = this.text;
    this.index++;
    this.start = this.next;
    const end = this.terminatorFrom(this.start);
    this.end = end;
    if (end === text.length) this.done = true;
    else this.next = text.charCodeAt(end) === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    return true;
  }

  /** The line after the current one exists and is empty (the doubling of doubled text). */
  nextIsEmpty(): boolean {
    if (this.done) return false;
    const c = this.text.charCodeAt(this.next);
    return this.next === this.text.length || c === LF || c === CR;
  }

  private terminatorFrom(from: number): number {
    const text = this.text;
    if (this.nextLf < from) {
      const lf = text.indexOf('\n', from);
      this.nextLf = lf < 0 ? text.length : lf;
    }
    if (this.nextCr < from) {
      const cr = text.indexOf('\r', from);
      this.nextCr = cr < 0 ? text.length : cr;
    }
    return Math.min(this.nextLf, this.nextCr);
  }
}

/** ≥ 90 % of the even (1-based) lines are empty: every line was followed by an empty one (seeds). */
function isDoubled(oddLines: number, emptyOddLines: number): boolean {
  return oddLines >= 4 && emptyOddLines / oddLines >= 0.9;
}

/** The raw lines that tell doubled text, up to line `limit`: odd (0-based) lines, and how many are empty. */
function countOddLines(text: string, limit: number): { oddLines: number; emptyOddLines: number } {
  const raw = new RawLines(text);
  let oddLines = 0;
  let emptyOddLines = 0;
  while (raw.index < limit && raw.advance()) {
    if ((raw.index & 1) === 1) {
      oddLines++;
      if (raw.end === raw.start) emptyOddLines++;
    }
  }
  return { oddLines, emptyOddLines };
}

/** Whether the whole text is doubled, counted without reading its lines. */
export function isDoubledText(text: string): boolean {
  const { oddLines, emptyOddLines } = countOddLines(text, Infinity);
  return isDoubled(oddLines, emptyOddLines);
}

/** What `looksDoubled` counts: the first lines, within the first characters (a CR search is bounded too). */
const FIRST_LINES = 8;
const FIRST_CHARACTERS = 4096;

/**
 * Whether the text's first lines are mostly doubled: true for doubled text, save one doubled only further on,
 * which a plain reading tells at its end (`LineReader.doubledEvidence`).
 */
export function looksDoubled(text: string): boolean {
  const head = text.length > FIRST_CHARACTERS ? text.slice(0, FIRST_CHARACTERS) : text;
  const { oddLines, emptyOddLines } = countOddLines(head, FIRST_LINES);
  return oddLines >= 4 && emptyOddLines / oddLines >= 0.5;
}

/**
 * Reads the logical lines one at a time, holding none of them: a caller keeps what it needs (parse, a
 * letter's lines). `doubled`: the text is read as doubled; whether it is, is the whole text's evidence
 * (`isDoubledText`, or `doubledEvidence` after a plain reading).
 */
export class LineReader {
  private readonly raw: RawLines;
  private oddLines = 0;
  private emptyOddLines = 0;
  private pendingPageBreak = false;
  private pendingBlank = false;

  constructor(
    private readonly text: string,
    readonly doubled: boolean,
  ) {
    this.raw = new RawLines(text);
  }

  /** After `next` returned undefined: the number of source lines, counted as LSP does. */
  get lineCount(): number {
    return this.raw.index + 1;
  }

  /** After `next` returned undefined: the length of the last source line. */
  get lastLineLength(): number {
    return this.raw.end - this.raw.start;
  }

  /** After a plain reading to the end: the text is doubled (it must be read again as such). */
  get doubledEvidence(): boolean {
    return !this.doubled && isDoubled(this.oddLines, this.emptyOddLines);
  }

  /** The next non-blank line; undefined at the end (the reader then stands on the last source line). */
  next(): Line | undefined {
    const { raw, text, doubled } = this;
    while (raw.advance()) {
      const lineStart = raw.start;
      const end = raw.end;
      if ((raw.index & 1) === 1) {
        this.oddLines++;
        if (end === lineStart) this.emptyOddLines++;
      }
      let s = lineStart;
      let formFeed = false;
      let indent = 0;
      if (raw.index === 0 && s < end && text.charCodeAt(s) === BOM) s++;
      // Leading form feeds and blanks, in any mix.
      for (; s < end; s++) {
        const c = text.charCodeAt(s);
        if (c === FORM_FEED) {
          formFeed = true;
          indent = 0;
        } else if (isBlank(c)) indent++;
        else break;
      }
      let e = end;
      while (e > s && isBlank(text.charCodeAt(e - 1))) e--;

      if (formFeed) {
        // In plain text a blank line comes before each page's form feed: it is part of the break.
        this.pendingPageBreak = true;
        this.pendingBlank = false;
      }
      // Doubled text: the empty line that follows every line is skipped.
      const skipDoubling = doubled && raw.nextIsEmpty();
      if (e === s) {
        if (doubled && end === lineStart) {
          // Doubled text: a fully empty content line is a page break; the empty line after it is the doubling.
          this.pendingPageBreak = true;
        } else if (!formFeed) this.pendingBlank = true;
        if (skipDoubling) raw.advance();
        continue;
      }
      const line: Line = {
        line: raw.index,
        start: s - lineStart,
        text: text.slice(s, e),
        indent,
        pageBreakBefore: this.pendingPageBreak,
        blankBefore: this.pendingBlank && !this.pendingPageBreak,
      };
      this.pendingPageBreak = false;
      this.pendingBlank = false;
      if (skipDoubling) raw.advance();
      return line;
    }
    return undefined;
  }
}
