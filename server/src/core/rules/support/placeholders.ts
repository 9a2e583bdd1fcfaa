// The slots the quick fixes insert for a person to fill in. One home: the fixes build their text from these,
// and IMR018 reports any of them (and the usual hand-written ones) still left in a letter.

export const PLACEHOLDERS = {
  rationale: '<rationale>',
  isOrIsNot: '<is / is not>',
  mtusTitle: '<title>',
  guideline: '<guideline>',
} as const;

/** Where a slot stands in a text: `length` characters from `offset`. */
export interface PlaceholderSpan {
  offset: number;
  length: number;
}

/** Every slot of PLACEHOLDERS in `text` (an edit's inserted text), in order; one pass per slot kind. */
export function placeholderSpans(text: string): PlaceholderSpan[] {
  const spans: PlaceholderSpan[] = [];
  for (const slot of Object.values(PLACEHOLDERS)) {
    for (let at = text.indexOf(slot); at >= 0; at = text.indexOf(slot, at + slot.length)) {
      spans.push({ offset: at, length: slot.length });
    }
  }
  return spans.sort((a, b) => a.offset - b.offset);
}
