// Issue 11, class 4: an L1 (2013) letter as extraction really gives it: the title on the letterhead line,
// the decision heading glued after a sentence, `Dated:` at the right; no item block matches, so the items
// and their decisions come from the findings list. The letter is in our own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core/parse';
import { check } from '../../server/src/core/rules';
import { at } from '../support/elements';

const LETTER = readFileSync(
  path.join(__dirname, '..', 'fixtures', 'rules', 'IMR016-clean-l1-as-extracted.txt'),
  'utf8',
);
const r = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

test('the letterhead title and the glued decision heading are found', () => {
  const doc = parse(LETTER);
  assert.equal(doc.layout, 'L1');
  const headings = doc.sections.map((s) => [s.kind, s.headingRange]);
  assert.deepEqual(headings.slice(0, 2), [
    ['findings', r(0, 31, 0, 81)],
    ['decisions', r(7, 58, 7, 107)],
  ]);
});

test('items and decisions come from the findings list, wording and ranges kept', () => {
  const doc = parse(LETTER);
  assert.deepEqual(
    doc.findings?.summary.map((f) => [f.number, f.item.text, f.polarity]),
    [
      [1, '12 sessions of aquatic therapy', 'negative'],
      [2, 'a lumbar epidural steroid injection at L4-5', 'positive'],
    ],
  );
  assert.equal(doc.findings?.repeated.length, 2);
  assert.deepEqual(
    doc.items.map((i) => [i.index, i.text.text, i.decision?.value, i.decision?.raw, i.decision?.range, i.fromFindings]),
    [
      [
        1,
        '12 sessions of aquatic therapy',
        'Upheld',
        'is not medically necessary and appropriate',
        r(5, 0, 5, 42),
        true,
      ],
      [
        2,
        'a lumbar epidural steroid injection at L4-5',
        'Overturned',
        'is medically necessary and appropriate',
        r(7, 18, 7, 56),
        true,
      ],
    ],
  );
  assert.deepEqual(at(doc.items, 0).text.range, r(4, 65, 4, 95));
});

test('no rule reports on the clean letter', () => {
  assert.deepEqual(
    check(LETTER).findings.map((f) => `${f.ruleId} ${f.message}`),
    [],
  );
});

test('pdftotext -layout: Dated: at the right of the centred title', () => {
  const layout = LETTER.replace(
    'MAXIMUS FEDERAL SERVICES, INC. Notice of Independent Medical Review Determination Dated: 9/26/2013',
    '                     MAXIMUS FEDERAL SERVICES, INC.\n      Notice of Independent Medical Review Determination                    Dated: 9/26/2013',
  );
  const doc = parse(layout);
  assert.equal(doc.layout, 'L1');
  assert.deepEqual(at(doc.sections, 0).headingRange, r(1, 6, 1, 56));
  assert.deepEqual(
    doc.items.map((i) => i.decision?.value),
    ['Upheld', 'Overturned'],
  );
});

test('a first page alone gets one information that it looks truncated, and no item or section errors', () => {
  const firstPage = LETTER.split('\n').slice(0, 7).join('\n');
  const { document, findings } = check(firstPage);
  assert.deepEqual(
    document.problems.map((p) => [p.code, p.severity]),
    [['truncated', 'information']],
  );
  assert.deepEqual(
    findings.map((f) => [f.ruleId, f.severity, f.range.start.line]),
    [['IMR000', 'information', 0]],
  );
});

test('IMR000 speaks the layout: an L1 letter without findings is told about findings, not item lines', () => {
  const noFindings = LETTER.replace(
    /^\d\) MAXIMUS Federal Services, Inc\. has determined/gm,
    'MAXIMUS Federal Services, Inc. has considered',
  );
  const problem = parse(noFindings).problems.find((p) => p.code === 'no-items');
  assert.equal(
    problem?.message,
    'No disputed item was found: there is no numbered finding ("… has determined the request for <item> is [not] medically necessary and appropriate") and no item block.',
  );
});
