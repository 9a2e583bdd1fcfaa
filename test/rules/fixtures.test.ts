// Every fixture under test/fixtures/rules: the findings of check() (every severity, every rule) must equal
// the fixture's markers exactly, as a multiset of (rule id, range to the column).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { check, RULES } from '../../server/src/core/rules';
import { loadFixture, markerSpan, parseFixture, type ExpectedFinding } from './fixture-loader';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'rules');
const files = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** A finding as a sortable line: `  49 IMR001 @1-23` (its line, then its marker). */
const key = (f: ExpectedFinding) =>
  `${String(f.range.start.line + 1).padStart(4, ' ')} ${f.ruleId} ${markerSpan(f.range)}`;
const at = (line: number, character: number) => ({ line, character });

describe('fixture loader', () => {
  test('markers are removed; each gives the span of a finding on the preceding text line, columns from 1, ends inclusive', () => {
    const f = parseFixture('a\r\nbcdef\r\n~~> IMR001 @1-5\r\n~~> IMR005 @2-+1:3\r\n~~> IMR003 @4-4\r\nghi\r\n');
    assert.equal(f.text, 'a\r\nbcdef\r\nghi\r\n');
    assert.deepEqual(f.expected, [
      { ruleId: 'IMR001', range: { start: at(1, 0), end: at(1, 5) } },
      { ruleId: 'IMR005', range: { start: at(1, 1), end: at(2, 3) } },
      { ruleId: 'IMR003', range: { start: at(1, 3), end: at(1, 4) } },
    ]);
    assert.deepEqual(
      f.expected.map((e) => markerSpan(e.range)),
      ['@1-5', '@2-+1:3', '@4-4'],
    );
  });

  test('a line that only mentions a rule is text, not a marker', () => {
    const f = parseFixture('x\n~~> IMR001 and more\n ~~> IMR002 @1-1\n~~>IMR003 @1-1\n');
    assert.deepEqual(f.expected, []);
    assert.equal(f.text, 'x\n~~> IMR001 and more\n ~~> IMR002 @1-1\n~~>IMR003 @1-1\n');
  });

  test('a marker without a span, before any text, or outside its lines is an error', () => {
    assert.throws(() => parseFixture('x\n~~> IMR001\n'), /without a span/);
    assert.throws(() => parseFixture('x\n~~> IMR001 IMR005\n'), /without a span/);
    assert.throws(() => parseFixture('~~> IMR001 @1-1\nx\n'), /before any text line/);
    assert.throws(() => parseFixture('abc\n~~> IMR001 @4-4\n'), /start column is outside/);
    assert.throws(() => parseFixture('abc\n~~> IMR001 @1-4\n'), /end is outside/);
    assert.throws(() => parseFixture('abc\n~~> IMR001 @1-+1:1\n'), /end is outside/);
    assert.throws(() => parseFixture('abc\n~~> IMR001 @3-2\n'), /ends before it starts/);
  });
});

describe('rule fixtures', () => {
  test('there are fixtures', () => assert.ok(files.length > 0));
  for (const file of files) {
    test(file, () => {
      const id = /^(IMR\d{3})-[a-z0-9-]+\.txt$/.exec(file)?.[1];
      assert.ok(
        id && RULES.some((r) => r.meta.id === id),
        `${file}: name it <IMR0NN>-<slug>.txt after an existing rule`,
      );
      const { text, expected } = loadFixture(path.join(FIXTURES, file));
      const { findings } = check(text);
      const got = findings.map(key).sort();
      const want = expected.map(key).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        const detail = findings
          .map((f) => `  line ${f.range.start.line + 1} ${f.ruleId} ${markerSpan(f.range)} ${f.severity}: ${f.message}`)
          .join('\n');
        assert.deepEqual(
          got,
          want,
          `${file}: findings (line, rule id, span) differ from the markers.\nAll findings:\n${detail || '  (none)'}`,
        );
      }
    });
  }
});

describe('fixture coverage', () => {
  // IMR000 reports the parser's own problems; its cases live with the parser tests.
  for (const rule of RULES.filter((r) => r.meta.id !== 'IMR000')) {
    const id = rule.meta.id;
    test(`${id} ${rule.meta.name}: a failing fixture and a clean one`, () => {
      const own = files.filter((f) => f.startsWith(`${id}-`));
      const failing = own.filter((f) => loadFixture(path.join(FIXTURES, f)).expected.some((e) => e.ruleId === id));
      assert.ok(failing.length > 0, `no fixture ${id}-*.txt marks a ${id} finding`);
      assert.ok(
        own.some((f) => f.startsWith(`${id}-clean-`)),
        `no clean fixture ${id}-clean-*.txt`,
      );
    });
  }
});
