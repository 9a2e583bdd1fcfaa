// IMR012 injury-date-mismatch: unit tests; summary wordings are from dwc-2016 (file named) unless synthetic.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { injuryDateMismatch as rule } from '../../server/src/core/rules/IMR012-injury-date-mismatch';
import { at } from '../support/elements';

/** A letter in plain `pdftotext` form (header column by column) whose summary is `summary`. */
function letter(summary: string[], injury = '10/10/2016'): string {
  return [
    'Case Number:',
    'Date Assigned:',
    'Decision Date:',
    'Priority:',
    '',
    'CM16-0000001',
    '11/18/2016',
    '12/19/2016',
    'Standard',
    '',
    'Date of Injury:',
    'UR Denial Date:',
    'Application',
    'Received:',
    '',
    injury,
    '11/09/2016',
    '11/14/2016',
    '',
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
    'CLINICAL CASE SUMMARY',
    'The expert reviewer developed the following clinical case summary based on a review of the',
    'case file, including all medical records:',
    ...summary,
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    'MRI of the lumbar spine: Upheld',
    'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
    'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.',
    'Decision rationale: There are no red flags. The request is not medically necessary.',
    '',
  ].join('\n');
}

const SUMMARY_LINE = 24; // zero-based line of the first summary line

function run(text: string, options: Record<string, unknown> = {}) {
  return rule.check({ document: parse(text), source: new SourceText(text), options });
}

describe('IMR012 injury-date-mismatch', () => {
  test('a different day: reported on the summary date, naming both dates', () => {
    const line = 'The injured worker is a 46 year old male with a date of injury on 10-18-2016. The injured';
    const reports = run(letter([line, 'worker is undergoing treatment.']));
    assert.equal(reports.length, 1);
    const character = line.indexOf('10-18-2016');
    assert.deepEqual(at(reports, 0).range, {
      start: { line: SUMMARY_LINE, character },
      end: { line: SUMMARY_LINE, character: character + 10 },
    });
    assert.equal(
      at(reports, 0).message,
      "The case summary gives the injury date as 10-18-2016, but the header's `Date of Injury:` is 10/10/2016.",
    );
  });

  test('the same date in any of the corpus forms: nothing', () => {
    const forms = [
      'a date of injury on 10-10-2016.', // CM16-0249320
      'an industrial injury of October 10, 2016.', // CM16-0219557 (with the right year)
      'an occupational claim from 10/10/2016.', // CM16-0239569 (with the right day)
      'sustained an industrial injury on 10-10-16.', // CM17-0020384
      'an industrial injury on 10-10-16 and has been treated.', // CM16-0247660
      'an industrial injury October 10, 2016.', // CM17-0005246
      'an injury date of 10-10-2016.', // CM17-0021791-like
      'DOI: 10/10/2016.', // synthetic
      'an injury on or about Oct. 10, 2016.', // synthetic
    ];
    for (const form of forms) assert.deepEqual(run(letter([`The patient reported ${form}`])), [], form);
  });

  test('a wrapped "claim from" / date (CM16-0239569 lines 35-36): the range is on the date\'s line', () => {
    const reports = run(
      letter(
        [
          'This case involves a now 58-year-old female with a history of an occupational claim from',
          '11/05/2016. The mechanism of injury is detailed as repetitive trauma.',
        ],
        '11/15/2016',
      ),
    );
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, {
      start: { line: SUMMARY_LINE + 1, character: 0 },
      end: { line: SUMMARY_LINE + 1, character: 10 },
    });
  });

  test('a month-name date wrapped after the day (seed 003 style) spans both lines', () => {
    const first = 'claim for chronic neck pain reportedly associated with an industrial injury of December 27,';
    const reports = run(letter([first, '2005. Thus far, the applicant has been treated.'], '12/27/2006'));
    assert.equal(reports.length, 1);
    const character = first.indexOf('December');
    assert.deepEqual(at(reports, 0).range, {
      start: { line: SUMMARY_LINE, character },
      end: { line: SUMMARY_LINE + 1, character: 4 },
    });
    assert.match(at(reports, 0).message, /as December 27, 2005,/);
  });

  test('a date wrapped at its hyphen in -layout text ("10-" / "18-2016")', () => {
    const reports = run(
      letter(['with a date of injury on 10-', '18-2016. The injured worker is undergoing treatment.']),
    );
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, {
      start: { line: SUMMARY_LINE, character: 25 },
      end: { line: SUMMARY_LINE + 1, character: 7 },
    });
  });

  test('a two-digit year compares with the last two digits', () => {
    assert.equal(run(letter(['sustained an industrial injury on 10-10-15.'])).length, 1);
  });

  test('other dates near "injured" or "Injury" are not the injury date', () => {
    const lines = [
      'The injured worker presented on 10-20-2016 for a consultation.', // CM16-0221706
      "Per the Doctor's First Report of Occupational Injury or Illness from 10/12/ 2016, pain persisted.", // CM17-0005418-like
      'The mechanism of injury is detailed as a fall on 11-01-2016 at home.', // synthetic
    ];
    assert.deepEqual(run(letter(lines)), []);
  });

  test('a cumulative-trauma period matches at either end', () => {
    assert.deepEqual(run(letter(['a cumulative trauma claim from 01/01/2015 through 10/10/2016.'])), []);
  });

  test('extraKeywords: a house phrase introduces the injury date', () => {
    const text = letter(['The industrial accident of 10-12-2016 involved a fall.']);
    assert.deepEqual(run(text), []);
    assert.equal(run(text, { extraKeywords: ['industrial accident of'] }).length, 1);
  });

  test('a header date that is no real date is left to IMR011', () => {
    assert.deepEqual(run(letter(['a date of injury on 10-18-2016.'], '02/30/2016')), []);
  });

  test('no header: nothing to compare with', () => {
    const text = letter(['a date of injury on 10-18-2016.']).split('\n').slice(19).join('\n');
    assert.deepEqual(run(text), []);
  });

  test('a file holding two letters: only the first summary is compared with the (first) header', () => {
    const first = letter(['a date of injury on 10-10-2016.']);
    const second = letter(['a date of injury on 03-03-2015.'], '03/03/2015');
    assert.deepEqual(run(`${first}${second}`), []);
  });
});
