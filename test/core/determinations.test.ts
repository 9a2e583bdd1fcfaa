// The Determinations view's summaries in memory (core/service/determinations.ts): the appeal-deadline
// arithmetic, one summary per letter with its own dates and counts, the order of files, the picker's counts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancelledError } from '../../server/src/core/cancel';
import { parse } from '../../server/src/core/parse';
import { createLanguageService } from '../../server/src/core/service';
import { appealByEstimate, determinations, letterSummaries } from '../../server/src/core/service/determinations';
import { SourceText } from '../../server/src/core/source';
import { entryFor, type IndexEntry } from '../../server/src/core/service/workspaceSearch';
import { fixtureText, JOINED_FIXTURES, joinLetters, LAYOUT_FIXTURES } from '../support/joined';
import { layoutHeader, smallLetter } from '../rules/small-letter';

const range = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

function entry(uri: string, text: string): IndexEntry {
  const indexed = entryFor(uri, uri.slice(uri.lastIndexOf('/') + 1), parse(text));
  assert.ok(indexed, uri);
  return indexed;
}

// Header lines 0–5; item "MRI of the lumbar spine: Upheld" on line 12.
const DATED = smallLetter({
  header: layoutHeader({
    assigned: '01/02/2017',
    injury: '03/04/2015',
    decision: '01/20/2017',
    ur: '11/01/2016',
    application: '12/01/2016',
  }),
});

describe('appeal deadline estimate', () => {
  test('decision date + 30 days, across months, years and leap days', () => {
    assert.equal(appealByEstimate('01/20/2017'), '02/19/2017');
    assert.equal(appealByEstimate('12/14/2016'), '01/13/2017');
    assert.equal(appealByEstimate('02/01/2016'), '03/02/2016'); // 2016 is a leap year
    assert.equal(appealByEstimate('02/01/2017'), '03/03/2017');
    assert.equal(appealByEstimate('1/4/2017'), '02/03/2017');
  });
  test('no estimate without a real date', () => {
    assert.equal(appealByEstimate(undefined), undefined);
    assert.equal(appealByEstimate('02/30/2017'), undefined);
    assert.equal(appealByEstimate('pending'), undefined);
  });
});

describe('letter summaries', () => {
  test('a dated letter: case number, decision date, appeal estimate, counts and items', () => {
    assert.deepEqual(letterSummaries(entry('file:///w/a.txt', DATED)), [
      {
        uri: 'file:///w/a.txt',
        fileName: 'a.txt',
        caseNumber: 'CM16-0000001',
        decisionDate: '01/20/2017',
        appealByEstimate: '02/19/2017',
        counts: { items: 1, upheld: 1, overturned: 0, invalid: 0 },
        items: [
          {
            label: '1. MRI of the lumbar spine',
            description: 'Upheld',
            decision: 'Upheld',
            range: range(12, 0, 12, 31),
          },
        ],
      },
    ]);
  });

  test('a file of several letters: one summary each, with its place in the file', () => {
    const own = (name: string) => fixtureText(JOINED_FIXTURES, name);
    const text = joinLetters([own('B-plain.txt'), fixtureText(LAYOUT_FIXTURES, 'L1.txt')], 'bundle').text;
    const summaries = letterSummaries(entry('file:///w/bundle.txt', text));
    assert.deepEqual(
      summaries.map((s) => [
        s.caseNumber,
        s.decisionDate,
        s.appealByEstimate,
        s.counts,
        s.letter?.index,
        s.letter?.count,
      ]),
      [
        ['CM17-0202020', '04/02/2017', '05/02/2017', { items: 2, upheld: 1, overturned: 1, invalid: 0 }, 0, 2],
        [undefined, '9/3/2013', '10/03/2013', { items: 3, upheld: 2, overturned: 1, invalid: 0 }, 1, 2],
      ],
    );
  });

  test('determinations: every letter, by file URI; a cancelled request stops', () => {
    const entries = [entry('file:///w/b.txt', DATED), entry('file:///w/a.txt', smallLetter())];
    assert.deepEqual(
      determinations(entries).map((s) => [s.fileName, s.caseNumber]),
      [
        ['a.txt', undefined],
        ['b.txt', 'CM16-0000001'],
      ],
    );
    assert.throws(() => determinations(entries, () => true), CancelledError);
  });

  test('documentItems through the service: the items and their counts', () => {
    const text = smallLetter({ item: ['MRI of the lumbar spine: Overturned'] });
    const service = createLanguageService({ letter: () => ({ document: parse(text), source: new SourceText(text) }) });
    assert.deepEqual(service.documentItems('memory:/x'), {
      items: [
        {
          label: '1. MRI of the lumbar spine',
          description: 'Overturned',
          decision: 'Overturned',
          range: range(6, 0, 6, 35),
        },
      ],
      counts: { items: 1, upheld: 0, overturned: 1, invalid: 0 },
    });
  });
});
