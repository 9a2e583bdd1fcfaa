// How findings name what they are about: `Item 2 "Medical Clearance" (Upheld)`, a section by its heading.
import type { DisputedItem, ImrDocument, Layout } from '../model';
import { shorten } from '../text/shorten';

/** Item names in findings: long enough to read the item by, cut at the end; the item number says which. */
const MAX_NAME = 72;

/** `Item 2 "Medical Clearance"`; the subject is the part decided on (a partial authorisation's remainder). */
export function itemName(item: DisputedItem): string {
  const name = shorten(item.subject || item.text.text, MAX_NAME);
  return name ? `Item ${item.index} "${name}"` : `Item ${item.index}`;
}

/** `"Medical Clearance"`: a shortened excerpt in quotes. */
export function quote(text: string, max = MAX_NAME): string {
  return `"${shorten(text, max)}"`;
}

/** `item 2 ("Medical Clearance")`, for the middle of a sentence. */
export function itemInSentence(item: DisputedItem): string {
  const name = shorten(item.subject || item.text.text, MAX_NAME);
  return name ? `item ${item.index} ("${name}")` : `item ${item.index}`;
}

/**
 * `Item 2 "Medical Clearance" (Upheld)`, or without the decision when there is none. L1 decides in a
 * sentence ("is not medically necessary and appropriate"): its meaning is shown instead of the sentence.
 */
export function itemWithDecision(item: DisputedItem): string {
  const d = item.decision;
  if (!d) return itemName(item);
  if (d.value && d.raw !== d.value)
    return `${itemName(item)} (${d.value === 'Upheld' ? 'not medically necessary' : 'medically necessary'})`;
  return `${itemName(item)} (${shorten(d.raw, 24)})`;
}

/** The per-item labels as L3 (and the assumed L2) letters write them. */
export const L3_FIELD_LABELS = {
  claimsAdministratorGuideline: 'Claims Administrator guideline:',
  reviewerGuideline: 'MAXIMUS guideline:',
  rationale: 'Decision rationale:',
} as const;

/** Layouts whose item labels are known well enough to insert one. */
export function hasL3Labels(layout: Layout): boolean {
  return layout === 'L3' || layout === 'L2';
}

/** The parser found the letter cut short: IMR000 says so once, and the section rules stay quiet. */
export function isTruncated(document: ImrDocument): boolean {
  return document.problems.some((p) => p.code === 'truncated');
}
