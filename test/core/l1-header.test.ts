// Issue 11, class 4: the L1 (2013) header. An L1 letter has no header block; its dates are `Dated:` under the
// title and the procedural paragraph's application, UR denial and Notice of Assignment dates. They are read
// with exact ranges, shown in the outline and checked by IMR011. The letters are in our own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core/parse';
import { outline } from '../../server/src/core/outline';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'rules', name), 'utf8');
const withoutMarkers = (text: string) => text.replace(/^~~>.*\n/gm, '');
const r = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

test('-layout text: `Dated:` at the right of the title line, the paragraph dates wrapped over lines', () => {
  const doc = parse(withoutMarkers(fixture('IMR011-l1-denial-after-application.txt')));
  const fields = doc.header?.fields;
  assert.deepEqual(
    Object.values(fields ?? {}).map((f) => [f.name, f.label, f.labelRange, f.value, f.valueRange, f.inSentence]),
    [
      ['decisionDate', 'Dated:', r(1, 78, 1, 84), '11/12/2013', r(1, 85, 1, 95), undefined],
      [
        'applicationReceived',
        'Application for Independent Medical Review was received on',
        r(9, 4, 9, 62),
        '10/7/2013',
        r(9, 63, 9, 72),
        true,
      ],
      [
        'urDenialDate',
        'utilization review denial being disputed was dated',
        r(9, 78, 10, 38),
        '10/15/2013',
        r(10, 39, 10, 49),
        true,
      ],
      [
        'noticeOfAssignment',
        'Notice of Assignment and Request for Information was provided to the parties on',
        r(10, 53, 11, 42),
        '10/21/2013',
        r(11, 43, 11, 53),
        true,
      ],
    ],
  );
  assert.deepEqual(doc.header?.range, r(1, 78, 1, 95));
  assert.equal(doc.variant.hasHeader, false, 'no header block: the dates stand in the letter');
});

test('dates written out in words are read as written, with the sentence words as label', () => {
  const doc = parse(fixture('IMR011-clean-l1-written-dates.txt'));
  const fields = doc.header?.fields;
  assert.deepEqual([fields?.decisionDate?.valueRange, fields?.decisionDate?.value], [r(0, 89, 0, 98), '12/2/2013']);
  assert.deepEqual(
    [fields?.applicationReceived?.value, fields?.applicationReceived?.valueRange],
    ['October 28, 2013', r(6, 63, 6, 79)],
  );
  assert.deepEqual(
    [fields?.urDenialDate?.value, fields?.urDenialDate?.valueRange],
    ['October 21, 2013', r(7, 51, 7, 67)],
  );
  assert.deepEqual(
    [fields?.noticeOfAssignment?.label, fields?.noticeOfAssignment?.valueRange],
    ['Notice of Assignment and Request for Information was provided to the parties on', r(8, 59, 8, 75)],
  );
});

test('the outline shows the L1 header: `Dated` and what each paragraph date dates', () => {
  const doc = parse(withoutMarkers(fixture('IMR011-l1-denial-after-application.txt')));
  const [header] = outline(doc);
  assert.equal(header?.name, 'Header');
  assert.deepEqual(
    header?.children.map((c) => [c.name, c.detail, c.selectionRange]),
    [
      ['Dated', '11/12/2013', r(1, 78, 1, 84)],
      ['Application received', '10/7/2013', r(9, 4, 9, 62)],
      ['UR denial', '10/15/2013', r(9, 78, 10, 38)],
      ['Notice of Assignment', '10/21/2013', r(10, 53, 11, 42)],
    ],
  );
  assert.deepEqual(header?.range, r(1, 78, 11, 53));
});

test('a first page alone still gives its `Dated:` date', () => {
  const text = [
    'MAXIMUS FEDERAL SERVICES, INC.',
    'Notice of Independent Medical Review Determination',
    'Dated: 1/6/2014',
    '1) MAXIMUS Federal Services, Inc. has determined the request for a cane is medically necessary and appropriate.',
  ].join('\n');
  const doc = parse(text);
  assert.deepEqual(Object.keys(doc.header?.fields ?? {}), ['decisionDate']);
  assert.deepEqual(doc.header?.fields.decisionDate?.valueRange, r(2, 7, 2, 15));
});
