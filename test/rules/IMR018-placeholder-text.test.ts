// IMR018 placeholder-text: every skeleton a quick fix inserts is reported until it is filled in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, check } from '../../server/src/core/rules';
import { smallLetter } from './small-letter';

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
    const character = lines[line].indexOf(slot);
    assert.deepEqual(
      found.map((f) => [f.range, f.severity]),
      [[{ start: { line, character }, end: { line, character: character + slot.length } }, 'warning']],
    );
  });
}
