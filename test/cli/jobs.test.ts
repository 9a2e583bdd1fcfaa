// The order --jobs hands files out in (server/src/cli/jobs.ts): largest first, so that the last file a thread
// takes is a small one; output order is the input order whatever this is (pdf.test.ts checks --jobs 1 and 3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { largestFirst } from '../../server/src/cli/jobs';

test('largestFirst: indices by size, largest first, equal sizes in input order', () => {
  assert.deepEqual(largestFirst([30, 100, 20, 100, 0, 45]), [1, 3, 5, 0, 2, 4]);
  assert.deepEqual(largestFirst([5, 5, 5]), [0, 1, 2]);
  assert.deepEqual(largestFirst([]), []);
});
