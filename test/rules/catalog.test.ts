// The rule catalog: stable, unique, documented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findRule, RULES } from '../../server/src/core/rules';

const SEVERITIES = ['error', 'warning', 'information', 'hint'];

test('ids are IMR000–IMR021, in order, each once', () => {
  const expected = Array.from({ length: 22 }, (_, k) => `IMR${String(k).padStart(3, '0')}`);
  assert.deepEqual(
    RULES.map((r) => r.meta.id),
    expected,
  );
});

test('names are unique kebab-case', () => {
  const names = RULES.map((r) => r.meta.name);
  assert.equal(new Set(names).size, names.length);
  for (const name of names) assert.match(name, /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
});

test('the fixed names of IMR001–IMR008', () => {
  assert.deepEqual(
    RULES.slice(1, 9).map((r) => `${r.meta.id} ${r.meta.name}`),
    [
      'IMR001 missing-rationale',
      'IMR002 missing-citation',
      'IMR003 invalid-decision',
      'IMR004 decision-conclusion-mismatch',
      'IMR005 missing-necessity-statement',
      'IMR006 missing-section',
      'IMR007 missing-credentials',
      'IMR008 missing-claims-administrator-guideline',
    ],
  );
});

test('every rule is documented: description, rationale, examples, tags, a valid severity', () => {
  for (const { meta } of RULES) {
    const at = `${meta.id} ${meta.name}`;
    assert.ok(meta.description.trim().length > 10, `${at}: description`);
    assert.ok(!meta.description.includes('\n'), `${at}: description must be one line`);
    assert.ok(meta.rationale.trim().length > 40, `${at}: rationale`);
    assert.ok(meta.examples.failing.trim(), `${at}: failing example`);
    assert.ok(meta.examples.passing.trim(), `${at}: passing example`);
    assert.notEqual(meta.examples.failing, meta.examples.passing, `${at}: examples must differ`);
    assert.ok(meta.tags.length > 0, `${at}: tags`);
    assert.ok(SEVERITIES.includes(meta.defaultSeverity), `${at}: severity`);
    for (const [name, option] of Object.entries(meta.options ?? {})) {
      assert.notEqual(name, 'severity', `${at}: "severity" is not an option name`);
      assert.ok(option.description.trim(), `${at}: option ${name} description`);
      const matches =
        option.type === 'string[]' ? Array.isArray(option.default) : typeof option.default === option.type;
      assert.ok(matches, `${at}: option ${name} default has the wrong type`);
    }
  }
});

test('rules with a legal basis cite it', () => {
  const legal = RULES.filter((r) => r.meta.tags.includes('legal'));
  assert.ok(legal.length >= 5);
  for (const { meta } of legal) assert.match(meta.rationale, /LC \d|Labor Code \d|CCR \d/, `${meta.id}: cite the law`);
});

test('findRule takes an id or a name', () => {
  assert.equal(findRule('IMR004')?.meta.name, 'decision-conclusion-mismatch');
  assert.equal(findRule('missing-credentials')?.meta.id, 'IMR007');
  assert.equal(findRule('imr004'), undefined);
});
