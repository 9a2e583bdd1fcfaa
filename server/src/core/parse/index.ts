// parse(text): reads any string into an ImrDocument. Never throws: what it cannot read becomes a problem.
import { CancelledError, throwIfCancelled, type IsCancelled } from '../cancel';
import type {
  Credentials,
  DisputedItem,
  ImrDocument,
  Layout,
  Letter,
  LayoutVariant,
  Range,
  StructuralProblem,
} from '../model';
import { isDoubledText, LineReader, looksDoubled, type Line } from '../text/lines';
import { parseCredentials } from './credentials';
import { parseHeader } from './header';
import { detectLayout, findHeadings, HEADINGS_BY_LAYOUT } from './headings';
import { parseItems } from './items';
import { documentOf, mayHoldL1, readLetters } from './letters';
import { parseL0Items, parseL1 } from './older';
import { buildSections, type SectionLines } from './sections';

/** Share of control characters (other than tab, form feed, CR, LF) above which a text is taken as binary. */
const BINARY_SHARE = 0.01;
const BINARY_SAMPLE = 1024;

const CONTROL = /[\x00-\x08\x0e-\x1f\ufffd]/g;
const CONTROL_ANY = /[\x00-\x08\x0e-\x1f\ufffd]/;

function looksBinary(text: string): boolean {
  const sample = text.length > BINARY_SAMPLE ? text.slice(0, BINARY_SAMPLE) : text;
  // U+FFFD marks bytes that were not valid UTF-8. NUL is a control character too: a sample without any
  // (nearly every letter) needs no search for it.
  if (!CONTROL_ANY.test(sample)) return false;
  if (sample.indexOf('\0') >= 0) return true;
  const control = sample.match(CONTROL)?.length ?? 0;
  return sample.length > 0 && control / sample.length > BINARY_SHARE;
}

function firstLineRange(l: Line | undefined): Range {
  if (!l) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return { start: { line: l.line, character: l.start }, end: { line: l.line, character: l.start + l.text.length } };
}

function unreadLetter(range: Range, doubled: boolean, problems: StructuralProblem[]): Letter {
  return {
    layout: 'unknown',
    variant: { hasHeader: false, credentialsForm: 'none', extraction: doubled ? 'doubled' : 'plain' },
    sections: [],
    items: [],
    problems,
    range,
  };
}

// The title is bounded (the longest is under 50 characters): unbounded, a field of repeated `MTUS …` with no
// year would be read to its end from every `MTUS`.
const ERA_2 = /outside of the MTUS Guidelines|MTUS [A-Z][A-Za-z ,&-]{1,100} (?:19|20)\d\d/;
const ERA_1 = /did not base their decision on the MTUS|MTUS ACOEM|Page\(s\):/;

function citationEra(items: readonly DisputedItem[]): 1 | 2 | undefined {
  for (const item of items) {
    for (const f of item.fields) {
      const body = f.kind === 'rationale' ? '' : f.body.text;
      if (ERA_2.test(body)) return 2;
      if (ERA_1.test(body)) return 1;
    }
  }
  return undefined;
}

function findCredentials(
  layout: Layout,
  sections: readonly SectionLines[],
  lines: readonly Line[],
): Credentials | undefined {
  const holder = layout === 'L0' || layout === 'L1' ? 'qualifications' : 'howMade';
  for (const s of sections) {
    if (s.section.kind === holder) {
      const found = parseCredentials(s.body);
      if (found) return found;
    }
  }
  // Fall back to anything before the decisions: a letter with a missing or misspelt heading.
  const decisions = sections.find((s) => s.section.kind === 'decisions');
  const until = decisions ? lines.findIndex((l) => l.line === decisions.section.headingRange.start.line) : lines.length;
  return parseCredentials(lines.slice(0, Math.max(0, until)));
}

/** Why no item was read, in each layout's own terms. */
const NO_ITEMS_WHY: Record<Exclude<Layout, 'unknown'>, string> = {
  L3: 'the decisions section has no item line ending in Upheld or Overturned and no guideline or rationale label.',
  L2: 'the decisions section has no item line ending in Upheld or Overturned and no guideline or rationale label.',
  L1: 'there is no numbered finding ("… has determined the request for <item> is [not] medically necessary and appropriate") and no item block.',
  L0: 'there is no ISSUE AT DISPUTE to read an item from.',
};

function parseText(text: string, options: ParseOptions): ImrDocument {
  if (looksBinary(text)) return binaryDocument(text, options.isCancelled);
  // Doubled text (rare: the seeds) is told by the whole text; it shows from its first lines, so only then is
  // it counted before the reading. A plain reading tells the rest, which is then read again as doubled.
  const doubled = looksDoubled(text) && isDoubledText(text);
  const reader = new LineReader(text, doubled);
  const document = readDocument(text, reader, options);
  return reader.doubledEvidence ? readDocument(text, new LineReader(text, true), options) : document;
}

/** The letters of the text, read a letter's lines at a time. */
function readDocument(text: string, lines: LineReader, { isCancelled, readLetter: reader }: ParseOptions): ImrDocument {
  const doubled = lines.doubled;
  const letters: Letter[] = [];
  const range = readLetters(lines, mayHoldL1(text), detectLayout, (letterLines, letterRange) => {
    throwIfCancelled(isCancelled); // each letter polls once more before its credentials
    const read = () => readLetter(letterLines, letterRange, doubled, isCancelled);
    letters.push(reader ? reader(letterLines, letterRange, doubled, read) : read());
  });
  if (letters.length === 0) {
    throwIfCancelled(isCancelled);
    const problem: StructuralProblem = {
      code: 'empty-document',
      severity: 'information',
      message: 'The document is empty.',
      range,
    };
    return documentOf([unreadLetter(range, doubled, [problem])], lines.lineCount, range);
  }
  return documentOf(letters, lines.lineCount, range);
}

function binaryDocument(text: string, isCancelled: IsCancelled | undefined): ImrDocument {
  const lines = new LineReader(text, isDoubledText(text));
  const first = lines.next();
  while (lines.next());
  throwIfCancelled(isCancelled);
  const range = {
    start: { line: 0, character: 0 },
    end: { line: lines.lineCount - 1, character: lines.lastLineLength },
  };
  const problem: StructuralProblem = {
    code: 'binary-content',
    severity: 'error',
    message: 'This file looks binary, not a determination letter in text form.',
    range: firstLineRange(first),
  };
  return documentOf([unreadLetter(range, lines.doubled, [problem])], lines.lineCount, range);
}

/** One letter's lines into the model. */
function readLetter(
  lines: readonly Line[],
  range: Range,
  doubled: boolean,
  isCancelled: IsCancelled | undefined,
): Letter {
  const problems: StructuralProblem[] = [];
  const layout = detectLayout(lines);
  if (layout === 'unknown') {
    problems.push({
      code: 'unknown-layout',
      severity: 'information',
      message: 'No known IMR determination layout was recognised: none of the L3, L2, L1 or L0 headings is present.',
      range: firstLineRange(lines[0]),
    });
    return unreadLetter(range, doubled, problems);
  }
  const headings = findHeadings(lines, HEADINGS_BY_LAYOUT[layout]);
  let sections = buildSections(lines, headings);
  const firstHeadingLine = headings[0]?.lineIndex ?? lines.length;
  // L1 has no header block: parseL1 reads its dates where the letter gives them.
  let header = layout === 'L0' || layout === 'L1' ? undefined : parseHeader(lines, firstHeadingLine);

  let items: DisputedItem[] = [];
  let findings: ImrDocument['findings'];
  if (layout === 'L3' || layout === 'L2') {
    for (const s of sections)
      if (s.section.kind === 'decisions') for (const item of parseItems(s.body)) items.push(item);
    // Numbered across all decisions sections; the items are fresh objects, so renumbering in place is safe.
    items.forEach((item, k) => (item.index = k + 1));
  } else if (layout === 'L1') {
    // L1 also cuts the case summary before the item blocks, which have no heading of their own.
    ({ items, findings, sections, header } = parseL1(lines, sections));
  } else {
    items = parseL0Items(sections);
  }

  if (layout === 'L2' || layout === 'L0') {
    problems.push({
      code: 'unverified-layout',
      severity: 'information',
      message: `Layout ${layout} is known only from a third-party parser, with no sample letter: its reading here is unverified.`,
      range: sections[0]?.section.headingRange ?? firstLineRange(lines[0]),
    });
  }
  const decisions = sections.find((s) => s.section.kind === 'decisions');
  if (layout === 'L1' && !decisions) {
    // A first page alone (the findings, no decisions heading after them) is cut short, not wrong.
    problems.push({
      code: 'truncated',
      severity: 'information',
      message: 'This letter looks truncated: it ends before its decisions section, so it is not checked further.',
      range: firstLineRange(lines[0]),
    });
  } else if (items.length === 0) {
    problems.push({
      code: 'no-items',
      severity: 'warning',
      message: `No disputed item was found: ${NO_ITEMS_WHY[layout]}`,
      range: decisions?.section.headingRange ?? firstLineRange(lines[0]),
    });
  }

  throwIfCancelled(isCancelled);
  const credentials = findCredentials(layout, sections, lines);
  const variant: LayoutVariant = {
    hasHeader: header !== undefined && layout !== 'L1', // L1's dates are not a header block
    credentialsForm: credentials?.form ?? 'none',
    citationEra: citationEra(items),
    extraction: doubled
      ? 'doubled'
      : isLayoutText(
            lines,
            headings.map((h) => h.lineIndex),
          )
        ? 'layout'
        : 'plain',
  };
  return {
    layout,
    variant,
    header,
    sections: sections.map((s) => s.section),
    credentials,
    items,
    findings,
    problems,
    range,
  };
}

/** `pdftotext -layout` centres headings with many leading spaces. */
function isLayoutText(lines: readonly Line[], headingIndexes: readonly number[]): boolean {
  return headingIndexes.some((i) => (lines[i]?.indent ?? 0) >= 8);
}

export interface ParseOptions {
  /** Polled between the parser's steps: once true, `parse` stops with CancelledError. */
  isCancelled?: IsCancelled;
  /**
   * Reads each letter of the file: `read` reads it from its lines, which a caller may skip by returning a letter
   * it read before from equal lines (core/reanalysis.ts reuses the letters an edit did not touch).
   */
  readLetter?: LetterReader;
}

/** See `ParseOptions.readLetter`: a letter's parse depends only on these three arguments. */
export type LetterReader = (lines: readonly Line[], range: Range, doubled: boolean, read: () => Letter) => Letter;

/** Never throws, except CancelledError when the caller's `isCancelled` says so. */
export function parse(text: string, options: ParseOptions = {}): ImrDocument {
  try {
    return parseText(typeof text === 'string' ? text : String(text ?? ''), options);
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    // A bug must not take down the editor or a batch run: report it as a problem of this document.
    const at: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const problem: StructuralProblem = {
      code: 'unknown-layout',
      severity: 'error',
      message: `The parser failed on this document (${error instanceof Error ? error.name : 'error'}); please report it.`,
      range: at,
    };
    return documentOf([unreadLetter(at, false, [problem])], 1, at);
  }
}
