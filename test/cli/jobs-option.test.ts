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
