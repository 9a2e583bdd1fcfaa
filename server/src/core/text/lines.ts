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
  doubled: boolean;
}

const FORM_FEED = 12;
const BOM = 0xfeff;

/** Line boundaries as offsets: typed arrays, because a 10 MiB text has 200,000 lines and objects cost GC. */
interface RawLines {
  count: number;
  starts: Int32Array;
  /** Offset of each line's terminator (or the text's end). */
  ends: Int32Array;
}

function splitRaw(text: string): RawLines {
  let capacity = 1024;
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let count = 0;
  const push = (s: number, e: number) => {
    if (count === capacity) {
      capacity *= 2;
      const ns = new Int32Array(capacity);
      ns.set(starts);
      starts = ns;
      const ne = new Int32Array(capacity);
      ne.set(ends);
      ends = ne;
    }
    starts[count] = s;
    ends[count] = e;
    count++;
  };
  let start = 0;
  if (text.indexOf('\r') < 0) {
    // The common case: LF only. indexOf runs natively, far faster than a per-character loop.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
      push(start, i);
      start = i + 1;
    }
  } else {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        push(start, i);
        if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
        start = i + 1;
      }
    }
  }
  push(start, text.length);
  return { count, starts, ends };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 11;
}

/** ≥ 90 % of the even (1-based) lines are empty: every line was followed by an empty one (seeds). */
function isDoubled(raw: RawLines): boolean {
  let odd = 0;
  let empty = 0;
  for (let i = 1; i < raw.count; i += 2) {
    odd++;
    if (raw.ends[i] === raw.starts[i]) empty++;
  }
  return odd >= 4 && empty / odd >= 0.9;
}

export function readLines(text: string): SourceLines {
  const raw = splitRaw(text);
  const doubled = isDoubled(raw);
  const lines: Line[] = [];
  const isEmpty = (i: number) => i < raw.count && raw.ends[i] === raw.starts[i];

  let pendingPageBreak = false;
  let pendingBlank = false;
  for (let i = 0; i < raw.count; i++) {
    const lineStart = raw.starts[i];
    const end = raw.ends[i];
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
      if (doubled && isEmpty(i + 1)) i++;
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
    if (doubled && isEmpty(i + 1)) i++;
  }
  const last = raw.count - 1;
  return { lines, lineCount: raw.count, lastLineLength: raw.ends[last] - raw.starts[last], doubled };
}
