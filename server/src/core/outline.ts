// The letter as a tree: header, sections, credentials, disputed items and their fields. Pure. The single
// source of outline names and details, shared by `imr outline`, `imr export` and the document symbols.
import { headerFieldTitle } from './headerFields';
import type {
  Citation,
  DecisionValue,
  DisputedItem,
  Field,
  GuidelineBody,
  Header,
  ImrDocument,
  Letter,
  MtusPart,
  Range,
  Section,
} from './model';
import { lettersOf } from './letters';
import { comparePositions, containsRange } from './range';
import { countOf } from './text/count';
import { collapse, shorten } from './text/shorten';

export type OutlineKind = 'letter' | 'header' | 'headerField' | 'section' | 'credentials' | 'item' | 'field';

/** An item's decision as the outline shows it: the value, or why there is none. */
export type OutlineDecision = DecisionValue | 'invalid' | 'missing';

export interface OutlineNode {
  kind: OutlineKind;
  name: string;
  detail?: string;
  /** Items only. */
  decision?: OutlineDecision;
  range: Range;
  /** The part to reveal when the node is picked: a label, a heading, an item line. Inside `range`. */
  selectionRange: Range;
  children: OutlineNode[];
}

/**
 * Item names longer than this are cut at their end: short enough that in a sidebar of the default width the
 * detail after the name, which starts with the decision, stays in view.
 */
export const MAX_NAME_LENGTH = 48;
/** Whole item names (workspace symbols, tooltips): longer than any real letter's. */
const MAX_WHOLE_NAME_LENGTH = 400;
/** A field's citations, after its name. */
const MAX_DETAIL_LENGTH = 160;
const SEPARATOR = ' · ';

/** A file of one letter: the letter's nodes. A file of several: one `letter` node each, holding its nodes. */
export function outline(doc: ImrDocument): OutlineNode[] {
  return Array.from(outlineParts(doc)).flat();
}

/**
 * The outline in parts whose concatenation is `outline(doc)`, one letter at a time: a caller that converts
 * each part and lets it go never holds the whole outline of a file of thousands of letters.
 */
export function* outlineParts(doc: ImrDocument): Generator<OutlineNode[]> {
  const letters = lettersOf(doc);
  if (letters.length === 1) {
    yield letterNodes(doc);
    return;
  }
  for (const [k, letter] of letters.entries()) yield [letterNode(letter, k, letters.length)];
}

function letterNode(letter: Letter, k: number, count: number): OutlineNode {
  const caseNumber = letter.header?.fields.caseNumber?.value;
  const items = letter.items.length;
  const children = letterNodes(letter);
  return {
    kind: 'letter',
    name: `${caseNumber || `Letter ${k + 1}`} (${layoutName(letter)})`,
    detail: `letter ${k + 1} of ${count}${SEPARATOR}${countOf(items, 'item')}`,
    range: letter.range,
    // What opens the letter: its header or first heading.
    selectionRange: children[0]?.selectionRange ?? { start: letter.range.start, end: letter.range.start },
    children,
  };
}

/** The layout as the format guide names it: `L3-2016`, `L3a`, `L3b`, `L1`; `unknown layout`. */
export function layoutName(letter: Letter): string {
  if (letter.layout === 'unknown') return 'unknown layout';
  if (letter.layout !== 'L3') return letter.layout;
  if (letter.variant.hasHeader) return 'L3-2016';
  if (letter.variant.credentialsForm === 'block') return 'L3b';
  return letter.variant.credentialsForm === 'inline' ? 'L3a' : 'L3';
}

function letterNodes(doc: Letter): OutlineNode[] {
  const nodes: OutlineNode[] = [];
  if (doc.header) nodes.push(headerNode(doc.header));
  const sections = doc.sections.map(sectionNode);
  nodes.push(...sections);
  // Items and credentials go under the section that holds them; L0/L1 ones may lie outside every section.
  const loose: OutlineNode[] = [];
  if (doc.credentials) {
    const creds = credentialsNode(doc.credentials.range, doc.credentials.specialties, doc.credentials.states);
    place(creds, sections, loose);
  }
  for (const item of doc.items) place(itemNode(item), sections, loose);
  // The credentials may stand before, among or after the items, and loose nodes before a section (damaged or
  // L0/L1 text): every list is put in document order (stable, so equal starts keep their order).
  for (const section of sections) if (section.children.length > 1) section.children.sort(byStart);
  if (loose.length === 0) return nodes;
  return [...nodes, ...loose].sort(byStart);
}

function byStart(a: OutlineNode, b: OutlineNode): number {
  return comparePositions(a.range.start, b.range.start);
}

function place(node: OutlineNode, sections: readonly OutlineNode[], loose: OutlineNode[]): void {
  const holder = holderOf(node.range, sections);
  (holder ? holder.children : loose).push(node);
}

/**
 * The first section that contains `range`. Sections are in document order and each ends where the next
 * heading starts, so only the last one starting at or before `range` (or, where a heading is glued onto
 * the line that ends the section before, the one before it) can hold it: a binary search, not a scan per
 * item, keeps a letter of many sections and items linear.
 */
function holderOf(range: Range, sections: readonly OutlineNode[]): OutlineNode | undefined {
  let low = 0;
  let high = sections.length - 1;
  let last = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const section = sections[mid];
    if (section && comparePositions(section.range.start, range.start) <= 0) {
      last = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  for (const k of [last - 1, last]) {
    const section = sections[k];
    if (section && containsRange(section.range, range)) return section;
  }
  return undefined;
}

function headerNode(header: Header): OutlineNode {
  const fields = Object.values(header.fields).filter((f) => f !== undefined);
  fields.sort((a, b) => comparePositions(a.labelRange.start, b.labelRange.start));
  // In plain text the values stand in their own column, lines below the labels: a field spans both.
  const children = fields.map((f): OutlineNode => ({
    kind: 'headerField',
    name: headerFieldTitle(f),
    detail: f.value || undefined,
    range: union(f.labelRange, f.valueRange),
    selectionRange: f.labelRange,
    children: [],
  }));
  return {
    kind: 'header',
    name: 'Header',
    detail: header.fields.caseNumber?.value || undefined,
    range: union(header.range, ...children.map((c) => c.range)),
    selectionRange: header.range,
    children,
  };
}

function sectionNode(section: Section): OutlineNode {
  return {
    kind: 'section',
    name: section.title,
    range: section.range,
    selectionRange: section.headingRange,
    children: [],
  };
}

function credentialsNode(
  range: Range,
  specialties: readonly { text: string }[],
  states: readonly { text: string }[],
): OutlineNode {
  const parts = [specialties.map((s) => s.text).join(', '), states.map((s) => s.text).join(', ')].filter(Boolean);
  return {
    kind: 'credentials',
    name: 'Reviewer credentials',
    detail: parts.join(SEPARATOR) || undefined,
    range,
    selectionRange: range,
    children: [],
  };
}

function itemNode(item: DisputedItem): OutlineNode {
  return {
    kind: 'item',
    name: itemName(item),
    detail: `${decisionLabel(item)}${SEPARATOR}${mainCitation(item.reviewerGuideline)}`,
    decision: outlineDecision(item),
    range: union(item.range, item.headingRange),
    selectionRange: item.headingRange,
    children: item.fields.map(fieldNode),
  };
}

function fieldNode(field: Field): OutlineNode {
  let detail: string | undefined;
  if (field.guideline) detail = guidelineSummary(field.guideline);
  else if (field.kind === 'rationale') detail = conclusionLabel(field);
  return {
    kind: 'field',
    name: stripColon(field.label),
    detail,
    range: union(field.range, field.labelRange),
    selectionRange: field.labelRange,
    children: [],
  };
}

/** The item text on one line, cut at its end when long; `Item n` when the item has no text. */
export function itemName(item: DisputedItem): string {
  const text = itemText(item);
  return text ? shorten(text, MAX_NAME_LENGTH) : `Item ${item.index}`;
}

/** The item text on one line, bounded (a 10 MB line is not sent whole): where the whole name is wanted. */
export function wholeItemName(item: DisputedItem): string {
  const text = itemText(item);
  return text ? shorten(text, MAX_WHOLE_NAME_LENGTH) : `Item ${item.index}`;
}

/** The item text on one line. */
export function itemText(item: DisputedItem): string {
  return collapse(item.text.text);
}

export function outlineDecision(item: DisputedItem): OutlineDecision {
  if (!item.decision) return 'missing';
  return item.decision.value ?? 'invalid';
}

/** `Upheld`, `Overturned`, `no decision`, or the invalid word as written in quotes. */
export function decisionLabel(item: DisputedItem): string {
  if (!item.decision) return 'no decision';
  return item.decision.value ?? `"${collapse(item.decision.raw)}"`;
}

/** `not medically necessary`, `medically necessary`, or `no necessity statement`. */
function conclusionLabel(field: Field): string {
  if (!field.conclusion) return 'no necessity statement';
  return field.conclusion.polarity === 'negative' ? 'not medically necessary' : 'medically necessary';
}

/** The one citation that stands for a guideline field: the first MTUS one, else the first. */
export function mainCitation(field: Field | undefined): string {
  if (!field) return 'no guideline field';
  const g = field.guideline;
  if (!g) return 'no guideline field';
  if (g.noEvidence) return 'no medical evidence cited';
  const main = g.citations.find((c) => c.kind === 'mtus') ?? g.citations[0];
  if (!main) return 'no citation';
  if (main.kind === 'mtus') {
    const [firstPart] = main.parts;
    return firstPart ? `MTUS ${partName(firstPart)}` : shorten(main.text, 60);
  }
  return `Non-MTUS ${main.source && main.source !== 'other' ? main.source : shorten(nonMtusText(main), 40)}`;
}

/** A guideline field's citations on one line: `MTUS … 2004 (Special Studies); Non-MTUS ODG Knee & Leg`. */
export function guidelineSummary(g: GuidelineBody): string {
  if (g.noEvidence) return 'no medical evidence cited';
  const labels = citationLabels(g);
  return labels.length ? shorten(labels.join('; '), MAX_DETAIL_LENGTH) : 'no citation';
}

/**
 * Every citation of a guideline body as readable strings, one per MTUS part:
 * `MTUS Chronic Pain Medical Treatment 2016 (Opioids)`, `MTUS ACOEM Chapter 12 Low Back Complaints (p. 300)`,
 * `Non-MTUS ODG Pain (Chronic)` when the chapter is known, else `Non-MTUS <the free text>`.
 */
export function citationLabels(g: GuidelineBody | undefined): string[] {
  if (!g) return [];
  const labels: string[] = [];
  for (const c of g.citations) {
    if (c.kind === 'mtus') {
      if (c.parts.length === 0) labels.push(collapse(c.text));
      for (const part of c.parts) labels.push(`MTUS ${partName(part)}${partQualifier(part)}`);
    } else if ((c.source === 'ODG' || c.source === 'ACOEM') && c.chapter) {
      labels.push(`Non-MTUS ${c.source} ${collapse(c.chapter)}`);
    } else {
      // No recognised chapter: the free text is all there is to say which part was relied on.
      labels.push(`Non-MTUS ${nonMtusText(c)}`);
    }
  }
  return labels;
}

/** Era 2: `Low Back Complaints 2004`; era 1: `ACOEM Chapter 12 Low Back Complaints`. */
function partName(part: MtusPart): string {
  const chapter = part.chapter !== undefined && part.year === undefined ? `ACOEM Chapter ${part.chapter}` : '';
  return [chapter, part.title, part.year].filter((x) => x !== '' && x !== undefined).join(' ') || 'ACOEM';
}

function partQualifier(part: MtusPart): string {
  const bits: string[] = [];
  if (part.sections.length) bits.push(part.sections.map((s) => collapse(s.name)).join(', '));
  if (part.pages.length) {
    const pages = part.pages.map((p) => (p.to === undefined ? `${p.from}` : `${p.from}-${p.to}`));
    bits.push(`${pages.length === 1 && part.pages[0]?.to === undefined ? 'p.' : 'pp.'} ${pages.join(', ')}`);
  }
  return bits.length ? ` (${bits.join('; ')})` : '';
}

function nonMtusText(c: Citation): string {
  return collapse(c.text.replace(/^Non-MTUS\s+(?:Citation\s*)?/i, '')) || 'citation';
}

function stripColon(label: string): string {
  return collapse(label).replace(/\s*:$/, '');
}

/** The smallest range covering all: keeps `selectionRange` inside `range` even for odd parser output. */
function union(first: Range, ...rest: Range[]): Range {
  let { start, end } = first;
  for (const r of rest) {
    if (comparePositions(r.start, start) < 0) start = r.start;
    if (comparePositions(r.end, end) > 0) end = r.end;
  }
  return { start, end };
}
