// Shared helpers for the layouts-*.test.ts files: load a fixture letter from test/fixtures/layouts (see its
// README for what each models and which details are unverified) and summarise what parse() made of it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '../../server/src/core/parse';
import { SourceText } from '../../server/src/core/source';
import type { DisputedItem, Field, ImrDocument, Range } from '../../server/src/core/model';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'layouts');

export function load(name: string): { text: string; doc: ImrDocument; source: SourceText } {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  return { text, doc: parse(text), source: new SourceText(text) };
}

export function r(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/** The source text under a range, line breaks and runs of blanks folded to one space. */
export function folded(source: SourceText, range: Range): string {
  return source.getText(range).replace(/\s+/g, ' ');
}

export const sectionsOf = (doc: ImrDocument) => doc.sections.map((s) => [s.kind, s.title]);
export const fieldKinds = (item: DisputedItem) => item.fields.map((f) => f.kind);
export const decisionOf = (item: DisputedItem) =>
  item.decision && { value: item.decision.value, raw: item.decision.raw };
export const citations = (f: Field | undefined) =>
  f?.guideline?.citations.map((c) => ({
    kind: c.kind,
    source: c.source,
    parts: c.parts.map((p) => ({
      title: p.title,
      year: p.year,
      chapter: p.chapter,
      pages: p.pages.map(({ from, to }) => (to === undefined ? { from } : { from, to })),
      sections: p.sections.map((s) => s.name),
    })),
  }));
export const headerValues = (doc: ImrDocument) =>
  Object.fromEntries(Object.values(doc.header?.fields ?? {}).map((f) => [f.name, f.value]));
export const problemCodes = (doc: ImrDocument) => doc.problems.map((p) => [p.code, p.severity]);

export const L3_SECTIONS = [
  ['howMade', 'HOW THE IMR FINAL DETERMINATION WAS MADE'],
  ['caseSummary', 'CLINICAL CASE SUMMARY'],
  ['decisions', 'IMR ISSUES, DECISIONS AND RATIONALES'],
];
