// IMR011 header-date-order: unit tests on a synthetic L3-2016 header in the `-layout` arrangement.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { headerDateOrder as rule } from '../../server/src/core/rules/IMR011-header-date-order';
import type { Range } from '../../server/src/core/model';
import { layoutHeader, smallLetter } from './small-letter';
import { at, defined } from '../support/elements';

interface Dates {
  assigned: string;
  decision: string;
  injury: string;
  ur: string;
  application: string;
}

const IN_ORDER: Dates = {
  injury: '10/10/2016',
  ur: '11/09/2016',
  application: '11/14/2016',
  assigned: '11/18/2016',
  decision: '12/19/2016',
};

function letter(changes: Partial<Dates> = {}): string {
  return smallLetter({
    header: layoutHeader({ ...IN_ORDER, ...changes }),
    summary: ['The injured worker is a 40 year old male with low back pain.'],
  });
}

function run(text: string) {
  return rule.check({ document: parse(text), source: new SourceText(text), options: {} });
}

/** The range of the value after `label` in the header. */
function valueRange(text: string, label: string): Range {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(label));
  const match = defined(new RegExp(`${label.replace(/[()]/g, '\\$&')}\\s+(\\S+)`).exec(at(lines, line)));
  const character = match.index + match[0].length - at(match, 1).length;
  return { start: { line, character }, end: { line, character: character + at(match, 1).length } };
}

describe('IMR011 header-date-order', () => {
  test('dates in order: nothing', () => {
    assert.deepEqual(run(letter()), []);
  });

  test('equal dates are in order (same-day UR denial and application)', () => {
    assert.deepEqual(run(letter({ ur: '11/14/2016' })), []);
  });

  test('UR denial and application swapped: the UR denial is reported, against the application', () => {
    const text = letter({ ur: '11/14/2016', application: '11/09/2016' });
    const reports = run(text);
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, valueRange(text, 'UR Denial Date:'));
    assert.equal(
      at(reports, 0).message,
      '`UR Denial Date:` 11/14/2016 is after `Application Received:` 11/09/2016, but the header dates must run: ' +
        'injury ≤ UR denial ≤ application received ≤ date assigned ≤ decision date.',
    );
  });

  test('an injury dated after the decision blames the injury date, not the four that agree', () => {
    const text = letter({ injury: '01/10/2017' });
    const reports = run(text);
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, valueRange(text, 'Date of Injury:'));
    assert.match(at(reports, 0).message, /^`Date of Injury:` 01\/10\/2017 is after `UR Denial Date:` 11\/09\/2016/);
  });

  test('a decision date before the assignment is reported on one of the two', () => {
    const text = letter({ decision: '11/01/2016' });
    const reports = run(text);
    assert.equal(reports.length, 1);
    assert.match(at(reports, 0).message, /Decision Date|Date Assigned/);
  });

  test('February 30 is impossible', () => {
    const text = letter({ assigned: '02/30/2016', decision: '12/19/2016' });
    const reports = run(text);
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, valueRange(text, 'Date Assigned:'));
    assert.equal(
      at(reports, 0).message,
      '`Date Assigned:` 02/30/2016 is not a real date: February 2016 has no day 30.',
    );
  });

  test('February 29 exists in leap years only', () => {
    assert.deepEqual(run(letter({ injury: '02/29/2016' })), []);
    const reports = run(letter({ injury: '02/29/2015' }));
    assert.equal(reports.length, 1);
    assert.match(at(reports, 0).message, /February 2015 has no day 29/);
  });

  test('month 13', () => {
    const reports = run(letter({ injury: '13/10/2016' }));
    assert.equal(reports.length, 1);
    assert.match(at(reports, 0).message, /there is no month 13/);
  });

  test('a value that is no MM/DD/YYYY date', () => {
    const reports = run(letter({ ur: '2016-11-09' }));
    assert.equal(reports.length, 1);
    assert.equal(at(reports, 0).message, '`UR Denial Date:` "2016-11-09" is not a date in MM/DD/YYYY form.');
  });

  test('a year before 1950', () => {
    const reports = run(letter({ injury: '10/10/1916' }));
    assert.equal(reports.length, 1);
    assert.match(at(reports, 0).message, /implausibly early/);
  });

  test('an unreadable date is left out of the order check instead of blaming its neighbours', () => {
    assert.equal(run(letter({ ur: '11/31/2016' })).length, 1);
  });

  test('no header (L3a/L3b letters): nothing', () => {
    const text = letter().split('\n').slice(6).join('\n');
    assert.deepEqual(run(text), []);
  });
});

describe('IMR011 on an L1 letter: `Dated:` and the procedural paragraph dates', () => {
  const L1 = readFileSync(
    path.join(__dirname, '..', 'fixtures', 'rules', 'IMR011-l1-denial-after-application.txt'),
    'utf8',
  ).replace(/^~~>.*\n/gm, '');

  test('a UR denial dated after the application: on the denial date, in L1 words, pointing at the application', () => {
    const [report, ...more] = run(L1);
    assert.deepEqual(more, []);
    assert.equal(
      report?.message,
      "The UR denial date 10/15/2013 is after the Application received date 10/07/2013, but the letter's dates " +
        'must run: UR denial ≤ application received ≤ Notice of Assignment ≤ `Dated:`.',
    );
    assert.deepEqual(report?.range, { start: { line: 10, character: 39 }, end: { line: 10, character: 49 } });
    assert.deepEqual(report?.related, [
      {
        message: 'The Application received date 10/7/2013',
        range: { start: { line: 9, character: 63 }, end: { line: 9, character: 72 } },
      },
    ]);
  });

  test('an impossible `Dated:` date is named by its label', () => {
    const [report, ...more] = run(L1.replace('Dated: 11/12/2013', 'Dated: 11/31/2013'));
    assert.deepEqual(more.length, 1, 'the order check still blames the UR denial date');
    assert.equal(report?.message, '`Dated:` 11/31/2013 is not a real date: November 2013 has no day 31.');
  });
});
