// A strong decision line (`<item>: Upheld`) is read from the line's end: the same lines as the regex it replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isStrongDecisionLine } from '../../server/src/core/parse/decision';

const STRONG = /:\s*(?:Upheld|Overturned)\.?$/;

test('strong decision lines: the item text, a colon, blanks of any kind, one of the two words, a stop', () => {
  const lines = [
    'Lumbar MRI: Upheld',
    'Lumbar MRI:Overturned.',
    'Lumbar MRI:\u00a0\u2028 Upheld',
    'Lumbar MRI: Upheld..',
    'Lumbar MRI Upheld',
    'Upheld',
    ': Upheld',
    'Lumbar MRI: Partially Upheld',
    'Lumbar MRI: overturned',
    'Lumbar MRI: Upheld ',
  ];
  assert.deepEqual(
    lines.map((l) => isStrongDecisionLine(l)),
    [true, true, true, false, false, false, true, false, false, false],
  );
});

test('strong decision lines: the same verdict as the regex on any line', () => {
  const piece = fc.constantFrom(':', ' ', '\t', '\u3000', '.', 'Upheld', 'Overturned', 'd', 'held', 'x', 'Over');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
      const line = parts.join('');
      assert.equal(isStrongDecisionLine(line), STRONG.test(line), JSON.stringify(line));
    }),
    { numRuns: 2000 },
  );
});
