// L1 letters (2013, format guide §9): the item blocks that follow the case summary, and the section
// layout around them. The numbered findings lists are read in l1-findings.ts.
//
// Item block [recall, unverified: no sample letter shows one]:
//   1) Regarding the request for <item>:
//   Section of the Medical Treatment Utilization Schedule (MTUS) used by the Claims Administrator: …
//   Section of the Medical Treatment Utilization Schedule (MTUS) relied upon by the Expert Reviewer in making his/her decision: …
//   Rationale for the Decision: … The request for <item> is [not] medically necessary and appropriate.
import type { Decision, DisputedItem, Field, Header, ImrDocument, Range } from '../model';
import { Excerpt } from '../text/excerpt';
import { textAt, type Line } from '../text/lines';
import { fieldFromParts } from './fields';
import { matchL1Label, type FoundLabel } from './l1-labels';
import { readFindings } from './l1-findings';
import { parseL1Header } from './l1-header';
import { findingsLines, itemsFromFindings } from './l1-from-findings';
import { truncateSection, type SectionLines } from './sections';

const ITEM_HEADING = /^\d{1,3}\)\s*Regarding\b/;
const ITEM_LEAD = /^\d{1,3}\)\s*Regarding\s+the\s+request\s+for\s+/i;
const NUMBER_LEAD = /^\d{1,3}\)\s*/;
/** An item text wraps over a few lines at most; past this the heading is surely over. */
const MAX_HEADING_LINES = 4;
// [recall] The closing sentence carries the decision: "not" → the denial stands (Upheld).
const CLOSING = /\b(?:is|are)\s+(not\s*)?medically\s+necessary\s+and\s+appropriate\b/g;

export interface L1Result {
  items: DisputedItem[];
  findings: NonNullable<ImrDocument['findings']>;
  /** `Dated:` and the procedural paragraph's dates (l1-header.ts). */
  header?: Header;
  /** The sections, with the one that runs into the item blocks (the case summary) cut before them. */
  sections: SectionLines[];
}

export function parseL1(lines: readonly Line[], sections: readonly SectionLines[]): L1Result {
  const starts: number[] = [];
  for (const [i, { text }] of lines.entries()) if (ITEM_HEADING.test(text)) starts.push(i);
  const items = starts.map((start, k) => {
    const next = starts[k + 1];
    const end = next === undefined ? lines.length - 1 : next - 1;
    return readItem(lines, start, end, k + 1);
  });
  const findings = {
    summary: readFindings(findingsLines(lines, sections)),
    repeated: readFindings(sections.find((s) => s.section.kind === 'decisions')?.body ?? []),
  };
  if (items.length === 0)
    items.push(...itemsFromFindings(findings.summary.length ? findings.summary : findings.repeated));
  const firstStart = starts[0];
  return {
    items,
    findings,
    header: parseL1Header(lines, sections),
    sections: endSectionsBefore(sections, firstStart === undefined ? undefined : lines[firstStart]),
  };
}

/**
 * The item blocks have no heading of their own, so the section above them (the case summary) would run to
 * the end of the letter. Cut it before the first item heading, so that the summary is only the summary and
 * the items stand outside every section, as L3 items stand apart from the clinical case summary.
 */
function endSectionsBefore(sections: readonly SectionLines[], firstItem: Line | undefined): SectionLines[] {
  return sections.map((s) => {
    const at = firstItem ? s.body.indexOf(firstItem) : -1;
    return at >= 0 ? truncateSection(s, at) : s;
  });
}

function readItem(lines: readonly Line[], start: number, end: number, index: number): DisputedItem {
  const labels: FoundLabel[] = [];
  for (let i = start + 1; i <= end; i++) {
    const found = matchL1Label(lines, i, end);
    if (!found) continue;
    labels.push(found);
    i = found.endAt;
  }
  const firstLabel = labels[0];
  const headingEnd = findHeadingEnd(lines, start, firstLabel ? firstLabel.at - 1 : end);
  const heading = Excerpt.fromLines(lines.slice(start, headingEnd + 1));
  const text = itemText(heading);

  let decision: Decision | undefined;
  const fields: Field[] = labels.map((found, k) => {
    const next = labels[k + 1];
    const bodyEnd = next ? next.at - 1 : end;
    const body = Excerpt.fromLines(lines.slice(found.endAt, bodyEnd + 1), found.bodyFrom);
    const field = fieldFromParts(found.kind, found.label, found.labelRange, body);
    if (found.kind === 'rationale') decision = closingDecision(body) ?? decision;
    return field;
  });
  const headingRange = heading.range;
  const lastField = fields[fields.length - 1];
  return {
    index,
    text,
    subject: text.text,
    decision,
    headingRange,
    range: { start: headingRange.start, end: lastField ? lastField.range.end : headingRange.end },
    claimsAdministratorGuideline: fields.find((f) => f.kind === 'claimsAdministratorGuideline'),
    reviewerGuideline: fields.find((f) => f.kind === 'reviewerGuideline'),
    rationale: fields.find((f) => f.kind === 'rationale'),
    fields,
  };
}

/** The heading runs to the line ending in the colon after the item, or to the line before the first label. */
function findHeadingEnd(lines: readonly Line[], start: number, limit: number): number {
  const last = Math.min(limit, start + MAX_HEADING_LINES - 1);
  for (let k = start; k <= last; k++) if (textAt(lines, k).endsWith(':')) return k;
  return Math.max(start, last);
}

/** `<item>` out of `N) Regarding the request for <item>:`; without that lead-in, all after `N)`. */
function itemText(heading: Excerpt): DisputedItem['text'] {
  const t = heading.text;
  const lead = ITEM_LEAD.exec(t) ?? NUMBER_LEAD.exec(t);
  let from = lead ? lead[0].length : 0;
  let to = t.endsWith(':') ? t.length - 1 : t.length;
  while (to > from && t.charCodeAt(to - 1) === 32) to--;
  if (from > to) from = to;
  return heading.span(from, to);
}

/** The last "is [not] medically necessary and appropriate" of the rationale, as the item's decision. */
function closingDecision(body: Excerpt): Decision | undefined {
  let last: RegExpExecArray | undefined;
  CLOSING.lastIndex = 0;
  for (let m = CLOSING.exec(body.text); m; m = CLOSING.exec(body.text)) last = m;
  if (!last) return undefined;
  const range: Range = body.rangeOf(last.index, last.index + last[0].length);
  return { value: last[1] !== undefined ? 'Upheld' : 'Overturned', raw: last[0], range };
}
