// IMR009 non-mtus-without-reason: unit tests on small L3-2016 letters; reason phrases are from dwc-2016
// rationales (file named), the rest synthetic.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { nonMtusWithoutReason as rule } from '../../server/src/core/rules/IMR009-non-mtus-without-reason';
import type { Range } from '../../server/src/core/model';
import { at } from '../support/elements';

const ODG = 'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Neck and Upper Back, MRI.';

function letter(reviewer: string, rationale: string): string {
  return [
    '                 HOW THE IMR FINAL DETERMINATION WAS MADE',
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
    '                                CLINICAL CASE SUMMARY',
    'The injured worker is a 40 year old male with neck pain.',
    '                      IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    'MRI scan of the cervical spine: Upheld',
    'Claims Administrator guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.',
    `MAXIMUS guideline: ${reviewer}`,
    `Decision rationale: ${rationale} Therefore, the request is not medically necessary.`,
    '',
  ].join('\n');
}

function run(text: string, options: Record<string, unknown> = {}) {
  return rule.check({ document: parse(text), source: new SourceText(text), options });
}

/** Range of the first occurrence of `needle` (on one line) in `text`. */
function rangeOf(text: string, needle: string): Range {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  const character = at(lines, line).indexOf(needle);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

describe('IMR009 non-mtus-without-reason', () => {
  test('ODG only, no reason: reported on the citations, naming the item and the source', () => {
    const text = letter(ODG, 'ODG guidelines support imaging for neck pain with radiculopathy after one month.');
    const reports = run(text);
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, rangeOf(text, ODG.slice('Decision based on '.length, -1)));
    assert.match(at(reports, 0).message, /item 1 \("MRI scan of the cervical spine"\)/);
    assert.match(at(reports, 0).message, /only non-MTUS sources \(ODG\)/);
  });

  test('several non-MTUS citations: one report spanning all of them', () => {
    const second = 'Decision based on Non-MTUS Citation UpToDate, cervical radiculopathy.';
    const text = letter(`${ODG} ${second}`, 'Imaging is supported after conservative care.');
    const reports = run(text);
    assert.equal(reports.length, 1);
    const line = rangeOf(text, 'MAXIMUS guideline:').start.line;
    const lineText = at(text.split('\n'), line);
    assert.deepEqual(at(reports, 0).range, {
      start: { line, character: lineText.indexOf('Non-MTUS Citation Official') },
      end: { line, character: lineText.length - 1 },
    });
    assert.match(at(reports, 0).message, /\(ODG, other sources\)/);
  });

  const reasons: [string, string][] = [
    ['CM17-0014800', 'The MTUS is silent.'],
    ['CM16-0248655', 'CA-MTUS silent regarding MRI of hips.'],
    ['CM16-0242302', 'MTUS treatment guidelines are silent with regards to the above request.'],
    ['CM16-0249536', 'The California MTUS and ACOEM Guidelines do not address the specific request.'],
    ['CM17-0009441', 'California MTUS/ACOEM does not address this request.'],
    [
      'CM17-0010420',
      'Regarding preoperative labs, the California MTUS and ACOEM do not address, so the Official Disability Guidelines were cited.',
    ],
    ['CM16-0247274', 'The California MTUS/ACOEM Guidelines do not specifically address the request for neuroplasty.'],
    ['CM17-0017693', 'MTUS does not apply.'],
    [
      'CM17-0015348',
      'The injured worker is acutely injured, therefore the Chronic Pain Treatment Guidelines do not apply.',
    ],
    ['CM16-0245796', "Because of the 'acute' nature, alternative guidelines were utilized."],
    ['synthetic', 'Cervical imaging is not addressed by the MTUS.'],
    ['synthetic', 'ODG was used as the MTUS does not address repeat imaging.'],
  ];
  for (const [source, reason] of reasons) {
    test(`a stated reason keeps it quiet: "${reason}" (${source})`, () => {
      assert.deepEqual(run(letter(ODG, `${reason} ODG supports imaging after one month.`)), []);
    });
  }

  test('"MTUS guidelines do not support the request" is a conclusion, not a reason the MTUS does not apply', () => {
    assert.equal(run(letter(ODG, 'The MTUS guidelines do not support the request.')).length, 1);
  });

  test('a reason outside the sentence naming the MTUS does not count', () => {
    assert.equal(run(letter(ODG, 'The MTUS was reviewed. The request does not address the red flags.')).length, 1);
  });

  test('an MTUS citation beside the non-MTUS one: no report', () => {
    const text = letter(
      `Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies. ${ODG}`,
      'No red flags.',
    );
    assert.deepEqual(run(text), []);
  });

  test("a no-evidence reviewer field is IMR002's business", () => {
    const text = letter('The Expert Reviewer did not cite any medical evidence for its decision.', 'No red flags.');
    assert.deepEqual(run(text), []);
  });

  test('the era-2 "outside of the MTUS Guidelines" lead-in is not itself a reason', () => {
    const lead = 'The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines.';
    assert.equal(run(letter(`${lead} ${ODG}`, 'ODG supports imaging.')).length, 1);
  });

  test('extraPhrases: a house phrase counts as a reason, case and spacing ignored', () => {
    const text = letter(ODG, 'Guideline  hierarchy  applied per 9792.21.1. ODG supports imaging.');
    assert.equal(run(text).length, 1);
    assert.deepEqual(run(text, { extraPhrases: ['guideline hierarchy applied'] }), []);
  });

  test('a wrongly typed option falls back to the default', () => {
    assert.equal(run(letter(ODG, 'ODG supports imaging.'), { extraPhrases: 'not a list' }).length, 1);
  });
});
