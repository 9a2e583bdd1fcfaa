// Shared helpers for the parse-l3-*.test.ts files: parse() on L3 letters built from inline fixtures.
// Every range is checked against the ORIGINAL text with offsets computed independently of the parser.
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import type { DisputedItem, L3HeaderFieldName, ImrDocument, Range } from '../../server/src/core/model';
import { fold, sliceRange } from '../fixtures/excerpts/source';
import { joinLines } from '../fixtures/excerpts/letters';

export const r = (l1: number, c1: number, l2: number, c2: number): Range => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

export function read(lines: readonly string[], eol = '\n'): { text: string; doc: ImrDocument } {
  const text = joinLines(lines, eol);
  return { text, doc: parse(text) };
}

/** One item's essentials, for compact deepEqual. */
export function brief(item: DisputedItem) {
  return {
    index: item.index,
    text: item.text.text,
    decision: item.decision ? { raw: item.decision.raw, value: item.decision.value } : undefined,
    labels: item.fields.map((f) => f.label),
  };
}

/** Asserts the range covers exactly `expected` in the original text (line breaks folded when `multiLine`). */
export function covers(text: string, range: Range | undefined, expected: string, multiLine = false): void {
  assert.ok(range, `expected a range for ${JSON.stringify(expected)}`);
  const got = sliceRange(text, range);
  assert.equal(multiLine ? fold(got) : got, expected);
}

/** The L3 header's fields, each in HEADER_VALUES: written out, not read back from the fixture or the parser. */
export const HEADER_NAMES: readonly L3HeaderFieldName[] = [
  'caseNumber',
  'dateAssigned',
  'decisionDate',
  'priority',
  'dateOfInjury',
  'urDenialDate',
  'applicationReceived',
];
