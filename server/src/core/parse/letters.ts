// Letter boundaries in a file that holds several letters (the extraction of a bundle of PDFs, or letters
// pasted together). A new letter starts only once the current one has reached its decisions, at its title
// heading or at the front matter (header block, letterhead) just before a title or decisions heading, so
// that a letter's own headings never split it. One pass, a fixed number of comparisons per line.
import type { ImrDocument, Layout, Letter, Position, Range } from '../model';
import { firstCharacterTable } from '../text/chars';
import type { Line, LineReader } from '../text/lines';
import {
  embeddedAt,
  L0_ISSUE,
  L0_QUALIFICATIONS,
  L1_DECISIONS,
  L1_FINDINGS,
  L2_DECISIONS,
  L3_DECISIONS,
  L3_HOW_MADE,
} from './headings';

/**
 * Lines that open a letter before its title: the L3-2016/L2 header's first label, the letterhead of L1 and
 * L2, and L0's title [parser].
 */
const FRONT_PREFIXES: readonly string[] = [
  'Case Number:',
  'MAXIMUS FEDERAL SERVICES, INC.',
  'MEDICAL PROFESSIONAL REVIEW',
];
/** Front matter is short (the plain-text header, about 20 lines, is the longest): past this it opened nothing. */
const MAX_FRONT_LINES = 40;
const BOM = 0xfeff;

function isFront(text: string): boolean {
  for (const prefix of FRONT_PREFIXES) if (text.startsWith(prefix)) return true;
  return false;
}

/** First characters of the lines `letterStarts` compares, L1's embedded headings aside. */
const OPENING_CHARACTERS = firstCharacterTable([
  ...FRONT_PREFIXES,
  L0_ISSUE,
  L3_HOW_MADE,
  L3_DECISIONS,
  L2_DECISIONS,
  L0_QUALIFICATIONS,
]);

/** The L1 title opens its line or follows the letterhead on it; elsewhere it is a sentence's words. */
function isL1Title(text: string): boolean {
  const at = embeddedAt(text, L1_FINDINGS);
  return at === 0 || (at > 0 && isFront(text));
}

/** Where the letters after the first start, found a line at a time (`mayHoldL1`: see `mayHoldL1`). */
class LetterStarts {
  private reachedDecisions = false;
  private l0Closed = false;
  /** Index of the front matter line that may open the next letter, or -1. */
  private front = -1;

  constructor(private readonly mayHoldL1: boolean) {}

  /** Whether `at` must look at a line: most lines start with none of the openings it compares (a small check, inlined). */
  mayOpen(text: string): boolean {
    const c = text.charCodeAt(0);
    return this.mayHoldL1 || c === BOM || OPENING_CHARACTERS[c] === 1;
  }

  /**
   * Line `i` of the file's lines, given in order: the index of the first line of the letter it starts (`i`,
   * or its front matter's first line, at most 40 lines before), or -1.
   */
  at(line: Line, i: number): number {
    const mayHoldL1 = this.mayHoldL1;
    // A file saved with a byte order mark keeps it when pasted after another.
    const text = line.text.charCodeAt(0) === BOM ? line.text.slice(1) : line.text;
    // Most lines start with none of the openings compared below: one look at their first character
    // settles them (the lapse of `front` below depends only on the index, so it may be applied later).
    if (!mayHoldL1 && OPENING_CHARACTERS[text.charCodeAt(0)] !== 1) return -1;
    if (this.front >= 0 && i - this.front > MAX_FRONT_LINES) this.front = -1;
    if (this.reachedDecisions && this.front < 0 && isFront(text)) this.front = i;
    const issue = text.startsWith(L0_ISSUE);
    const title = text === L3_HOW_MADE || (mayHoldL1 && isL1Title(text)) || (this.l0Closed && issue);
    const decisions =
      issue || text === L3_DECISIONS || text === L2_DECISIONS || (mayHoldL1 && embeddedAt(text, L1_DECISIONS) >= 0);
    let start = -1;
    if (this.reachedDecisions && (title || (decisions && this.front >= 0))) {
      start = this.front >= 0 ? this.front : i;
      this.reachedDecisions = false;
      this.l0Closed = false;
      this.front = -1;
    }
    if (decisions) this.reachedDecisions = true;
    // L0's qualifications label comes last [parser]: an issue after it is the next letter's.
    if (text.startsWith(L0_QUALIFICATIONS)) this.l0Closed = true;
    return start;
  }
}

/** Whether the text may hold an L1 heading (see `LetterStarts`: L1 headings can stand inside a line, which
 * costs a search per line, skipped when no L1 heading is in the text at all). */
export function mayHoldL1(text: string): boolean {
  return text.includes(L1_FINDINGS) || text.includes(L1_DECISIONS);
}

/**
 * Reads the file's lines once and gives `read` each letter's lines and range as soon as its end is known, so
 * that only the current letter's lines are held, never the whole file's (a 10 MiB file's line table is over
 * 15 MB). The file is cut into parts where `LetterStarts` says; a boundary stays only between parts that each
 * read as a known layout: a part that reads as none (a stray decisions heading, a cover page) stays with the
 * letter before it, or with the next when it comes first. The first letter starts where the file does and the
 * last ends where it ends; in between, a letter ends where the next one's first line starts, so the ranges
 * tile the file. Returns the file's range.
 */
export function readLetters(
  reader: LineReader,
  mayHoldL1: boolean,
  detect: (lines: readonly Line[]) => Layout,
  read: (lines: readonly Line[], range: Range) => void,
): Range {
  const starts = new LetterStarts(mayHoldL1);
  const fileStart: Position = { line: 0, character: 0 };
  /** The part being read, and the index of its first line in the file. */
  let part: Line[] = [];
  let partStart = 0;
  /** The lines of the letter whose end is not known yet (parts that join it are added in place), and its start. */
  let letter: Line[] | undefined;
  let letterStart = fileStart;
  /** Whether the first part reads as no layout (until the boundary after it has gone); asked once a second part ends. */
  let firstUnread: boolean | undefined;
  const endPart = (lines: Line[]): void => {
    if (!letter) {
      letter = lines;
      return;
    }
    firstUnread ??= detect(letter) === 'unknown';
    const readable = detect(lines) !== 'unknown';
    if (readable && !firstUnread) {
      const line = (lines[0] as Line).line;
      read(letter, { start: letterStart, end: { line, character: 0 } });
      letter = lines;
      letterStart = { line, character: 0 };
      return;
    }
    if (readable) firstUnread = false; // the first part joins this one: the first boundary goes
    for (const l of lines) letter.push(l);
  };
  let i = 0;
  for (let line = reader.next(); line; line = reader.next(), i++) {
    part.push(line);
    const start = starts.mayOpen(line.text) ? starts.at(line, i) : -1;
    if (start < 0) continue;
    const next = part.splice(start - partStart);
    endPart(part);
    part = next;
    partStart = start;
  }
  const file: Range = { start: fileStart, end: { line: reader.lineCount - 1, character: reader.lastLineLength } };
  if (part.length > 0) endPart(part);
  if (letter) read(letter, letterStart === fileStart ? file : { start: letterStart, end: file.end });
  return file;
}

/** The document of its letters: one letter's fields as they are, several letters' parts joined in order. */
export function documentOf(letters: readonly Letter[], lineCount: number, range: Range): ImrDocument {
  const first = letters[0];
  if (!first) throw new Error('a document has at least one letter');
  if (letters.length === 1) {
    // Field by field, not by spreading the letter: a spread of letters of several shapes costs V8
    // microseconds per document.
    const { layout, variant, header, sections, credentials, items, findings, problems } = first;
    return {
      layout,
      variant,
      header,
      sections,
      credentials,
      items,
      findings,
      problems,
      range,
      letters: [first],
      lineCount,
    };
  }
  const withFindings = letters.filter((l) => l.findings);
  return {
    ...first,
    sections: letters.flatMap((l) => l.sections),
    items: letters.flatMap((l) => l.items),
    findings: withFindings.length
      ? {
          summary: withFindings.flatMap((l) => l.findings?.summary ?? []),
          repeated: withFindings.flatMap((l) => l.findings?.repeated ?? []),
        }
      : undefined,
    problems: letters.flatMap((l) => l.problems),
    letters: [...letters],
    lineCount,
    range,
  };
}
