// IMR018 placeholder-text: every skeleton a quick fix inserts is reported until it is filled in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check } from '../../server/src/core/rules';
import { smallLetter } from './small-letter';
import { at } from '../support/elements';

const HEADING = 'Hinged knee brace: Upheld';
const CA = 'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.';
const MX = 'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.';
const RATIONALE = 'Decision rationale: There is no instability. The request is not medically necessary.';

for (const [ruleId, item, slot] of [
  ['IMR001', [HEADING, CA, MX], '<rationale>'],
  ['IMR002', [HEADING, CA, RATIONALE], '<title>'],
  ['IMR008', [HEADING, MX, RATIONALE], '<guideline>'],
] as const) {
  test(`the ${ruleId} skeleton leaves ${slot}, which IMR018 reports where it stands`, () => {
    const text = smallLetter({ item: [...item] });
    const fix = check(text).findings.find((f) => f.ruleId === ruleId)?.fixes?.[0];
    assert.ok(fix, `${ruleId} offers a fix`);
    const fixed = applyFix(text, fix);
    const found = check(fixed).findings.filter((f) => f.ruleId === 'IMR018');
    const lines = fixed.split('\n');
    const line = lines.findIndex((l) => l.includes(slot));
    const character = at(lines, line).indexOf(slot);
    assert.deepEqual(
      found.map((f) => [f.range, f.severity]),
      [[{ start: { line, character }, end: { line, character: character + slot.length } }, 'warning']],
    );
  });
}

test('the IMR001 fill-in for an undecided item leaves <rationale> and <is / is not>; IMR018 reports each, exactly', () => {
  const text = smallLetter({ item: ['Hinged knee brace: Uphold', CA, MX, 'Decision rationale:'] });
  assert.deepEqual(
    check(text).findings.filter((f) => f.ruleId === 'IMR018'),
    [],
  );
  const fix = check(text).findings.find((f) => f.ruleId === 'IMR001')?.fixes?.[0];
  assert.ok(fix);
  assert.equal(fix.title, 'Fill in a Decision rationale skeleton for item 1');
  const fixed = applyFix(text, fix);
  assert.equal(
    fixed.split('\n')[9],
    'Decision rationale: <rationale>. As such, the request <is / is not> medically necessary.',
  );
  assert.deepEqual(
    check(fixed)
      .findings.filter((f) => f.ruleId === 'IMR018')
      .map((f) => [f.message, f.range]),
    [
      [
        'Placeholder "<rationale>" is still in the letter: replace it with the text it stands for.',
        { start: { line: 9, character: 20 }, end: { line: 9, character: 31 } },
      ],
      [
        'Placeholder "<is / is not>" is still in the letter: replace it with the text it stands for.',
        { start: { line: 9, character: 54 }, end: { line: 9, character: 67 } },
      ],
    ],
  );
});
