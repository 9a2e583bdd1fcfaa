// Letter boundaries in a file that holds several letters (the extraction of a bundle of PDFs, or letters
// pasted together). A new letter starts only once the current one has reached its decisions, at its title
// heading or at the front matter (header block, letterhead) just before a title or decisions heading, so
// that a letter's own headings never split it. One pass, a fixed number of comparisons per line.
import type { ImrDocument, Layout, Letter, Range } from '../model';
import { firstCharacterTable } from '../text/chars';
import type { Line } from '../text/lines';
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

/**
 * Indexes into `lines` where a letter after the first starts; empty for a file with one letter.
 * `mayHoldL1`: the text holds an L1 heading somewhere (L1 headings can stand inside a line, which costs a
 * search per line, skipped when no L1 heading is in the text at all).
 */
export function letterStarts(lines: readonly Line[], mayHoldL1: boolean): number[] {
  const starts: number[] = [];
  let reachedDecisions = false;
  let l0Closed = false;
  let front = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    // A file saved with a byte order mark keeps it when pasted after another.
    const text = line.text.charCodeAt(0) === BOM ? line.text.slice(1) : line.text;
    // Most lines start with none of the openings compared below: one look at their first character
    // settles them (the lapse of `front` below depends only on the index, so it may be applied later).
    if (!mayHoldL1 && OPENING_CHARACTERS[text.charCodeAt(0)] !== 1) continue;
    if (front >= 0 && i - front > MAX_FRONT_LINES) front = -1;
    if (reachedDecisions && front < 0 && isFront(text)) front = i;
    const issue = text.startsWith(L0_ISSUE);
    const title = text === L3_HOW_MADE || (mayHoldL1 && isL1Title(text)) || (l0Closed && issue);
    const decisions =
      issue || text === L3_DECISIONS || text === L2_DECISIONS || (mayHoldL1 && embeddedAt(text, L1_DECISIONS) >= 0);
    if (reachedDecisions && (title || (decisions && front >= 0))) {
      starts.push(front >= 0 ? front : i);
      reachedDecisions = false;
      l0Closed = false;
      front = -1;
    }
    if (decisions) reachedDecisions = true;
    // L0's qualifications label comes last [parser]: an issue after it is the next letter's.
    if (text.startsWith(L0_QUALIFICATIONS)) l0Closed = true;
  }
  return starts;
}

/** Whether the text may hold an L1 heading (see `letterStarts`). */
export function mayHoldL1(text: string): boolean {
  return text.includes(L1_FINDINGS) || text.includes(L1_DECISIONS);
}

/**
 * The boundaries between letters that each read as a known layout: a part that reads as none (a stray
 * decisions heading, a cover page) stays with the letter before it, or with the next when it comes first.
 */
export function readableStarts(
  lines: readonly Line[],
  starts: readonly number[],
  detect: (lines: readonly Line[]) => Layout,
): number[] {
  if (starts.length === 0) return [];
  const bounds = [0, ...starts, lines.length];
  const known = bounds.slice(1).map((end, k) => detect(lines.slice(bounds[k] ?? 0, end)) !== 'unknown');
  // A part that does not read joins the one before it: the boundary that opens it goes.
  const kept = starts.filter((_, k) => known[k + 1]);
  // A first part that does not read joins the next: the first boundary left goes.
  return known[0] ? kept : kept.slice(1);
}

/**
 * Each letter's lines and range. The first letter starts where the file does and the last ends where it
 * ends; in between, a letter ends where the next one's first line starts, so the ranges tile the file.
 */
export function letterRanges(
  lines: readonly Line[],
  starts: readonly number[],
  whole: Range,
): { lines: readonly Line[]; range: Range }[] {
  if (starts.length === 0) return [{ lines, range: whole }];
  const at = (index: number) => ({ line: lines[index]?.line ?? whole.end.line, character: 0 });
  const bounds = [0, ...starts, lines.length];
  return bounds.slice(1).map((end, k) => {
    const start = bounds[k] ?? 0;
    return {
      lines: lines.slice(start, end),
      range: { start: k === 0 ? whole.start : at(start), end: end === lines.length ? whole.end : at(end) },
    };
  });
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
