// IMR014 probable-redaction-gap: letters are redacted by deleting names with no placeholder (format guide
// §10), which leaves "while employed by ." and "a represented  employee". Flagged as hints so that a
// proofreader does not "fix" them as typos, and can check the sentence still reads after the removal.
//
// Not flagged, by design:
// - doubled spaces after a sentence or a colon ("denied.  In a", "following:  Analgesic"): typing habit;
// - trailing blanks (every line of the doubled seeds), indentation and centred headings: no text follows
//   or precedes the run on its line;
// - the header block, whose `-layout` columns are padded with spaces;
// - "0. 5 cc": a space AFTER a decimal point, where nothing can have been removed; a typo rule's business;
// - " .5 mg": a decimal written without its zero, since no space follows the point;
// - a period or comma starting a line: line breaking never puts a break before "." or ",", so a
//   redaction cannot leave one there.
import type { LineLocator } from './support/lineLocator';
import { letterSpan } from './support/letterSpan';
import { lineLocator } from './support/lineLocator';
import { Locator } from './support/locate';
import { booleanOption, stringOption } from './support/options';
import type { Report, Rule, RuleMeta } from './types';

const SPACE = 32;
const TAB = 9;

function isBlank(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Whitespace, line breaks and form feeds; NaN (past either end) counts as whitespace. */
function isWhite(code: number): boolean {
  return code !== code || code <= SPACE || code === 0xa0;
}

// Closing marks that may stand between a sentence end and its doubled space: `(ODG).)  Then`, `"no."  The`.
const CLOSERS = new Set([0x29, 0x5d, 0x22, 0x27, 0x201d, 0x2019]);

const meta: RuleMeta = {
  id: 'IMR014',
  name: 'probable-redaction-gap',
  description:
    'A space before a period or comma, or a doubled space inside a sentence: probably where a name was removed.',
  defaultSeverity: 'hint',
  tags: ['redaction', 'proofreading'],
  fixable: false,
  rationale:
    'Published IMR letters are redacted by deleting names of people, employers and places without a placeholder, ' +
    'which leaves a space before a period or comma ("while employed by .") or a doubled space ("a represented  ' +
    'employee"). These gaps are not typos: marking them keeps proofreaders and typo checks from "correcting" ' +
    'them, and lets a reader check that the sentence still makes sense without the removed name.',
  examples: {
    failing: 'This 50 year-old patient sustained an injury on 8/31/07 while employed by .',
    passing: 'This 50 year-old patient sustained an injury on 8/31/07 while employed as a mechanic.',
  },
  options: {
    spaceBeforePunctuation: {
      type: 'boolean',
      default: true,
      description: 'Flag a space before a period or comma that ends a word ("employed by .", "at the , the").',
    },
    doubledSpaces: {
      type: 'boolean',
      default: true,
      description: 'Flag two or more spaces between words inside a sentence ("a represented  employee").',
    },
    sentenceEnders: {
      type: 'string',
      default: '.?!:;',
      description: 'Characters after which a doubled space is ordinary spacing, not a gap.',
    },
  },
};

interface Gap {
  start: number;
  end: number;
  kind: 'punctuation' | 'doubled';
}

/** Offset where scanning starts: past the header block, whose layout columns are padded with spaces. */
function bodyStart(lines: LineLocator, headerEndLine: number | undefined, letterStart: number): number {
  if (headerEndLine === undefined) return letterStart;
  return lines.lineStart(headerEndLine + 1);
}

/**
 * `by .`, `the ,`: blanks after a word, then a period or comma that ends (not a decimal point). `i` is the
 * blank just before the mark.
 */
function punctuationGap(text: string, i: number, from: number): Gap | undefined {
  const after = text.charCodeAt(i + 2);
  if (!isWhite(after) && !CLOSERS.has(after)) return undefined; // " .5 mg"
  if (text.charCodeAt(i + 1) === 0x2e && text.charCodeAt(i + 3) === 0x2e) return undefined; // "5/10 . . . and": an ellipsis
  let start = i;
  while (start > from && isBlank(text.charCodeAt(start - 1))) start--;
  if (start <= from) return undefined;
  const word = text.charCodeAt(start - 1);
  if (isWhite(word)) return undefined; // line start: indentation, not a gap
  if (word === 0x2e || word === 0x2c || word === 0x3b || word === 0x3a) return undefined; // ". ." spaced dots
  return { start, end: i + 1, kind: 'punctuation' };
}

/** Ends a sentence or clause, looking through closing quotes and brackets. */
function endsSentence(text: string, at: number, enders: string): boolean {
  if (isOneOf(text[at], enders)) return true;
  let k = at;
  while (k > 0 && CLOSERS.has(text.charCodeAt(k))) k--;
  return isOneOf(text[k], enders);
}

/** Whether `ch` is one of the characters of `set` (false past the end of the text). */
function isOneOf(ch: string | undefined, set: string): boolean {
  return ch !== undefined && ch !== '' && set.includes(ch);
}

/** `1)  Norco`: a list marker is followed by spacing of choice. */
function isListMarker(text: string, at: number): boolean {
  if (text.charCodeAt(at) !== 0x29) return false;
  let k = at - 1;
  while (k >= 0 && /[0-9A-Za-z]/.test(text.charAt(k)) && at - k <= 3) k--;
  return k < at - 1 && (k < 0 || isWhite(text.charCodeAt(k)) || text[k] === '(');
}

// A header line of the `-layout` form: label and value columns padded with spaces. The header block is
// skipped as a whole; this catches the headers of further letters in a file that holds several.
const HEADER_LABEL = /Case Number:|Date Assigned:|Decision Date:|Date of Injury:|UR Denial Date:|Priority:/;

/**
 * Whether an offset stands on a header line, read once per line: gaps come in text order, so a line with
 * many doubled spaces (a megabyte of `ab  `) is not re-read for each. Lines are LSP's (\r, \n, \r\n).
 */
class HeaderLines {
  private line = -1;
  private header = false;

  constructor(private readonly lines: LineLocator) {}

  at(offset: number): boolean {
    const { line } = this.lines.positionAt(offset);
    if (line !== this.line) {
      this.line = line;
      this.header = HEADER_LABEL.test(this.lines.lineAt(line));
    }
    return this.header;
  }
}

/** The run of blanks starting at `i`, if it stands between two words of one sentence. */
function doubledGap(text: string, i: number, from: number, enders: string, headerLines: HeaderLines): Gap | undefined {
  // Only the first space of a run of blanks reads the run: ` \t  \t  \t` is read once, not once per space.
  const previous = text.charCodeAt(i - 1);
  if (i <= from || isWhite(previous)) return undefined; // indentation
  let end = i + 2;
  while (isBlank(text.charCodeAt(end))) end++;
  const next = text.charCodeAt(end);
  if (isWhite(next)) return undefined; // trailing blanks
  if (next === 0x2e || next === 0x2c) return undefined; // "by  ." is a punctuation gap
  if (endsSentence(text, i - 1, enders) || isListMarker(text, i - 1) || headerLines.at(i)) return undefined;
  return { start: i, end, kind: 'doubled' };
}

function isMark(code: number): boolean {
  return code === 0x2e || code === 0x2c;
}

// Both kinds of gap start at a space followed by a space or a mark: one regex scan of the text finds them
// all, where three used to run (space runs, periods, commas). The scan is the rule's whole cost. Not after a
// line break or other white space that is not a blank: indentation, which neither kind of gap can start
// with (the white space before is no word), and which made most of the matches in `-layout` text.
const CANDIDATE = /(?<![\0-\x08\x0a-\x1f\xa0]) (?: +|[.,])/g;

function findGaps(
  text: string,
  lines: LineLocator,
  from: number,
  punctuation: boolean,
  doubled: boolean,
  enders: string,
  maxGaps: number,
): Gap[] {
  const gaps: Gap[] = [];
  const headerLines = new HeaderLines(lines);
  const keep = (gap: Gap | undefined): void => {
    if (gap) gaps.push(gap);
  };
  CANDIDATE.lastIndex = from;
  // Past the runner's cap only the fact that there are more counts: the rest of the text is not read.
  for (let m = CANDIDATE.exec(text); m && gaps.length <= maxGaps; m = CANDIDATE.exec(text)) {
    const end = m.index + m[0].length;
    if (text.charCodeAt(end - 1) === SPACE) {
      // A run of spaces: a doubled space, or the blanks before a mark ("by  .").
      if (doubled) keep(doubledGap(text, m.index, from, enders, headerLines));
      if (punctuation && isMark(text.charCodeAt(end))) keep(punctuationGap(text, end - 1, from));
    } else if (punctuation) {
      keep(punctuationGap(text, m.index, from)); // one space, then the mark: "by ."
    }
  }
  // Text order, which the Locator needs: a punctuation gap starts at its blanks, before the mark it was found by.
  return gaps.sort((a, b) => a.start - b.start);
}

function message(gap: Gap, text: string, where: string): string {
  if (gap.kind === 'punctuation') {
    const mark = text[gap.end] === ',' ? 'comma' : 'period';
    return (
      `Probable redaction gap ${where}: a space before a ${mark}, where a name was probably removed ` +
      '(letters are redacted without a placeholder). Not a typo: check that the sentence still reads.'
    );
  }
  return (
    `Probable redaction gap ${where}: a doubled space inside a sentence, where a name was probably removed ` +
    '(letters are redacted without a placeholder). Not a typo: check that the sentence still reads.'
  );
}

export const probableRedactionGap: Rule = {
  meta,
  check(context) {
    const { document, source } = context;
    const lines = lineLocator(source);
    const letter = letterSpan(document, lines);
    // Only this letter's part: the text ends where the letter does (a prefix slice keeps the offsets).
    const text = letter.to === source.text.length ? source.text : source.text.slice(0, letter.to);
    const from = bodyStart(lines, document.header?.range.end.line, letter.from);
    const punctuation = booleanOption(context, meta, 'spaceBeforePunctuation');
    const doubled = booleanOption(context, meta, 'doubledSpaces');
    if (!punctuation && !doubled) return [];
    const gaps = findGaps(
      text,
      lines,
      from,
      punctuation,
      doubled,
      stringOption(context, meta, 'sentenceEnders'),
      context.maxReports ?? Infinity,
    );
    const locator = new Locator(document);
    const reports: Report[] = [];
    for (const gap of gaps) {
      // Gaps never span a line break, so the end is on the start's line.
      const start = lines.positionAt(gap.start);
      const range = { start, end: { line: start.line, character: start.character + gap.end - gap.start } };
      reports.push({ message: message(gap, text, locator.describe(range.start)), range });
    }
    return reports;
  },
};
