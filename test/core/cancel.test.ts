// Cancellation threaded through parse and the rules: a check the caller owns, polled between steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CancelledError, parse } from '../../server/src/core';
import { RULES, runRules } from '../../server/src/core/rules';
import { SourceText } from '../../server/src/core/source';

const LETTER = readFileSync(path.join(__dirname, '../../examples/CM16-0238035.txt'), 'utf8');

/** A check that turns true on its `n`th call, counting the calls made. */
function cancelAfter(n: number): { isCancelled: () => boolean; calls: () => number } {
  let calls = 0;
  return { isCancelled: () => ++calls >= n, calls: () => calls };
}

test('parse stops with CancelledError when the check says so, and runs to the end otherwise', () => {
  assert.throws(() => parse(LETTER, { isCancelled: () => true }), CancelledError);
  const late = cancelAfter(2);
  assert.throws(() => parse(LETTER, { isCancelled: late.isCancelled }), CancelledError);
  assert.equal(late.calls(), 2);
  const never = cancelAfter(Infinity);
  const doc = parse(LETTER, { isCancelled: never.isCancelled });
  assert.equal(doc.layout, 'L3');
  assert.equal(never.calls(), 2);
});

test('runRules stops before the next rule once cancelled', () => {
  const doc = parse(LETTER);
  const source = new SourceText(LETTER);
  const third = cancelAfter(3);
  assert.throws(() => runRules(doc, source, undefined, third.isCancelled), CancelledError);
  assert.equal(third.calls(), 3);
  const never = cancelAfter(Infinity);
  assert.deepEqual(runRules(doc, source, undefined, never.isCancelled), runRules(doc, source));
  assert.ok(RULES.length >= 17);
  assert.equal(never.calls(), RULES.length); // one check before each rule of the catalog
});
