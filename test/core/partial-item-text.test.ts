// Issue 11, class 6: a partial authorisation's item text ends where the item ends, before the "is" that
// joins it to the decision. Letters in our own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { smallLetter } from '../rules/small-letter';
import { at, only } from '../support/elements';

const fields = [
  'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
  'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
  'Decision rationale: Six visits were already given without gain. The request is not medically necessary.',
];

test('remaining portion: the item text stops before "is", the range too', () => {
  const doc = parse(
    smallLetter({
      item: [
        'Aquatic therapy 12 visits was the original request. Aquatic therapy 6 visits was authorized by the',
        'Claims Administrator. The remaining IMR eligible portion of the original request, Aquatic therapy',
        '6 visits is: Upheld',
        ...fields,
      ],
    }),
  );
  const item = only(doc.items);
  assert.equal(item.text.text.endsWith('the original request, Aquatic therapy 6 visits'), true, item.text.text);
  assert.deepEqual(item.text.range.end, { line: 8, character: 8 });
  assert.equal(item.subject, 'Aquatic therapy 6 visits');
  assert.deepEqual(item.decision?.range, { start: { line: 8, character: 13 }, end: { line: 8, character: 19 } });
});

test('leaving eligible: the restated request ends before "is"', () => {
  const doc = parse(
    smallLetter({
      item: [
        'Home health aide 20 hours was the original request. The Claims Administrator authorized Home',
        'health aide 8 hours, leaving the original request IMR eligible. The original request, Home health',
        'aide 20 hours is: Upheld',
        ...fields,
      ],
    }),
  );
  const item = only(doc.items);
  assert.match(item.text.text, /The original request, Home health aide 20 hours$/);
  assert.deepEqual(item.text.range.end, { line: 8, character: 13 });
});

test('an item whose own words end in "is" without a preamble keeps them', () => {
  const doc = parse(smallLetter({ item: ['Follow-up visit for the knee as it is: Upheld', ...fields] }));
  assert.equal(at(doc.items, 0).text.text, 'Follow-up visit for the knee as it is');
});
