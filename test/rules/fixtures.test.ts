// Every fixture under test/fixtures/rules: the findings of check() (every severity, every rule) must equal
// the fixture's markers exactly, as a multiset of (start line, rule id).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { check, RULES } from '../../server/src/core/rules';
import { loadFixture, parseFixture } from './fixture-loader';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'rules');
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.txt')).sort();

const key = (f: { line: number; ruleId: string }) => `${String(f.line + 1).padStart(4, ' ')} ${f.ruleId}`;

describe('fixture loader', () => {
  test('markers are removed and point at the preceding text line', () => {
    const f = parseFixture('a\r\nb\r\n~~> IMR001 IMR005\r\n~~> IMR003\r\nc\r\n');
    assert.equal(f.text, 'a\r\nb\r\nc\r\n');
    assert.deepEqual(f.expected, [
      { line: 1, ruleId: 'IMR001' },
      { line: 1, ruleId: 'IMR005' },
      { line: 1, ruleId: 'IMR003' },
    ]);
  });

  test('a line that only mentions a rule is text, not a marker', () => {
    const f = parseFixture('x\n~~> IMR001 and more\n ~~> IMR002\n~~>IMR003\n');
    assert.deepEqual(f.expected, []);
    assert.equal(f.text, 'x\n~~> IMR001 and more\n ~~> IMR002\n~~>IMR003\n');
  });

  test('a marker before any text is an error', () => {
    assert.throws(() => parseFixture('~~> IMR001\nx\n'), /before any text line/);
  });
});

describe('rule fixtures', () => {
  test('there are fixtures', () => assert.ok(files.length > 0));
  for (const file of files) {
    test(file, () => {
      const id = /^(IMR\d{3})-[a-z0-9-]+\.txt$/.exec(file)?.[1];
      assert.ok(id && RULES.some((r) => r.meta.id === id), `${file}: name it <IMR0NN>-<slug>.txt after an existing rule`);
      const { text, expected } = loadFixture(path.join(FIXTURES, file));
      const { findings } = check(text);
      const actual = findings.map((f) => ({ line: f.range.start.line, ruleId: f.ruleId }));
      const got = actual.map(key).sort();
      const want = expected.map(key).sort();
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        const detail = findings.map((f) => `  line ${f.range.start.line + 1} ${f.ruleId} ${f.severity}: ${f.message}`).join('\n');
        assert.deepEqual(got, want, `${file}: findings (line ruleId) differ from the markers.\nAll findings:\n${detail || '  (none)'}`);
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
      assert.ok(own.some((f) => f.startsWith(`${id}-clean-`)), `no clean fixture ${id}-clean-*.txt`);
    });
  }
});
