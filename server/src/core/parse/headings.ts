// The headings of each layout (format guide §1, §2, §9) and layout detection by headings present.
import type { Layout, SectionKind } from '../model';
import { firstCharactersOf } from '../text/chars';
import { textAt, type Line } from '../text/lines';

export interface HeadingSpec {
  kind: SectionKind;
  /** Exact heading text, compared with the whole trimmed line (L3, L2, L1) or its start (L0 labels). */
  text: string;
  /** L0 labels and L1 headings that end in a colon may have text after them on the same line. */
  prefix?: boolean;
  /** L0's two long labels wrap: the part on the next line. */
  continuation?: string;
  /**
   * L1 as it really extracts: the heading may share its line, after the letterhead or a sentence
   * (`… appropriate. INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE`) or before `Dated: …`.
   */
  embedded?: boolean;
}

export const L3_HEADINGS: HeadingSpec[] = [
  { kind: 'howMade', text: 'HOW THE IMR FINAL DETERMINATION WAS MADE' },
  { kind: 'caseSummary', text: 'CLINICAL CASE SUMMARY' },
  { kind: 'decisions', text: 'IMR ISSUES, DECISIONS AND RATIONALES' },
];

// [parser] L2 is known only from a third-party parser's string constants: unverified.
export const L2_HEADINGS: HeadingSpec[] = [
  { kind: 'howMade', text: 'HOW THE IMR FINAL DETERMINATION WAS MADE' },
  { kind: 'documentsReviewed', text: 'DOCUMENTS REVIEWED' },
  { kind: 'caseSummary', text: 'CLINICAL CASE SUMMARY' },
  { kind: 'decisions', text: 'IMR DECISION(S) AND RATIONALE(S)' },
];

// L1 (2013) is known from a partial excerpt; the order of the last two is as the guide lists them.
export const L1_HEADINGS: HeadingSpec[] = [
  { kind: 'findings', text: 'Notice of Independent Medical Review Determination', embedded: true },
  { kind: 'decisions', text: 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE', embedded: true },
  { kind: 'qualifications', text: 'Medical Qualifications of the Expert Reviewer:', prefix: true },
  { kind: 'caseSummary', text: 'Case Summary:', prefix: true },
];

// [parser] L0 labels, in order; the two long ones wrap after PROFESSIONAL and after IS/WAS NOT.
export const L0_HEADINGS: HeadingSpec[] = [
  { kind: 'issueAtDispute', text: 'ISSUE AT DISPUTE:', prefix: true },
  { kind: 'caseSummary', text: 'CASE SUMMARY:', prefix: true },
  { kind: 'documentsReviewed', text: 'DOCUMENTS REVIEWED FOR DETERMINATION:', prefix: true },
  {
    kind: 'guidelinesRelied',
    text: 'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
    prefix: true,
    continuation: 'REVIEWER AND WHY:',
  },
  {
    kind: 'rationale',
    text: 'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
    prefix: true,
    continuation: 'MEDICALLY NECESSARY:',
  },
  { kind: 'qualifications', text: 'MEDICAL REVIEWER QUALIFICATIONS:', prefix: true },
];

export const HEADINGS_BY_LAYOUT: Record<Exclude<Layout, 'unknown'>, HeadingSpec[]> = {
  L3: L3_HEADINGS,
  L2: L2_HEADINGS,
  L1: L1_HEADINGS,
  L0: L0_HEADINGS,
};

/** A heading found in the text: which spec, and the lines it covers (two for a wrapped L0 label). */
export interface HeadingMatch {
  spec: HeadingSpec;
  lineIndex: number;
  /** Index of the last line of the heading (same as lineIndex unless wrapped). */
  lastLineIndex: number;
  /** Where the heading ends in the last line's text; text after it belongs to the body. */
  endInLastLine: number;
  /** Where the heading starts in its first line's text (an embedded L1 heading); 0 otherwise. */
  startInFirstLine?: number;
}

/** Where an embedded heading stands in `t` as whole words, or -1. */
export function embeddedAt(t: string, heading: string): number {
  const at = t.indexOf(heading);
  if (at < 0) return -1;
  const before = at === 0 || t.charCodeAt(at - 1) === 32;
  const after = at + heading.length === t.length || t.charCodeAt(at + heading.length) === 32;
  return before && after ? at : -1;
}

function matchAt(lines: readonly Line[], i: number, spec: HeadingSpec): HeadingMatch | undefined {
  const t = textAt(lines, i);
  if (t === spec.text) return { spec, lineIndex: i, lastLineIndex: i, endInLastLine: t.length };
  if (spec.prefix && t.startsWith(spec.text)) {
    return { spec, lineIndex: i, lastLineIndex: i, endInLastLine: spec.text.length };
  }
  if (spec.embedded) {
    const at = embeddedAt(t, spec.text);
    if (at >= 0)
      return { spec, lineIndex: i, lastLineIndex: i, endInLastLine: at + spec.text.length, startInFirstLine: at };
  }
  if (spec.continuation) {
    const head = spec.text.slice(0, spec.text.length - spec.continuation.length).trimEnd();
    const next = lines[i + 1];
    if (t === head && next && next.text.startsWith(spec.continuation)) {
      return { spec, lineIndex: i, lastLineIndex: i + 1, endInLastLine: spec.continuation.length };
    }
  }
  return undefined;
}

/** All headings of `specs` in the lines, in source order. Cheap first-character filter keeps it fast. */
export function findHeadings(lines: readonly Line[], specs: readonly HeadingSpec[]): HeadingMatch[] {
  const firstChars = firstCharactersOf(specs);
  const anyEmbedded = specs.some((s) => s.embedded);
  const found: HeadingMatch[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!anyEmbedded && firstChars[textAt(lines, i).charCodeAt(0)] !== 1) continue;
    for (const spec of specs) {
      const m = matchAt(lines, i, spec);
      if (m) {
        found.push(m);
        i = m.lastLineIndex;
        break;
      }
    }
  }
  return found;
}

function hasLine(lines: readonly Line[], text: string): boolean {
  for (const l of lines) if (l.text === text) return true;
  return false;
}

/** The heading of `kind` in a layout's table; each call below names one the table has (the layout tests read them). */
function headingText(specs: readonly HeadingSpec[], kind: SectionKind): string {
  return specs.find((s) => s.kind === kind)?.text ?? '';
}

// The headings that decide a layout (§2).
export const L3_HOW_MADE = headingText(L3_HEADINGS, 'howMade');
export const L3_DECISIONS = headingText(L3_HEADINGS, 'decisions');
const L2_DOCUMENTS = headingText(L2_HEADINGS, 'documentsReviewed');
export const L2_DECISIONS = headingText(L2_HEADINGS, 'decisions');
export const L1_FINDINGS = headingText(L1_HEADINGS, 'findings');
export const L1_DECISIONS = headingText(L1_HEADINGS, 'decisions');
export const L0_ISSUE = headingText(L0_HEADINGS, 'issueAtDispute');
export const L0_QUALIFICATIONS = headingText(L0_HEADINGS, 'qualifications');

/** Text every letter of a known layout holds, one of these at least: for a cheap check before parsing. */
export const LAYOUT_MARKERS: readonly string[] = [L3_DECISIONS, L2_DECISIONS, L1_FINDINGS, L1_DECISIONS, L0_ISSUE];

/** Decide by headings present, in the guide's order: L3, L2, L1, L0 (§2). */
export function detectLayout(lines: readonly Line[]): Layout {
  if (hasLine(lines, L3_DECISIONS)) return 'L3';
  if (hasLine(lines, L2_DOCUMENTS) && hasLine(lines, L2_DECISIONS)) return 'L2';
  // L1 headings may share their line (see HeadingSpec.embedded).
  if (lines.some((l) => embeddedAt(l.text, L1_FINDINGS) >= 0 || embeddedAt(l.text, L1_DECISIONS) >= 0)) return 'L1';
  if (lines.some((l) => l.text.startsWith(L0_ISSUE))) return 'L0';
  return 'unknown';
}
