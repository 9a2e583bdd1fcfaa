// Reads the original text into logical lines, undoing the artefacts of PDF extraction (format guide §4)
// while keeping every line's exact place in the source, so that ranges land on the original text.

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

export type Extraction = 'doubled' | 'layout' | 'plain';

export interface SourceLines {
  /** Non-blank logical lines, in order. */
  lines: Line[];
  /** Number of lines in the original text, counted as LSP does (\r\n, \r and \n end a line). */
  lineCount: number;
  /** Length of the last source line, for the end of the document range. */
  lastLineLength: number;
  /** Every line's length in the source (without its terminator), indexed by source line number. */
  lengths: number[];
  doubled: boolean;
}

const FORM_FEED = 12;
const BOM = 0xfeff;

interface RawLine {
  start: number; // offset of the line in the text
  end: number; // offset of the terminator
}

function splitRaw(text: string): RawLine[] {
  const raw: RawLine[] = [];
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // The common case: LF only. indexOf runs natively, far faster than a per-character loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      raw.push({ start, end: i });
      start = i + 1;
    }
  } else {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        raw.push({ start, end: i });
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  raw.push({ start, end: text.length });
  return raw;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 11;
}

/** ≥ 90 % of the even (1-based) lines are empty: every line was followed by an empty one (seeds). */
function isDoubled(raw: RawLine[]): boolean {
  let odd = 0;
  let empty = 0;
  for (let i = 1; i < raw.length; i += 2) {
    odd++;
    if (raw[i].end === raw[i].start) empty++;
  }
  return odd >= 4 && empty / odd >= 0.9;
}

export function readLines(text: string): SourceLines {
  const raw = splitRaw(text);
  const doubled = isDoubled(raw);
  const lines: Line[] = [];
  const lengths = new Array<number>(raw.length);
  for (let i = 0; i < raw.length; i++) lengths[i] = raw[i].end - raw[i].start;

  let pendingPageBreak = false;
  let pendingBlank = false;
  for (let i = 0; i < raw.length; i++) {
    const { start: lineStart, end } = raw[i];
    let s = lineStart;
    let formFeed = false;
    let indent = 0;
    if (i === 0 && s < end && text.charCodeAt(s) === BOM) s++;
    // Leading form feeds and blanks, in any mix.
    for (; s < end; s++) {
      const c = text.charCodeAt(s);
      if (c === FORM_FEED) {
        formFeed = true;
        indent = 0;
      } else if (isSpace(c)) indent++;
      else break;
    }
    let e = end;
    while (e > s && (isSpace(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === FORM_FEED)) e--;
    const emptyToTheLetter = end === lineStart;

    if (formFeed) {
      // In plain text a blank line comes before each page's form feed: it is part of the break.
      pendingPageBreak = true;
      pendingBlank = false;
    }
    if (e === s) {
      if (doubled && emptyToTheLetter) {
        // Doubled text: a fully empty content line is a page break; the empty line after it is the doubling.
        pendingPageBreak = true;
      } else if (!formFeed) pendingBlank = true;
      if (doubled && i + 1 < raw.length && raw[i + 1].end === raw[i + 1].start) i++;
      continue;
    }
    lines.push({
      line: i,
      start: s - lineStart,
      text: text.slice(s, e),
      indent,
      pageBreakBefore: pendingPageBreak,
      blankBefore: pendingBlank && !pendingPageBreak,
    });
    pendingPageBreak = false;
    pendingBlank = false;
    // Doubled text: skip the empty line that follows every content line.
    if (doubled && i + 1 < raw.length && raw[i + 1].end === raw[i + 1].start) i++;
  }
  const last = raw[raw.length - 1];
  return { lines, lineCount: raw.length, lastLineLength: last.end - last.start, lengths, doubled };
}
