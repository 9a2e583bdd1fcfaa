// Issue 11, class 5: a stray label line (a mistyped second `MAXIMUS guideline:` after a rationale) is a
// misplaced field of the item it follows, not a phantom item. Letters in our own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { smallLetter } from '../rules/small-letter';
import { at } from '../support/elements';

const item = (heading: string, extra: string[] = []) => [
  heading,
  'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.',
  'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.',
  'Decision rationale: There is no instability on examination. The request is not medically necessary.',
  ...extra,
];

test('a second MAXIMUS guideline after the rationale stays with its item', () => {
  const doc = parse(
    smallLetter({
      item: [
        ...item('Hinged knee brace: Upheld', ['MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.']),
        ...item('Knee MRI: Upheld'),
      ],
    }),
  );
  assert.deepEqual(
    doc.items.map((i) => [i.index, i.text.text, i.decision?.value]),
    [
      [1, 'Hinged knee brace', 'Upheld'],
      [2, 'Knee MRI', 'Upheld'],
    ],
  );
  const first = at(doc.items, 0);
  assert.deepEqual(
    first.fields.map((f) => [f.kind, f.labelRange.start.line]),
    [
      ['claimsAdministratorGuideline', 7],
      ['reviewerGuideline', 8],
      ['rationale', 9],
      ['reviewerGuideline', 10],
    ],
  );
  assert.equal(first.reviewerGuideline?.labelRange.start.line, 8);
  assert.equal(first.rationale?.conclusion?.polarity, 'negative');
});

test('a label under an item line without a decision still starts that item', () => {
  const doc = parse(
    smallLetter({
      item: [...item('Hinged knee brace: Upheld'), ...item('Knee MRI')],
    }),
  );
  assert.deepEqual(
    doc.items.map((i) => [i.text.text, i.decision?.value]),
    [
      ['Hinged knee brace', 'Upheld'],
      ['Knee MRI', undefined],
    ],
  );
});
