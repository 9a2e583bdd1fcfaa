// IMR015 ur-vocabulary: unit tests on small synthetic L3 letters (the corpus has no such conclusion; the
// guide lists it among the failures seen outside it).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { urVocabulary as rule } from '../../server/src/core/rules/IMR015-ur-vocabulary';
import { smallLetter } from './small-letter';
import { at } from '../support/elements';

function letter(rationale: string[]): string {
  return smallLetter({
    item: [
      'Lorzone 750mg #45: Upheld',
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
      ...rationale,
    ],
  });
}

const FIRST = 9; // zero-based line of the rationale's first line

function run(text: string) {
  return rule.check({ document: parse(text), source: new SourceText(text), options: {} });
}

describe('IMR015 ur-vocabulary', () => {
  test('"the request is non-certified." as the conclusion: reported on the word', () => {
    const last = 'effectiveness. Therefore, the request is non-certified.';
    const reports = run(letter(['Decision rationale: Lorzone has the least amount of data showing clinical', last]));
    assert.equal(reports.length, 1);
    const character = last.indexOf('non-certified');
    assert.deepEqual(at(reports, 0).range, {
      start: { line: FIRST + 1, character },
      end: { line: FIRST + 1, character: character + 13 },
    });
    assert.equal(
      at(reports, 0).message,
      'The rationale of item 1 ("Lorzone 750mg #45") ends in the utilization-review word "non-certified": state whether the request is medically necessary instead.',
    );
  });

  test('UR words after a necessity statement: the final sentence still concludes in them', () => {
    const reports = run(
      letter(['Decision rationale: Lorzone is not medically necessary. Therefore, the request is denied.']),
    );
    assert.equal(reports.length, 1);
    assert.match(at(reports, 0).message, /"denied"/);
  });

  test('UR words inside the necessity conclusion', () => {
    const line =
      'Decision rationale: No benefit is documented. The request is not medically necessary and is therefore non-certified.';
    const reports = run(letter([line]));
    assert.equal(reports.length, 1);
    assert.match(at(reports, 0).message, /concludes with the utilization-review word "non-certified"/);
    const character = line.lastIndexOf('non-certified');
    assert.deepEqual(at(reports, 0).range, {
      start: { line: FIRST, character },
      end: { line: FIRST, character: character + 13 },
    });
  });

  test('a word wrapped to the next line keeps its exact range', () => {
    const reports = run(
      letter(['Decision rationale: No benefit is documented. Therefore, the request is', 'modified.']),
    );
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, {
      start: { line: FIRST + 1, character: 0 },
      end: { line: FIRST + 1, character: 8 },
    });
  });

  test('a medical-necessity conclusion: nothing', () => {
    assert.deepEqual(
      run(letter(['Decision rationale: No benefit is documented. Therefore, the request is not medically necessary.'])),
      [],
    );
  });

  test('UR history is not a conclusion', () => {
    const cases = [
      'Decision rationale: The request is not medically necessary. Utilization review non-certified the request on 12-7-16.',
      'Decision rationale: The request, previously non-certified, is not medically necessary.',
      'Decision rationale: Benefit is documented. The request was previously denied. It is medically necessary.',
      // CM17-0002324: UR's modification narrated beside the conclusion
      'Decision rationale: Therefore the request was modified to 2 additional OT sessions and the remaining portion is determined to be not medically necessary.',
      'Decision rationale: As the primary surgery is denied, the requested ancillary service is not medically necessary.',
    ];
    for (const rationale of cases) assert.deepEqual(run(letter([rationale])), [], rationale);
  });

  test("an item without a rationale is IMR001's business", () => {
    const text = letter([]);
    assert.equal(at(parse(text).items, 0).rationale, undefined);
    assert.deepEqual(run(text), []);
  });
});
