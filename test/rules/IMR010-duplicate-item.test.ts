// IMR010 duplicate-item: unit tests on small synthetic L3 letters.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { duplicateItem as rule } from '../../server/src/core/rules/IMR010-duplicate-item';
import { at, only } from '../support/elements';

function block(heading: string): string[] {
  return [
    heading,
    'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
    'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
    'Decision rationale: No functional improvement is documented. The request is not medically necessary.',
  ];
}

function letter(headings: string[]): string {
  return [
    '                 HOW THE IMR FINAL DETERMINATION WAS MADE',
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
    '                                CLINICAL CASE SUMMARY',
    'The injured worker is a 40 year old male with low back pain.',
    '                      IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    ...headings.flatMap(block),
    '',
  ].join('\n');
}

function run(text: string) {
  return rule.check({ document: parse(text), source: new SourceText(text), options: {} });
}

/** Zero-based line of the nth (1-based) line equal to `heading`. */
function lineOf(text: string, heading: string, nth: number): number {
  let seen = 0;
  return text.split('\n').findIndex((l) => l === heading && ++seen === nth);
}

describe('IMR010 duplicate-item', () => {
  test('the second occurrence is reported on its heading, naming both indexes', () => {
    const text = letter(['Norco 10/325mg #60: Upheld', 'Flexeril 10mg #60: Upheld', 'Norco 10/325mg #60: Upheld']);
    const reports = run(text);
    assert.equal(reports.length, 1);
    const line = lineOf(text, 'Norco 10/325mg #60: Upheld', 2);
    assert.deepEqual(at(reports, 0).range, {
      start: { line, character: 0 },
      end: { line, character: 'Norco 10/325mg #60: Upheld'.length },
    });
    assert.equal(
      at(reports, 0).message,
      'Disputed item 3 ("Norco 10/325mg #60") repeats item 1: the same request is decided twice.',
    );
  });

  test('case, spacing and punctuation do not make a different item', () => {
    const text = letter(['Norco 10/325mg, #60: Upheld', 'norco  10/325 mg #60: Upheld']);
    assert.equal(run(text).length, 1);
  });

  test('different decisions on the same item are called out', () => {
    const text = letter(['MRI of the lumbar spine: Upheld', 'MRI of the lumbar spine: Overturned']);
    const report = only(run(text));
    assert.match(report.message, /Item 1 is Upheld and item 2 Overturned\./);
  });

  test('"Labs to include: EKG" and "Labs to include: Chest X-ray" are different items (CM16-0238035)', () => {
    assert.deepEqual(run(letter(['Labs to include: EKG: Upheld', 'Labs to include: Chest X-ray: Upheld'])), []);
  });

  test('two strengths of one drug are different items', () => {
    assert.deepEqual(run(letter(['Gabapentin 300mg #90: Upheld', 'Gabapentin 600mg #90: Upheld'])), []);
  });

  test('three copies: the second and the third are reported, each against the first', () => {
    const text = letter(['Acupuncture x6: Upheld', 'Acupuncture x6: Upheld', 'Acupuncture x6: Upheld']);
    const reports = run(text);
    assert.deepEqual(
      reports.map((r) => r.range.start.line),
      [lineOf(text, 'Acupuncture x6: Upheld', 2), lineOf(text, 'Acupuncture x6: Upheld', 3)],
    );
    assert.ok(reports.every((r) => r.message.includes('repeats item 1')));
  });

  test('a file holding two letters: the same item in each letter is no duplicate', () => {
    const one = letter(['MRI of the lumbar spine: Upheld']);
    assert.deepEqual(run(`${one}${one}`), []);
    assert.equal(
      run(`${one}${letter(['MRI of the lumbar spine: Upheld', 'MRI of the lumbar spine: Upheld'])}`).length,
      1,
    );
  });
});
