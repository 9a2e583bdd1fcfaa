// Reviewer credentials (format guide §8): the block form and the inline "Board Certified in …" sentence.
import type { Credentials, Span } from '../model';
import { Excerpt } from '../text/excerpt';
import { textAt, type Line } from '../text/lines';

const BLOCK_INTRO = 'The Expert Reviewer has the following credentials:';
const STATES_LABEL = 'State(s) of Licensure:';
const SPECIALTY_LABEL = 'Certification(s)/Specialty:';

// "is Board Certified in X and is licensed to practice in Y." Older letters: "physician reviewer",
// a comma before "and", a word glued to "in" ("inCalifornia"). "professional reviewer" is [inferred] for
// L0, whose labels name a "PROFESSIONAL REVIEWER"; no L0 sample shows its qualifications text.
// Bounded, and `\s+and` tried only where a run of blanks starts (after a comma or a non-blank): unbounded,
// every "Board Certified in" without its "and is licensed" read to the end of the text, and a long run of
// blanks was re-read from each of its positions.
const INLINE =
  /\b(?:The\s+)?(?:expert|physician|professional) reviewer is Board Certified\s*in\s*(.{1,300}?)(?:,|(?<=\S))\s+and\s+is licensed to practice\s*in\s*(.{1,300}?)\./i;

/** Splits a list at commas and " and ", trimming each part; offsets stay relative to the excerpt. */
// Shared (reset before each use): a regex literal inside the function would be a new object per call.
// Tried only where a run of blanks starts, so that a long run is read once, not from each of its positions.
const LIST_SEPARATOR = /(?<!\s)\s*,\s*(?:and\s+)?|(?<!\s)\s+and\s+/g;

function listItems(excerpt: Excerpt, from: number, to: number): Span[] {
  const spans: Span[] = [];
  const text = excerpt.text;
  let start = from;
  const segment = text.slice(from, to);
  LIST_SEPARATOR.lastIndex = 0;
  const push = (s: number, e: number) => {
    while (s < e && text.charCodeAt(s) === 32) s++;
    while (e > s && (text.charCodeAt(e - 1) === 32 || text[e - 1] === '.')) e--;
    if (e > s) spans.push(excerpt.span(s, e));
  };
  for (let m = LIST_SEPARATOR.exec(segment); m; m = LIST_SEPARATOR.exec(segment)) {
    push(start, from + m.index);
    start = from + m.index + m[0].length;
  }
  push(start, to);
  return spans;
}

/** `text` starts with `label`; the first character is compared first, which rules out most lines at once. */
function startsWithLabel(text: string, label: string): boolean {
  return text.charCodeAt(0) === label.charCodeAt(0) && text.startsWith(label);
}

/** Index of the first line starting with each of the block's three labels (-1: none), in one pass. */
function findBlockLines(lines: readonly Line[]): { statesAt: number; specialtyAt: number; introAt: number } {
  let statesAt = -1;
  let specialtyAt = -1;
  let introAt = -1;
  for (let i = 0; i < lines.length; i++) {
    const text = textAt(lines, i);
    if (statesAt < 0 && startsWithLabel(text, STATES_LABEL)) statesAt = i;
    if (specialtyAt < 0 && startsWithLabel(text, SPECIALTY_LABEL)) specialtyAt = i;
    if (introAt < 0 && startsWithLabel(text, BLOCK_INTRO)) introAt = i;
  }
  return { statesAt, specialtyAt, introAt };
}

function parseBlock(lines: readonly Line[]): Credentials | undefined {
  const { statesAt, specialtyAt, introAt } = findBlockLines(lines);
  if (statesAt < 0 && specialtyAt < 0) return undefined;
  const first = introAt >= 0 ? introAt : Math.min(...[statesAt, specialtyAt].filter((i) => i >= 0));

  const firstLine = lines[first];
  if (!firstLine) return undefined;
  let states: Span[] = [];
  const statesLine = lines[statesAt];
  if (statesLine) {
    const ex = Excerpt.fromLines([statesLine], STATES_LABEL.length);
    states = listItems(ex, 0, ex.text.length);
  }
  let specialties: Span[] = [];
  let last = Math.max(statesAt, specialtyAt, introAt);
  const specialtyLine = lines[specialtyAt];
  if (specialtyLine) {
    // Specialties may wrap onto following lines (CM17-0007300 lines 31-32).
    const continued: Line[] = [specialtyLine];
    for (const l of lines.slice(specialtyAt + 1, specialtyAt + 3)) {
      if (l.blankBefore) break;
      continued.push(l);
    }
    const until = continued.findIndex((l, i) => i > 0 && /^(The |MAXIMUS |[A-Z ]{12,}$)/.test(l.text));
    const block = until > 0 ? continued.slice(0, until) : continued;
    const ex = Excerpt.fromLines(block, SPECIALTY_LABEL.length);
    specialties = listItems(ex, 0, ex.text.length);
    last = Math.max(last, specialtyAt + block.length - 1);
  }
  const lastLine = lines[last] ?? firstLine;
  return {
    form: 'block',
    range: {
      start: { line: firstLine.line, character: firstLine.start },
      end: { line: lastLine.line, character: lastLine.start + lastLine.text.length },
    },
    states,
    specialties,
  };
}

function parseInline(lines: readonly Line[]): Credentials | undefined {
  const ex = Excerpt.fromLines(lines);
  const m = INLINE.exec(ex.text);
  const [whole, specialty, states] = m ?? [];
  if (!m || whole === undefined || specialty === undefined || states === undefined) return undefined;
  const specialtyStart = m.index + whole.indexOf(specialty, whole.indexOf('Certified') + 9);
  const statesStart = m.index + whole.lastIndexOf(states);
  return {
    form: 'inline',
    range: ex.rangeOf(m.index, m.index + whole.length),
    states: listItems(ex, statesStart, statesStart + states.length),
    specialties: [ex.span(specialtyStart, specialtyStart + specialty.length)],
  };
}

/** Looks for credentials in the given lines (the section that holds them in the layout). */
export function parseCredentials(lines: readonly Line[]): Credentials | undefined {
  if (lines.length === 0) return undefined;
  return parseBlock(lines) ?? parseInline(lines);
}
