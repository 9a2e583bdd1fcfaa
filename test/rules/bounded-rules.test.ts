// Rules on hostile lines (issue 12): long lines, many findings on one line, CR-only line ends. Each check runs
// in a worker stopped after WORKER_LIMIT_MS, which the quadratic versions these replace cannot meet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { runRules } from '../../server/src/core/rules';
import { SourceText } from '../../server/src/core/source';
import { inWorker, WORKER_LIMIT_MS } from '../support/budget';
import type { FoundSummary as Found } from '../support/hostile';
import { layoutHeader, smallLetter } from './small-letter';
import { at, defined } from '../support/elements';

const HOSTILE = 'test/support/hostile.ts';
const limit = { timeout: WORKER_LIMIT_MS * 2 };
const SUMMARY_LINE = 3;
const ITEM_LINE = 6;
const MILLION = 1_000_000;

function span(line: number, character: number, length: number) {
  return { start: { line, character }, end: { line, character: character + length } };
}

test(
  'IMR014 on a 1 MB summary line of `ab  `: every doubled space but the trailing one, in one pass',
  limit,
  async () => {
    const found = await inWorker<Found>(HOSTILE, 'ruleFindings', [
      smallLetter({ summary: ['ab  '.repeat(250_000)] }),
      'IMR014',
    ]);
    assert.equal(found.count, 249_999);
    assert.deepEqual(defined(found.first).range, span(SUMMARY_LINE, 2, 2));
    assert.deepEqual(defined(found.last).range, span(SUMMARY_LINE, 4 * 249_998 + 2, 2));
    assert.match(defined(found.first).message, /^Probable redaction gap in CLINICAL CASE SUMMARY: a doubled space/);
  },
);

test('IMR014 on a 1 MB item line of `ab  `: the item is named once, not once per gap', limit, async () => {
  const heading = `${'ab  '.repeat(250_000)}MRI: Upheld`;
  const item = ['MRI of the lumbar spine: Upheld', 'Decision rationale: The request is not medically necessary.'];
  const found = await inWorker<Found>(HOSTILE, 'ruleFindings', [
    smallLetter({ item: [heading, ...item.slice(1)] }),
    'IMR014',
  ]);
  assert.equal(found.count, 250_000);
  assert.deepEqual(defined(found.last).range, span(ITEM_LINE, 4 * 249_999 + 2, 2));
  assert.match(defined(found.last).message, /^Probable redaction gap in the heading of item 1 \("ab ab ab/);
});

test('IMR014 with CR-only line ends: 100,000 lines with a doubled space each, as fast as with LF', limit, async () => {
  const text = smallLetter({ summary: Array.from({ length: 100_000 }, () => 'a  b') }).replaceAll('\n', '\r');
  const found = await inWorker<Found>(HOSTILE, 'ruleFindings', [text, 'IMR014']);
  assert.equal(found.count, 100_000);
  assert.deepEqual(defined(found.first).range, span(SUMMARY_LINE, 1, 2));
  assert.deepEqual(defined(found.last).range, span(SUMMARY_LINE + 99_999, 1, 2));
});

test('IMR014 on a 1 MB run of spaces and tabs between two words: one gap, the run read once', limit, async () => {
  const run = '  \t'.repeat(330_000);
  const found = await inWorker<Found>(HOSTILE, 'ruleFindings', [smallLetter({ summary: [`a${run}b`] }), 'IMR014']);
  assert.equal(found.count, 1);
  assert.deepEqual(defined(found.first).range, span(SUMMARY_LINE, 1, run.length));
});

test(
  'IMR012 on a 1,000,000-character summary line of injury dates: each date read from a short stretch',
  limit,
  async () => {
    const dates = {
      assigned: '11/18/2016',
      injury: '10/10/2016',
      decision: '12/19/2016',
      ur: '11/09/2016',
      application: '11/14/2016',
    };
    const header = layoutHeader(dates);
    const phrase = 'injury on 1/1/2001 ';
    const found = await inWorker<Found>(HOSTILE, 'ruleFindings', [
      smallLetter({ header, summary: [phrase.repeat(MILLION / phrase.length)] }),
      'IMR012',
    ]);
    assert.equal(found.count, Math.floor(MILLION / phrase.length));
    const line = header.length + SUMMARY_LINE;
    assert.deepEqual(defined(found.first).range, span(line, 10, 8));
    assert.deepEqual(defined(found.last).range, span(line, (found.count - 1) * phrase.length + 10, 8));
    assert.match(
      defined(found.last).message,
      /gives the injury date as 1\/1\/2001, but the header's `Date of Injury:` is 10\/10\/2016/,
    );
  },
);

test('IMR003 on an item heading with a 1,000,000-character run of blanks and no decision', limit, async () => {
  const heading = `MRI${' '.repeat(MILLION)}of the knee`;
  const item = [
    heading,
    'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.',
    'Decision rationale: The request is not medically necessary.',
  ];
  const found = await inWorker<Found>(HOSTILE, 'ruleFindings', [smallLetter({ item }), 'IMR003']);
  assert.equal(found.count, 1);
  assert.deepEqual(defined(found.first).range, {
    start: { line: ITEM_LINE, character: 0 },
    end: { line: ITEM_LINE, character: heading.length },
  });
  assert.match(
    defined(found.first).message,
    /^Item 1 "MRI of the knee" has no decision: end its line with ": Upheld" or ": Overturned"\.$/,
  );
});

test("with the language server's cap, IMR014 on 1 MB of `ab  ` keeps 1,000 gaps and says that it stopped", () => {
  const text = smallLetter({ summary: ['ab  '.repeat(250_000)] });
  const found = runRules(parse(text), new SourceText(text), undefined, undefined, 1000).filter(
    (f) => f.ruleId === 'IMR014',
  );
  assert.equal(found.length, 1001);
  assert.deepEqual(found[0], {
    ruleId: 'IMR014',
    ruleName: 'probable-redaction-gap',
    severity: 'information',
    message: 'IMR014 probable-redaction-gap stopped after 1000 findings in this document; the rest are not reported.',
    range: span(0, 0, 0),
  });
  assert.deepEqual(at(found, 1).range, span(SUMMARY_LINE, 2, 2));
  assert.deepEqual(at(found, 1000).range, span(SUMMARY_LINE, 4 * 999 + 2, 2));
});
