// The real letters shipped in the repo (examples/, test/fixtures/letters/) are byte-for-byte copies of the
// corpus letters they are named after, so that the tests on them speak of real letters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { letterPath, SHIPPED_LETTERS } from '../support/letters';
import { corpusPath, corpusSkip } from '../support/corpus';

test('every shipped letter equals its corpus original', { skip: corpusSkip() }, () => {
  for (const name of SHIPPED_LETTERS)
    assert.ok(readFileSync(letterPath(name)).equals(readFileSync(corpusPath(name))), name);
});
