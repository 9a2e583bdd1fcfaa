// L0 letters (format guide §9) [parser]: known only from a third-party parser's label constants, with no
// sample letter. Each `ISSUE AT DISPUTE:` starts an item (one per letter is [inferred]); the guideline and
// rationale labels after it are its fields. There is no claims administrator field.
//
// The decision wording of L0 is unknown, and the rationale label ("… IS/WAS NOT MEDICALLY NECESSARY:")
// presumes a denial; the guide says not to guess polarity from it, so `decision` stays undefined. The
// rationale's necessity conclusion is still read (fieldFromParts does), for the rules to use.
import type { DisputedItem, FieldKind } from '../model';
import { Excerpt } from '../text/excerpt';
import { fieldFromParts } from './fields';
import type { SectionLines } from './sections';

const FIELD_KIND: Partial<Record<SectionLines['section']['kind'], FieldKind>> = {
  guidelinesRelied: 'reviewerGuideline',
  rationale: 'rationale',
};

function bodyOf(s: SectionLines): Excerpt {
  return s.body.length ? Excerpt.fromLines(s.body, s.bodyFrom) : Excerpt.empty(s.section.headingRange.end);
}

export function parseL0Items(sections: readonly SectionLines[]): DisputedItem[] {
  const items: DisputedItem[] = [];
  let current: DisputedItem | undefined;
  for (const s of sections) {
    if (s.section.kind === 'issueAtDispute') {
      const text = bodyOf(s).toSpan();
      // The item's heading is the whole issue label with its text; the item runs to its last field.
      current = {
        index: items.length + 1,
        text,
        subject: text.text,
        headingRange: s.section.range,
        range: { ...s.section.range },
        fields: [],
      };
      items.push(current);
      continue;
    }
    const kind = FIELD_KIND[s.section.kind];
    if (!current || !kind) continue;
    const field = fieldFromParts(kind, s.section.title, s.section.headingRange, bodyOf(s));
    current.fields.push(field);
    if (kind === 'reviewerGuideline') current.reviewerGuideline ??= field;
    else current.rationale ??= field;
    current.range = { start: current.range.start, end: field.range.end };
  }
  return items;
}
