// IMR019 copied-ur-summary: the disclaimer is found in any letter case, at the very start of a line, twice on
// one line, and not where its label lacks a letter or the sentence does not follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/rules';
import { smallLetter } from './small-letter';

const SENTENCE = 'The following case summary was taken directly from the utilization review';

/** [line, start, end] of each IMR019 finding in a small letter whose summary is these lines (summary at line 3). */
function found(summary: string[]): Array<[number, number, number]> {
  return check(smallLetter({ summary }))
    .findings.filter((f) => f.ruleId === 'IMR019')
    .map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]);
}

const LENGTH = `Disclaimer: ${SENTENCE}`.length;

test('IMR019 finds the disclaimer in any case, at the start of a line and after other text', () => {
  assert.deepEqual(found([`Disclaimer: ${SENTENCE} denial.`]), [[3, 0, LENGTH]]);
  assert.deepEqual(found([`Case Summary: DISCLAIMER: ${SENTENCE}.`]), [[3, 14, 14 + LENGTH]]);
  assert.deepEqual(found([`x dIsClAiMeR:   ${SENTENCE}.`]), [[3, 2, 2 + LENGTH + 2]]);
});

test('IMR019 reports two disclaimers on one line, and a label inside a found sentence once', () => {
  const one = `Disclaimer: ${SENTENCE}.`;
  assert.deepEqual(found([`${one} ${one}`]), [
    [3, 0, LENGTH],
    [3, one.length + 1, one.length + 1 + LENGTH],
  ]);
});

test('IMR019 stays silent on a label missing a letter, a colon with no label, or a label without the sentence', () => {
  assert.deepEqual(found([`isclaimer: ${SENTENCE}.`, `Disclaimr: ${SENTENCE}.`]), []);
  assert.deepEqual(found([': : Disclaimer: the summary below is ours.', ':']), []);
  assert.deepEqual(found([`Disclaimer:${SENTENCE}.`]), []); // the sentence needs a space after the label
});
