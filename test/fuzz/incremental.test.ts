// Incremental re-analysis (core/reanalysis.ts) equals a fresh one after random edits of files of several
// letters: bounded here, `npm run soak` runs more.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeIncrementalCase, incrementalCaseArb, incrementalViolations } from './incremental';

describe('fuzz: incremental re-analysis equals a full parse and rule run', () => {
  test('random edits of joined letters: boundaries made, merged, split and deleted; CR/LF mixes; start and end', () => {
    fc.assert(
      fc.property(incrementalCaseArb, (c) => {
        assert.deepEqual(incrementalViolations(c), [], describeIncrementalCase(c).slice(0, 2000));
      }),
      { seed: 1212, numRuns: 150 },
    );
  });
});
