// The Determinations view's texts and filters (client/src/determinationsModel.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyFilters,
  countsText,
  filtersText,
  itemTooltip,
  letterDescription,
  letterTooltip,
} from '../../client/src/determinationsModel';
import type { LetterSummary, PickableItem } from '../../server/src/protocol';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 10 } });
const item = (label: string, decision: PickableItem['decision'], line: number): PickableItem => ({
  label,
  description: decision,
  decision,
  range: range(line),
});

const knee: LetterSummary = {
  uri: 'file:///ws/CM17-0000001.txt',
  fileName: 'CM17-0000001.txt',
  caseNumber: 'CM17-0000001',
  decisionDate: '01/20/2017',
  appealByEstimate: '02/19/2017',
  counts: { items: 3, upheld: 2, overturned: 1, invalid: 0 },
  items: [
    item('1. MRI of the left knee', 'Upheld', 40),
    item('2. Physical therapy, 6 sessions', 'Overturned', 50),
    item('3. Knee brace', 'Upheld', 60),
  ],
};
const odd: LetterSummary = {
  uri: 'file:///ws/draft.txt',
  fileName: 'draft.txt',
  counts: { items: 1, upheld: 0, overturned: 0, invalid: 1 },
  items: [item('1. Acupuncture', 'missing', 30)],
};

test('descriptions: date, counts, and the appeal estimate; the invalid count only when there is one', () => {
  assert.equal(countsText(knee), '3 items · 1 overturned');
  assert.equal(letterDescription(knee), '01/20/2017 · 3 items · 1 overturned · appeal by ≈02/19/2017');
  assert.equal(letterDescription(odd), 'no decision date · 1 item · 0 overturned · 1 invalid');
});

test('the tooltip says the deadline is an estimate from the decision date, and why', () => {
  const tip = letterTooltip(knee);
  assert.match(tip, /Appeal to the WCAB by \*\*02\/19\/2017\*\* \(estimate\)\./);
  assert.match(
    tip,
    /Labor Code 4610\.6\(h\): an appeal must be filed within 30 days of the date the determination was mailed\./,
  );
  assert.doesNotMatch(letterTooltip(odd), /Appeal/);
});

test('filters: by decision (letters and their matching items), by text (case number or item), both', () => {
  const shown = (filters: Parameters<typeof applyFilters>[1]) =>
    applyFilters([knee, odd], filters).map(({ letter, items }) => [
      letter.fileName,
      items.map((i) => i.range.start.line),
    ]);
  assert.deepEqual(shown({ decision: 'all', text: '' }), [
    ['CM17-0000001.txt', [40, 50, 60]],
    ['draft.txt', [30]],
  ]);
  assert.deepEqual(shown({ decision: 'Overturned', text: '' }), [['CM17-0000001.txt', [50]]]);
  assert.deepEqual(shown({ decision: 'invalid', text: '' }), [['draft.txt', [30]]]);
  assert.deepEqual(shown({ decision: 'all', text: 'KNEE' }), [['CM17-0000001.txt', [40, 60]]]);
  assert.deepEqual(shown({ decision: 'all', text: 'cm17-0000001' }), [['CM17-0000001.txt', [40, 50, 60]]]);
  assert.deepEqual(shown({ decision: 'Upheld', text: 'brace' }), [['CM17-0000001.txt', [60]]]);
  assert.deepEqual(shown({ decision: 'Overturned', text: 'brace' }), []);
});

test('the view description names the active filters', () => {
  assert.equal(filtersText({ decision: 'all', text: ' ' }), undefined);
  assert.equal(filtersText({ decision: 'Overturned', text: 'knee' }), 'Overturned · "knee"');
  assert.equal(filtersText({ decision: 'invalid', text: '' }), 'invalid or missing');
});

test('a shortened item name: the tooltip and the text filter use the whole name', () => {
  const long: PickableItem = {
    ...item('1. Associated surgical service: Cold compression…', 'Upheld', 70),
    wholeName: 'Associated surgical service: Cold compression therapy 30 day rental',
  };
  assert.equal(itemTooltip(long), '1. Associated surgical service: Cold compression therapy 30 day rental — Upheld');
  assert.equal(itemTooltip(item('2. Knee brace', 'Overturned', 80)), '2. Knee brace — Overturned');
  const letter: LetterSummary = { ...odd, items: [long] };
  assert.deepEqual(
    applyFilters([letter], { decision: 'all', text: 'RENTAL' }).map((x) => x.items.map((i) => i.label)),
    [['1. Associated surgical service: Cold compression…']],
  );
});
