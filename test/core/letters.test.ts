// Several letters in one file (a bundle's extraction, letters pasted together): each is read as it would be
// alone, with its own header, sections, items and range, in every layout the parser knows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { letterAt, lettersOf } from '../../server/src/core/letters';
import type { ImrDocument, Range } from '../../server/src/core/model';
import {
  aloneLetter,
  fixtureText,
  JOINED_FIXTURES,
  joinLetters,
  LAYOUT_FIXTURES,
  plainLetter,
  shiftedLetter,
  type Joint,
} from '../support/joined';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});
const own = (name: string) => fixtureText(JOINED_FIXTURES, name);
const layoutFixture = (name: string) => fixtureText(LAYOUT_FIXTURES, name);
const caseNumbers = (doc: ImrDocument) => lettersOf(doc).map((l) => l.header?.fields.caseNumber?.value);
const items = (doc: ImrDocument) =>
  lettersOf(doc).map((l) => l.items.map((i) => [i.index, i.subject, i.decision?.value]));

/** Each letter of the joined file equals its part parsed alone, moved down to where the part starts. */
function assertEachAsAlone(letters: readonly string[], joint: Joint): ImrDocument {
  const joined = joinLetters(letters, joint);
  const doc = parse(joined.text);
  assert.equal(lettersOf(doc).length, letters.length, `${joint}: letters found`);
  for (const [k, part] of joined.parts.entries()) {
    const alone = aloneLetter(parse(part));
    assert.deepEqual(
      plainLetter(lettersOf(doc)[k]),
      shiftedLetter(alone, joined.startLines[k] ?? 0),
      `${joint}: letter ${k + 1}`,
    );
  }
  return doc;
}

test('a single letter is a list of one: the document itself', () => {
  const doc = parse(own('A-plain.txt'));
  assert.equal(lettersOf(doc).length, 1);
  const [letter] = lettersOf(doc);
  assert.equal(letter?.items, doc.items);
  assert.equal(letter?.header, doc.header);
  assert.deepEqual(letter?.range, doc.range);
});

test('two letters pasted together: two headers, items numbered per letter, ranges that tile the file', () => {
  const doc = assertEachAsAlone([own('A-plain.txt'), own('B-plain.txt')], 'pasted');
  assert.deepEqual(caseNumbers(doc), ['CM17-0101010', 'CM17-0202020']);
  assert.deepEqual(items(doc), [
    [[1, 'Hinged knee brace, right', 'Upheld']],
    [
      [1, 'Physical therapy two times a week for three weeks, neck', 'Overturned'],
      [2, 'Cervical pillow', 'Upheld'],
    ],
  ]);
  const [a, b] = lettersOf(doc);
  // A has 42 lines; B starts on line 42 (0-based) with its `Case Number:` label.
  assert.deepEqual(a?.range, r(0, 0, 42, 0));
  assert.deepEqual(b?.range, r(42, 0, 93, 0));
  assert.deepEqual(b?.header?.fields.caseNumber?.labelRange, r(42, 0, 42, 12));
  assert.deepEqual(b?.header?.fields.caseNumber?.valueRange, r(47, 0, 47, 12));
  assert.deepEqual(b?.items[1]?.decision?.range, r(42 + 44, 0, 42 + 44, 6));
  // The document's own lists hold every letter's, in order; its header is the first letter's.
  assert.equal(doc.items.length, 3);
  assert.deepEqual(
    doc.sections.map((s) => s.kind),
    ['howMade', 'caseSummary', 'decisions', 'howMade', 'caseSummary', 'decisions'],
  );
  assert.equal(doc.header?.fields.caseNumber?.value, 'CM17-0101010');
  assert.equal(letterAt(doc, 41), a);
  assert.equal(letterAt(doc, 42), b);
});

test('three letters of a bundle, each after a page break, one of them in -layout form', () => {
  const doc = assertEachAsAlone([own('C-layout.txt'), own('A-plain.txt'), own('B-plain.txt')], 'bundle');
  assert.deepEqual(caseNumbers(doc), ['CM16-0303030', 'CM17-0101010', 'CM17-0202020']);
  assert.deepEqual(
    lettersOf(doc).map((l) => l.variant.extraction),
    ['layout', 'plain', 'plain'],
  );
  const second = lettersOf(doc)[1];
  // The form feed stands before the second letter's first label, which starts after it.
  assert.deepEqual(second?.header?.fields.caseNumber?.labelRange, r(35, 1, 35, 13));
  assert.deepEqual(second?.range.start, { line: 35, character: 0 });
});

test('letters of every layout joined, pasted and as a bundle, each read as alone', () => {
  const names = ['L1.txt', 'L2.txt', 'L0.txt', 'L3a.txt', 'L3b.txt'];
  for (const joint of ['pasted', 'bundle'] as const) {
    const doc = assertEachAsAlone(names.map(layoutFixture), joint);
    assert.deepEqual(
      lettersOf(doc).map((l) => l.layout),
      ['L1', 'L2', 'L0', 'L3', 'L3'],
    );
    assert.deepEqual(
      lettersOf(doc).map((l) => l.items.length),
      [3, 2, 1, 2, 2],
    );
  }
});

test('two doubled CRLF letters with a byte order mark each, pasted: the second mark does not hide its header', () => {
  const doubled = layoutFixture('L3-doubled-crlf.txt');
  const doc = assertEachAsAlone([doubled, doubled], 'pasted');
  assert.deepEqual(
    lettersOf(doc).map((l) => [l.variant.extraction, l.header?.fields.caseNumber?.value, l.items.length]),
    [
      ['doubled', 'CM16-0234567', 2],
      ['doubled', 'CM16-0234567', 2],
    ],
  );
});

test('an L1 letter after an L3 letter, and an L3 letter after an L1 letter', () => {
  for (const pair of [
    [own('A-plain.txt'), layoutFixture('L1.txt')],
    [layoutFixture('L1.txt'), own('C-layout.txt')],
  ]) {
    const doc = assertEachAsAlone(pair, 'pasted');
    assert.equal(doc.problems.length, 0);
  }
});

test("a letter's own headings and a stray front line inside it do not split it", () => {
  // The case summary mentions a case number at a line start, after the decisions heading: no title follows.
  const text = own('A-plain.txt').replace(
    'Decision rationale: The guidelines',
    'Decision rationale:\nCase Number: as above.\nThe guidelines',
  );
  assert.equal(lettersOf(parse(text)).length, 1);
  // A heading repeated before any decisions heading is the same letter's.
  const repeated = own('A-plain.txt').replace('CLINICAL CASE SUMMARY', 'HOW THE IMR FINAL DETERMINATION WAS MADE');
  assert.equal(lettersOf(parse(repeated)).length, 1);
});

test('a second letter without its first heading still starts at its header', () => {
  const b = own('B-plain.txt').replace('HOW THE IMR FINAL DETERMINATION WAS MADE\n', '');
  const doc = parse(joinLetters([own('A-plain.txt'), b], 'pasted').text);
  assert.deepEqual(caseNumbers(doc), ['CM17-0101010', 'CM17-0202020']);
  assert.deepEqual(lettersOf(doc)[1]?.range.start, { line: 42, character: 0 });
});

test('a part that reads as no layout is no letter: it stays with its neighbour', () => {
  // A stray L2 decisions heading (no DOCUMENTS REVIEWED: no layout), then an L0 issue: one L0 letter.
  const stray = parse('IMR DECISION(S) AND RATIONALE(S)\nCase Number:\nISSUE AT DISPUTE: Knee brace\n');
  assert.deepEqual(
    lettersOf(stray).map((l) => [l.layout, l.items.length]),
    [['L0', 1]],
  );
  // Letter A, then junk that reads as nothing but opens like a letter, then letter B: two letters.
  const junk = 'Case Number:\nIMR DECISION(S) AND RATIONALE(S)\nnothing here\n';
  const doc = parse(own('A-plain.txt') + junk + own('B-plain.txt'));
  assert.deepEqual(caseNumbers(doc), ['CM17-0101010', 'CM17-0202020']);
  assert.deepEqual(lettersOf(doc)[1]?.range.start, { line: 42 + 3, character: 0 });
});
