// Shared helpers for the citations-*.test.ts files: parseGuidelineBody() on one-line text.
import { parseGuidelineBody } from '../../server/src/core/citations';
import type { GuidelineBody, PageRef, Range, SectionRef } from '../../server/src/core/model';

// Offsets map to line 0 so every range can be checked against the offsets it was made from.
export const toRange = (start: number, end: number): Range => ({
  start: { line: 0, character: start },
  end: { line: 0, character: end },
});
export const parse = (text: string): GuidelineBody => parseGuidelineBody(text, toRange);
/** The [start, end) offsets a range made by `toRange` stands for. */
export const offsets = (r: Range): [number, number] => [r.start.character, r.end.character];
export const names = (sections: readonly SectionRef[]) => sections.map((s) => s.name);
export const numbers = (pages: readonly PageRef[]) =>
  pages.map(({ from, to }) => (to === undefined ? { from } : { from, to }));
