// The fuzz suite in process, bounded for `npm test` (npm run soak runs it long): mutated letters fed to the
// parser and the rules, which must never throw, keep every range inside the document, keep items, sections,
// fields and findings in document order, and offer only fixes that apply.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { violations } from './invariants';
import { baseLetters, caseArb, describeCase, mutate, TOKEN_UNITS, type Case } from './mutate';
import { defined } from '../support/elements';

const letters = baseLetters();
const textOf = new Map(letters.map((l) => [l.name, l.text]));

function holds(c: Case): void {
  const broken = violations(mutate(defined(textOf.get(c.letter)), c.mutations));
  assert.deepEqual(broken, [], describeCase(c).slice(0, 500));
}

describe('fuzz: parser and rules in process', () => {
  test('mutated letters (lines deleted, duplicated, shuffled, cut; bytes, line endings, BOM, NUL, surrogates)', () => {
    fc.assert(fc.property(caseArb(letters, { huge: false }), holds), { seed: 1204, numRuns: 400 });
  });

  test('mutated letters with a 100,000-character token or 100,000 empty lines', () => {
    fc.assert(fc.property(caseArb(letters, { huge: true }), holds), { seed: 1204, numRuns: 12 });
  });

  test('the mutations do what they say (so that the cases are the hostile ones described)', () => {
    const text = 'one\ntwo\r\nthree\n';
    assert.equal(mutate(text, [{ kind: 'delete', at: 1, count: 1 }]), 'one\nthree\n');
    assert.equal(mutate(text, [{ kind: 'duplicate', at: 4, count: 2 }]), 'one\ntwo\r\nthree\ntwo\r\nthree\n');
    assert.equal(mutate(text, [{ kind: 'cut', at: 2, keep: 2 }]), 'one\ntwo\r\nth\n');
    assert.equal(mutate(text, [{ kind: 'eol', style: 'cr', seed: 1 }]), 'one\rtwo\rthree\r');
    assert.equal(
      mutate(text, [{ kind: 'bom' }, { kind: 'nul', at: 0, offset: 1, count: 2 }]),
      '\ufeff\0\0one\ntwo\r\nthree\n',
    );
    assert.equal(mutate(text, [{ kind: 'surrogate', at: 1, offset: 3, unit: 0xd800 }]), 'one\ntwo\ud800\r\nthree\n');
    assert.equal(
      mutate(text, [{ kind: 'bytes', at: 0, offset: 0, bytes: [0, 0x92, 0xe9] }]),
      '\0\u0092éone\ntwo\r\nthree\n',
    );
    assert.equal(mutate(text, [{ kind: 'emptyLines', at: 1 }]).split('\n').length, 100_000 + 4);
    assert.equal(
      mutate('', [{ kind: 'token', at: 0, offset: 0, unit: 'a1/' }]),
      'a1/'.repeat(33_334).slice(0, 100_000),
    );
    const shuffled = mutate(text, [{ kind: 'shuffle', at: 0, count: 3, seed: 7 }]);
    assert.deepEqual(shuffled.split(/(?<=\n)/).sort(), ['one\n', 'three\n', 'two\r\n']);
    assert.ok(TOKEN_UNITS.includes('ab  '), 'the unit that made IMR014 quadratic (issue 12.3) stays covered');
  });
});
