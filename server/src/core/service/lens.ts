// The decisions lens: over the decisions heading, the count of disputed items and their decisions,
// `3 disputed items · 2 upheld · 1 overturned`, plus `· 1 invalid` when an item's decision is missing or not
// one of the two words. Zero counts are shown (`· 0 overturned`), so the line always reads the same way.
// Documents without a decisions heading get the lens on the first item line; without items, none. A file of
// several letters gets one lens per letter, counting that letter's items.
import { lettersOf } from '../letters';
import type { DisputedItem, ImrDocument, Letter, Range } from '../model';
import { decisionLabel, itemName, outlineDecision, wholeItemName, type OutlineDecision } from '../outline';
import { countOf } from '../text/count';

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
  const parts = [countOf(counts.items, 'disputed item'), `${counts.upheld} upheld`, `${counts.overturned} overturned`];
  if (counts.invalid > 0) parts.push(`${counts.invalid} invalid`);
  return parts.join(' · ');
}

/** `letter`: in a file of several letters, the letter's case number (or `Letter n`) leads the label. */
export function pickableItem(item: DisputedItem, letter?: string): PickableItem {
  const name = itemName(item);
  const pick: PickableItem = {
    label: `${letter ? `${letter} · ` : ''}${item.index}. ${name}`,
    description: decisionLabel(item),
    decision: outlineDecision(item),
    range: item.headingRange,
  };
  const whole = wholeItemName(item);
  if (whole !== name) pick.wholeName = whole;
  return pick;
}

/** Every item of the file; in a file of several letters each label names its letter (items count per letter). */
export function pickableItems(doc: ImrDocument): PickableItem[] {
  const letters = lettersOf(doc);
  if (letters.length === 1) return doc.items.map((item) => pickableItem(item));
  return letters.flatMap((letter, k) => letter.items.map((item) => pickableItem(item, letterName(letter, k))));
}

/** The letter as a list names it: its case number, else `Letter n` (1-based in its file). */
export function letterName(letter: Letter, index: number): string {
  return letter.header?.fields.caseNumber?.value || `Letter ${index + 1}`;
}

/** The lenses of a document, one per letter that has a decisions heading or an item. */
export function decisionLenses(doc: ImrDocument): DecisionLens[] {
  const letters = lettersOf(doc);
  const lenses: DecisionLens[] = [];
  for (const [k, letter] of letters.entries()) {
    const heading = letter.sections.find((s) => s.kind === 'decisions')?.headingRange;
    const anchor = heading ?? letter.items[0]?.headingRange;
    if (!anchor) continue;
    const range = { start: anchor.start, end: anchor.start.line === anchor.end.line ? anchor.end : anchor.start };
    const name = letters.length > 1 ? letterName(letter, k) : undefined;
    const items = letter.items.map((item) => pickableItem(item, name));
    lenses.push({ range, title: lensTitle(countDecisions(items)), items });
  }
  return lenses;
}
