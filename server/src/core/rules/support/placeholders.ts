// The slots the quick fixes insert for a person to fill in. One home: the fixes build their text from these,
// and IMR018 reports any of them (and the usual hand-written ones) still left in a letter.

export const PLACEHOLDERS = {
  rationale: '<rationale>',
  isOrIsNot: '<is / is not>',
  mtusTitle: '<title>',
  guideline: '<guideline>',
} as const;
