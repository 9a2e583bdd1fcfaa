// What two extractions of one letter (text/, layout/, the PDF) must share when parsed: header values,
// credentials, items with their decisions, field bodies and citations, whitespace-insensitive.
import type { DisputedItem, ImrDocument } from '../../server/src/core/model';
import { loose } from './independent-count';
import { HEADER_NAMES } from '../core/parse-l3-helpers';

/** What every form of one letter must share. */
export function reading(doc: ImrDocument) {
  const item = (i: DisputedItem) => ({
    text: loose(i.text.text),
    subject: loose(i.subject),
    decision: i.decision?.value,
    partial: i.partial?.form,
    fields: i.fields.map((f) => ({
      kind: f.kind,
      body: loose(f.body.text),
      noEvidence: f.guideline?.noEvidence,
      outsideMtus: f.guideline?.outsideMtus,
      citations: f.guideline?.citations.map((c) => ({
        kind: c.kind,
        parts: c.parts.map((p) => ({ title: loose(p.title), year: p.year })),
      })),
      polarity: f.conclusion?.polarity,
    })),
  });
  return {
    header: Object.fromEntries(HEADER_NAMES.map((n) => [n, doc.header?.fields[n]?.value])),
    credentials: {
      states: doc.credentials?.states.map((s) => loose(s.text)),
      specialties: doc.credentials?.specialties.map((s) => loose(s.text)),
    },
    items: doc.items.map(item),
  };
}
