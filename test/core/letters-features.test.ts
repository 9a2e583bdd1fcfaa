// What the features make of a file of several letters: the outline (one node per letter, named by case
// number and layout), the export rows, the code lenses, the item picker and the workspace index entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { outline, outlineParts } from '../../server/src/core/outline';
import { exportRows } from '../../server/src/core/exportRows';
import { decisionLenses, pickableItems } from '../../server/src/core/service/lens';
import { entryFor } from '../../server/src/core/service/workspaceSearch';
import { fixtureText, JOINED_FIXTURES, joinLetters, LAYOUT_FIXTURES } from '../support/joined';

const own = (name: string) => fixtureText(JOINED_FIXTURES, name);
const layouts = (name: string) => fixtureText(LAYOUT_FIXTURES, name);

test('outline: one letter node per letter, named by case number (else its place) and layout', () => {
  const text = joinLetters(
    [own('A-plain.txt'), layouts('L1.txt'), layouts('L3a.txt'), layouts('L3b.txt'), layouts('L0.txt')],
    'pasted',
  ).text;
  const nodes = outline(parse(text));
  assert.deepEqual(
    nodes.map((n) => [n.kind, n.name, n.detail]),
    [
      ['letter', 'CM17-0101010 (L3-2016)', 'letter 1 of 5 · 1 item'],
      ['letter', 'Letter 2 (L1)', 'letter 2 of 5 · 3 items'],
      ['letter', 'Letter 3 (L3a)', 'letter 3 of 5 · 2 items'],
      ['letter', 'Letter 4 (L3b)', 'letter 4 of 5 · 2 items'],
      ['letter', 'Letter 5 (L0)', 'letter 5 of 5 · 1 item'],
    ],
  );
  // Each letter node holds that letter's own nodes, as the outline of the letter alone.
  assert.deepEqual(
    nodes[0]?.children.map((n) => n.name),
    outline(parse(own('A-plain.txt'))).map((n) => n.name),
  );
});

test('outline of a single letter is unchanged: no letter node', () => {
  assert.deepEqual(
    outline(parse(own('B-plain.txt'))).map((n) => [n.kind, n.name]),
    [
      ['header', 'Header'],
      ['section', 'HOW THE IMR FINAL DETERMINATION WAS MADE'],
      ['section', 'CLINICAL CASE SUMMARY'],
      ['section', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    ],
  );
});

test('outline parts: one per letter of a file of several, the whole outline for a single letter', () => {
  const several = parse(joinLetters([own('A-plain.txt'), layouts('L1.txt'), own('B-plain.txt')], 'bundle').text);
  const parts = Array.from(outlineParts(several));
  assert.deepEqual(
    parts.map((part) => part.map((n) => n.name)),
    [['CM17-0101010 (L3-2016)'], ['Letter 2 (L1)'], ['CM17-0202020 (L3-2016)']],
  );
  assert.deepEqual(parts.flat(), outline(several));
  const single = parse(own('B-plain.txt'));
  const [whole, ...rest] = Array.from(outlineParts(single));
  assert.deepEqual(rest, []);
  assert.deepEqual(whole, outline(single));
  assert.equal(whole?.length, 4);
});

test('export rows carry each letter its own case number, decision date, layout, item index and letter number', () => {
  const doc = parse(joinLetters([own('B-plain.txt'), layouts('L1.txt'), own('C-layout.txt')], 'bundle').text);
  assert.deepEqual(
    exportRows('bundle.txt', doc).map((r) => [r.caseNumber, r.decisionDate, r.layout, r.index, r.decision, r.letter]),
    // The L1 letter has no case number; its decision date is its `Dated:` date.
    [
      ['CM17-0202020', '04/02/2017', 'L3', 1, 'Overturned', 1],
      ['CM17-0202020', '04/02/2017', 'L3', 2, 'Upheld', 1],
      [null, '9/3/2013', 'L1', 1, 'Upheld', 2],
      [null, '9/3/2013', 'L1', 2, 'Overturned', 2],
      [null, '9/3/2013', 'L1', 3, 'Upheld', 2],
      ['CM16-0303030', '01/05/2017', 'L3', 1, 'Overturned', 3],
    ],
  );
});

test('code lenses and the item picker: per letter, labels led by the letter', () => {
  const doc = parse(joinLetters([own('A-plain.txt'), own('B-plain.txt')], 'pasted').text);
  assert.deepEqual(
    decisionLenses(doc).map((l) => [l.range.start.line, l.title, l.items.map((i) => i.label)]),
    [
      [33, '1 disputed item · 1 upheld · 0 overturned', ['CM17-0101010 · 1. Hinged knee brace, right']],
      [
        42 + 33,
        '2 disputed items · 1 upheld · 1 overturned',
        ['CM17-0202020 · 1. Physical therapy two times a week for three…', 'CM17-0202020 · 2. Cervical pillow'],
      ],
    ],
  );
  assert.deepEqual(
    pickableItems(doc).map((i) => i.label),
    [
      'CM17-0101010 · 1. Hinged knee brace, right',
      'CM17-0202020 · 1. Physical therapy two times a week for three…',
      'CM17-0202020 · 2. Cervical pillow',
    ],
  );
  // A single letter keeps its plain labels.
  assert.deepEqual(
    pickableItems(parse(own('A-plain.txt'))).map((i) => i.label),
    ['1. Hinged knee brace, right'],
  );
});

test('the workspace index entry of a file lists its letters, each with its own case number and date', () => {
  const doc = parse(joinLetters([own('C-layout.txt'), own('A-plain.txt')], 'bundle').text);
  const entry = entryFor('file:///w/bundle.txt', 'bundle.txt', doc);
  assert.deepEqual(
    entry?.letters.map((l) => [l.index, l.caseNumber, l.decisionDate, l.range.start.line, l.items.length]),
    [
      [0, 'CM16-0303030', '01/05/2017', 0, 1],
      [1, 'CM17-0101010', '03/24/2017', 35, 1],
    ],
  );
});
