// IMR006 missing-section: the detected layout's headings must all be there, in their order (format guide
// §1–§3, §9). The layout is detected from the headings present, so at least one of them always is.
import type { Layout, Section, SectionKind } from '../model';
import { HEADINGS_BY_LAYOUT } from '../parse/headings';
import { isTruncated } from './messages';
import type { Report, Rule } from './types';

/** L1 is known from a partial excerpt: the order of its last two headings is not certain, so only presence counts. */
const ORDER_KNOWN: Record<Exclude<Layout, 'unknown'>, boolean> = { L3: true, L2: true, L1: false, L0: true };

interface Expected {
  kind: SectionKind;
  title: string;
}

interface LayoutSections {
  expected: Expected[];
  /** Place of each expected kind in `expected`. */
  rank: Map<SectionKind, number>;
}

function readSections(layout: Exclude<Layout, 'unknown'>): LayoutSections {
  const seen = new Set<SectionKind>();
  const expected: Expected[] = [];
  for (const spec of HEADINGS_BY_LAYOUT[layout]) {
    if (seen.has(spec.kind)) continue;
    seen.add(spec.kind);
    expected.push({ kind: spec.kind, title: spec.text });
  }
  return { expected, rank: new Map(expected.map((e, k) => [e.kind, k])) };
}

// Built on first use per layout, not per letter. Lazily rather than at load time: the heading table is
// the parser's, and this module must not depend on the order modules are loaded in.
const byLayout = new Map<Exclude<Layout, 'unknown'>, LayoutSections>();

function expectedSections(layout: Exclude<Layout, 'unknown'>): LayoutSections {
  let sections = byLayout.get(layout);
  if (!sections) {
    sections = readSections(layout);
    byLayout.set(layout, sections);
  }
  return sections;
}

function isIncreasing(seq: readonly number[]): boolean {
  let last = -Infinity;
  for (const value of seq) {
    if (last >= value) return false;
    last = value;
  }
  return true;
}

/** The longest increasing run ending at a value: its length and the index (and value) of the one before it. */
interface Run {
  value: number;
  length: number;
  previous: number;
  previousValue: number;
}

/** Indexes (into `seq`) of a longest strictly increasing subsequence: the sections that are in order. */
function inOrder(seq: readonly number[]): Set<number> {
  const runs: Run[] = [];
  let best = -1;
  let bestLength = 0;
  for (const [i, value] of seq.entries()) {
    const run: Run = { value, length: 1, previous: -1, previousValue: Infinity };
    for (const [j, before] of runs.entries()) {
      // On a tie keep the predecessor that comes earlier in the layout: a section moved up is the one flagged.
      const better =
        before.length + 1 > run.length ||
        (before.length + 1 === run.length && run.previous >= 0 && before.value < run.previousValue);
      if (before.value < value && better) {
        run.length = before.length + 1;
        run.previous = j;
        run.previousValue = before.value;
      }
    }
    runs.push(run);
    if (best < 0 || run.length > bestLength) {
      best = i;
      bestLength = run.length;
    }
  }
  const keep = new Set<number>();
  for (let k = best; k >= 0; k = runs[k]?.previous ?? -1) keep.add(k);
  return keep;
}

export const missingSection: Rule = {
  meta: {
    id: 'IMR006',
    name: 'missing-section',
    description: 'A required section of the detected layout is absent or out of order.',
    defaultSeverity: 'error',
    tags: ['structure'],
    fixable: false,
    rationale:
      'Each section carries content the determination must give: how the review was made and who made it (the ' +
      "reviewer's qualifications, Labor Code 4610.6(f)), the case summary (the employee's condition and the records " +
      'reviewed, LC 4610.6(e)), and the decisions with their rationales. A letter with a heading missing or out of ' +
      'place is hard to read, may have lost that content, and cannot be checked reliably.',
    examples: {
      failing: [
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        'MAXIMUS Federal Services sent the complete case file to an expert reviewer. …',
        'IMR ISSUES, DECISIONS AND RATIONALES',
      ].join('\n'),
      passing: [
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        'MAXIMUS Federal Services sent the complete case file to an expert reviewer. …',
        'CLINICAL CASE SUMMARY',
        'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records: …',
        'IMR ISSUES, DECISIONS AND RATIONALES',
      ].join('\n'),
    },
  },
  check({ document }) {
    const layout = document.layout;
    // A letter cut short gets one information from IMR000, not an error per missing section.
    if (layout === 'unknown' || isTruncated(document)) return [];
    const { expected, rank } = expectedSections(layout);
    // First occurrence of each expected section, in document order, with its place in `expected`.
    const present: { section: Section; rank: number }[] = [];
    const seen = new Set<SectionKind>();
    for (const section of document.sections) {
      const r = rank.get(section.kind);
      if (r === undefined || seen.has(section.kind)) continue;
      seen.add(section.kind);
      present.push({ section, rank: r });
    }
    const reports: Report[] = [];
    for (const [k, e] of expected.entries()) {
      if (seen.has(e.kind)) continue;
      // Where it should be: before the next expected section that is there, else at the end of the letter.
      const next = expected
        .slice(k + 1)
        .map((x) => present.find((p) => p.section.kind === x.kind)?.section)
        .find((s) => s !== undefined);
      const where = next ? `; it belongs before "${next.title}"` : '; it belongs at the end of the letter';
      reports.push({
        message: `The section "${e.title}" is missing${where}.`,
        range: next ? next.headingRange : { start: document.range.end, end: document.range.end },
      });
    }
    const ranks = present.map((p) => p.rank);
    // In order, as nearly every letter is: then the longest in-order run is all of them.
    if (ORDER_KNOWN[layout] && present.length > 1 && !isIncreasing(ranks)) {
      const keep = inOrder(ranks);
      present.forEach(({ section: s, rank: r }, k) => {
        if (keep.has(k)) return;
        const before = [...expected]
          .slice(0, r)
          .reverse()
          .find((x) => seen.has(x.kind));
        const after = expected.slice(r + 1).find((x) => seen.has(x.kind));
        const place = [before ? `after "${before.title}"` : '', after ? `before "${after.title}"` : '']
          .filter(Boolean)
          .join(' and ');
        reports.push({
          message: `The section "${s.title}" is out of order: it belongs ${place}.`,
          range: s.headingRange,
        });
      });
    }
    return reports;
  },
};
