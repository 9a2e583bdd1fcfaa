// `--jobs N` (issue 9): absent, the number of cores, so that a folder of PDFs uses every core by default.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { parseJobs } from '../../server/src/cli/jobs';

test('--jobs: absent is the number of cores this machine has; a whole number is taken as it is', () => {
  assert.ok(availableParallelism() >= 1);
  assert.equal(parseJobs(undefined, 'check'), availableParallelism());
  assert.deepEqual(
    ['1', '2', '16'].map((n) => parseJobs(n, 'export')),
    [1, 2, 16],
  );
});

test('--jobs: at most 16 threads, or the number of cores when that is more (each thread loads the bundle)', (t) => {
  if (availableParallelism() > 16) return t.skip('this machine has more than 16 cores: the cap is its core count');
  assert.deepEqual(
    ['9999', '200', '17', '16'].map((n) => parseJobs(n, 'check')),
    [16, 16, 16, 16],
  );
});
