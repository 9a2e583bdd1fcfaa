// The rules run letter by letter in a file of several: each letter is judged on its own header, sections
// and items, so a finding of letter 2 is neither hidden nor repeated because of letter 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/rules';
import { fixtureText, JOINED_FIXTURES, joinLetters, shiftedFinding, type Joint } from '../support/joined';

const own = (name: string) => fixtureText(JOINED_FIXTURES, name);
const brief = (findings: readonly Finding[]) =>
  findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]);

/** The findings of the joined file are those of each letter alone, moved down to where it starts. */
function assertFindingsAsAlone(letters: readonly string[], joint: Joint): Finding[] {
  const joined = joinLetters(letters, joint);
  const findings = check(joined.text).findings;
  const expected = joined.parts.flatMap((part, k) =>
    check(part).findings.map((f) => shiftedFinding(f, joined.startLines[k] ?? 0)),
  );
  assert.deepEqual(JSON.parse(JSON.stringify(findings)), JSON.parse(JSON.stringify(expected)));
  return findings;
}

// B's header in the wrong order: the decision date before the date assigned.
const bOutOfOrder = () => own('B-plain.txt').replace('04/02/2017', '03/02/2017');
// B without its case summary heading.
const bWithoutSummary = () => own('B-plain.txt').replace('CLINICAL CASE SUMMARY\n', '');

test("letter 2's header-date finding is reported on letter 2's header, and only once", () => {
  const findings = assertFindingsAsAlone([own('A-plain.txt'), bOutOfOrder()], 'pasted');
  const order = findings.filter((f) => f.ruleId === 'IMR011');
  // B starts on line 42; the finding is on its Date Assigned value (B's 0-based line 6), after the decision date.
  assert.deepEqual(brief(order), [['IMR011', 42 + 6, 0]]);
});

test("each letter's summary is compared with its own Date of Injury (no finding from letter 1's header)", () => {
  const findings = assertFindingsAsAlone([own('A-plain.txt'), own('B-plain.txt'), own('C-layout.txt')], 'bundle');
  assert.deepEqual(
    findings.filter((f) => f.ruleId === 'IMR012'),
    [],
  );
});

test('a section missing from letter 2 only is reported in letter 2, and letter 1 stays quiet', () => {
  const findings = assertFindingsAsAlone([own('A-plain.txt'), bWithoutSummary()], 'pasted');
  const missing = findings.filter((f) => f.ruleId === 'IMR006');
  assert.equal(missing.length, 1);
  assert.ok((missing[0]?.range.start.line ?? 0) >= 42, `IMR006 at line ${missing[0]?.range.start.line}`);
});

test('a placeholder in letter 2 is reported once, at its place', () => {
  const b = own('B-plain.txt').replace('The request for a cervical pillow', 'The request for TBD');
  const findings = assertFindingsAsAlone([own('A-plain.txt'), b], 'pasted');
  // B's line 51 (0-based 50): `records do not describe. The request for TBD is not medically necessary.`
  assert.deepEqual(brief(findings.filter((f) => f.ruleId === 'IMR018')), [['IMR018', 42 + 50, 41]]);
});
