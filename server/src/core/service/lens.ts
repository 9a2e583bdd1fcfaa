// The decisions lens: over the decisions heading, the count of disputed items and their decisions,
// `3 disputed items · 2 upheld · 1 overturned`, plus `· 1 invalid` when an item's decision is missing or not
// one of the two words. Zero counts are shown (`· 0 overturned`), so the line always reads the same way.
// Documents without a decisions heading get the lens on the first item line; without items, none.
import type { DisputedItem, ImrDocument, Range } from '../model';
import { decisionLabel, itemName, outlineDecision, wholeItemName, type OutlineDecision } from '../outline';

/** An item's decision: the two valid words, a word that is neither (`invalid`), or none at all (`missing`). */
export type ItemDecision = OutlineDecision;

/** One disputed item as a list entry (the picker, the code lens, the Determinations view). */
export interface PickableItem {
  /** `<n>. <item name>`, the name cut at its end when long (outline.ts `itemName`). */
  label: string;
  /** The whole item text on one line, when `label` had to cut it (up to a bound): for tooltips and filters. */
  wholeName?: string;
  /** The decision as the outline shows it: `Upheld`, `Overturned`, `no decision`, or the invalid word in quotes. */
  description: string;
  decision: ItemDecision;
  /** The item's heading: what to reveal. */
  range: Range;
}

export interface DecisionCounts {
  items: number;
  upheld: number;
  overturned: number;
  /** Items whose decision is missing or neither word. */
  invalid: number;
}

export interface DecisionLens {
  range: Range;
  title: string;
  items: PickableItem[];
}

export function countDecisions(items: readonly PickableItem[]): DecisionCounts {
  const counts: DecisionCounts = { items: items.length, upheld: 0, overturned: 0, invalid: 0 };
  for (const item of items) {
    const value = item.decision;
    if (value === 'Upheld') counts.upheld++;
    else if (value === 'Overturned') counts.overturned++;
    else counts.invalid++;
  }
  return counts;
}

/** `8 disputed items · 8 upheld · 0 overturned`, `1 disputed item · 0 upheld · 0 overturned · 1 invalid`. */
export function lensTitle(counts: DecisionCounts): string {
  const parts = [
    `${counts.items} disputed ${counts.items === 1 ? 'item' : 'items'}`,
    `${counts.upheld} upheld`,
    `${counts.overturned} overturned`,
  ];
  if (counts.invalid > 0) parts.push(`${counts.invalid} invalid`);
  return parts.join(' · ');
}

export function pickableItem(item: DisputedItem): PickableItem {
  const name = itemName(item);
  const pick: PickableItem = {
    label: `${item.index}. ${name}`,
    description: decisionLabel(item),
    decision: outlineDecision(item),
    range: item.headingRange,
  };
  const whole = wholeItemName(item);
  if (whole !== name) pick.wholeName = whole;
  return pick;
}

export function pickableItems(doc: ImrDocument): PickableItem[] {
  return doc.items.map(pickableItem);
}

/** The lens of a document, or undefined when it has no decisions heading and no item. */
export function decisionLens(doc: ImrDocument): DecisionLens | undefined {
  const heading = doc.sections.find((s) => s.kind === 'decisions')?.headingRange;
  const anchor = heading ?? doc.items[0]?.headingRange;
  if (!anchor) return undefined;
  const range = { start: anchor.start, end: anchor.start.line === anchor.end.line ? anchor.end : anchor.start };
  const items = pickableItems(doc);
  return { range, title: lensTitle(countDecisions(items)), items };
}
