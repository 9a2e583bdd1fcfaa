// parse() on L3 letters: layout detection, header and sections (format guide §2-§4).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { HeaderField, L3HeaderFieldName, Range } from '../../server/src/core/model';
import {
  HEADER_LABELS,
  HEADER_LAYOUT,
  HEADER_VALUES,
  PLAIN_LETTER,
  minimalLetter,
  shortFields,
} from '../fixtures/excerpts/letters';
import { r, read, brief, covers, HEADER_NAMES } from './parse-l3-helpers';
import { at } from '../support/elements';

// ---------------------------------------------------------------------------------------------------------
describe('layout detection by headings (§2)', () => {
  test('the headings decide, not line 1: prose before the first heading', () => {
    const { doc } = read([
      'Some cover text that is not a heading.',
      'More of it.',
      ...minimalLetter(['Knee MRI: Upheld', ...shortFields()]),
    ]);
    assert.equal(doc.layout, 'L3');
    assert.deepEqual(
      doc.sections.map((s) => [s.kind, s.title, s.headingRange.start.line]),
      [
        ['howMade', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 2],
        ['caseSummary', 'CLINICAL CASE SUMMARY', 6],
        ['decisions', 'IMR ISSUES, DECISIONS AND RATIONALES', 8],
      ],
    );
    assert.deepEqual(doc.problems, []);
  });

  test('centred headings (pdftotext -layout): recognised, ranges start after the indent', () => {
    const lines = minimalLetter(['Knee MRI: Upheld', ...shortFields()]).map((l) =>
      /^[A-Z ,]+$/.test(l) ? ' '.repeat(17) + l : l,
    );
    const { text, doc } = read(lines);
    assert.equal(doc.layout, 'L3');
    assert.equal(doc.variant.extraction, 'layout');
    const decisions = doc.sections.find((s) => s.kind === 'decisions');
    assert.equal(decisions?.title, 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.deepEqual(decisions?.headingRange, r(6, 17, 6, 53));
    covers(text, decisions?.headingRange, 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.equal(doc.items.length, 1);
  });

  test('a form feed glued before a heading', () => {
    const lines = minimalLetter(['Knee MRI: Upheld', ...shortFields()]);
    const at = lines.indexOf('IMR ISSUES, DECISIONS AND RATIONALES');
    lines.splice(at, 1, '', '\fIMR ISSUES, DECISIONS AND RATIONALES');
    const { text, doc } = read(lines);
    assert.equal(doc.layout, 'L3');
    const decisions = doc.sections.find((s) => s.kind === 'decisions');
    assert.deepEqual(decisions?.headingRange, r(at + 1, 1, at + 1, 37));
    covers(text, decisions?.headingRange, 'IMR ISSUES, DECISIONS AND RATIONALES');
    assert.deepEqual(doc.items.map(brief), [
      {
        index: 1,
        text: 'Knee MRI',
        decision: { raw: 'Upheld', value: 'Upheld' },
        labels: ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'],
      },
    ]);
  });

  test('a seed-style heading with a leading and a trailing space', () => {
    const { text, doc } = read([
      ' HOW THE IMR FINAL DETERMINATION WAS MADE ',
      ...minimalLetter(['Knee MRI: Upheld', ...shortFields()]).slice(1),
    ]);
    assert.equal(doc.layout, 'L3');
    assert.deepEqual(at(doc.sections, 0).headingRange, r(0, 1, 0, 41));
    covers(text, at(doc.sections, 0).headingRange, 'HOW THE IMR FINAL DETERMINATION WAS MADE');
  });

  test('HOW THE IMR … and CLINICAL CASE SUMMARY alone do not make L3 (they occur in L2 too)', () => {
    const { doc } = read([
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'text',
      'CLINICAL CASE SUMMARY',
      'text',
      'Knee MRI: Upheld',
    ]);
    assert.equal(doc.layout, 'unknown');
    assert.deepEqual(
      doc.problems.map((p) => p.code),
      ['unknown-layout'],
    );
    assert.deepEqual(doc.items, []);
  });

  test('a heading is a whole line, case-sensitive: inside a sentence or in lower case it does not count', () => {
    for (const line of [
      'See IMR ISSUES, DECISIONS AND RATIONALES below.',
      'IMR Issues, Decisions and Rationales',
      'IMR ISSUES, DECISIONS AND RATIONALES:',
    ]) {
      const { doc } = read([
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        'text',
        line,
        'Knee MRI: Upheld',
        ...shortFields(),
      ]);
      assert.equal(doc.layout, 'unknown', line);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('header (§3, §4)', () => {
  test('plain text, column by column: all 7 fields, labels and values paired by column order', () => {
    const { text, doc } = read(PLAIN_LETTER);
    assert.equal(doc.variant.hasHeader, true);
    const fields = doc.header?.fields;
    assert.ok(fields);
    assert.deepEqual(Object.keys(fields).sort(), [...HEADER_NAMES].sort());
    // Values sit on lines 5-8 (left column) and 15-17 (right column).
    const valueLines: Record<L3HeaderFieldName, number> = {
      caseNumber: 5,
      dateAssigned: 6,
      decisionDate: 7,
      priority: 8,
      dateOfInjury: 15,
      urDenialDate: 16,
      applicationReceived: 17,
    };
    for (const name of HEADER_NAMES) {
      const f: HeaderField | undefined = fields[name];
      assert.ok(f, name);
      assert.equal(f.name, name);
      assert.equal(f.value, HEADER_VALUES[name], name);
      assert.equal(f.label, HEADER_LABELS[name], name);
      assert.deepEqual(f.valueRange, r(valueLines[name], 0, valueLines[name], HEADER_VALUES[name].length), name);
      covers(text, f.valueRange, HEADER_VALUES[name]);
    }
    assert.deepEqual(fields.caseNumber?.labelRange, r(0, 0, 0, 12));
    assert.deepEqual(fields.dateOfInjury?.labelRange, r(10, 0, 10, 15));
    // `Application` / `Received:`: one label over two lines.
    assert.deepEqual(fields.applicationReceived?.labelRange, r(12, 0, 13, 9));
    covers(text, fields.applicationReceived?.labelRange, 'Application Received:', true);
    assert.deepEqual(doc.header?.range, r(0, 0, 17, 10));
  });

  test('-layout text: two pairs per line, `Received:` alone below', () => {
    const { text, doc } = read([...HEADER_LAYOUT, ...PLAIN_LETTER.slice(19)]);
    const fields = doc.header?.fields;
    assert.ok(fields);
    const expected: Record<L3HeaderFieldName, Range> = {
      caseNumber: r(0, 23, 0, 35),
      dateAssigned: r(1, 23, 1, 33),
      decisionDate: r(2, 23, 2, 33),
      priority: r(3, 23, 3, 31),
      dateOfInjury: r(1, 77, 1, 87),
      urDenialDate: r(2, 77, 2, 87),
      applicationReceived: r(3, 77, 3, 87),
    };
    for (const name of HEADER_NAMES) {
      assert.equal(fields[name]?.value, HEADER_VALUES[name], name);
      assert.deepEqual(fields[name]?.valueRange, expected[name], name);
      covers(text, fields[name]?.valueRange, HEADER_VALUES[name]);
    }
    assert.deepEqual(fields.dateOfInjury?.labelRange, r(1, 56, 1, 71));
    assert.deepEqual(fields.applicationReceived?.labelRange, r(3, 56, 4, 65));
    assert.equal(fields.applicationReceived?.label, 'Application Received:');
    assert.equal(doc.variant.extraction, 'plain', 'no centred heading in this fixture');
  });

  test('a header label without a value keeps an empty value right after the label', () => {
    const lines = [...HEADER_LAYOUT, ...PLAIN_LETTER.slice(19)];
    lines[0] = 'Case Number:';
    const { doc } = read(lines);
    assert.equal(doc.header?.fields.caseNumber?.value, '');
    assert.deepEqual(doc.header?.fields.caseNumber?.valueRange, r(0, 12, 0, 12));
    assert.equal(doc.header?.fields.dateAssigned?.value, '02/06/2017');
  });

  test('no header before the first heading (L3a/L3b): header undefined', () => {
    const { doc } = read(minimalLetter(['Knee MRI: Upheld', ...shortFields()]));
    assert.equal(doc.header, undefined);
    assert.equal(doc.variant.hasHeader, false);
  });

  test('header-like lines after the first heading are not a header', () => {
    const { doc } = read(minimalLetter(['Case Number: CM17-0020384', 'Knee MRI: Upheld', ...shortFields()]));
    assert.equal(doc.header, undefined);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('sections (§3)', () => {
  test('kinds, titles, heading and body ranges of the plain letter', () => {
    const { doc } = read(PLAIN_LETTER);
    assert.deepEqual(
      doc.sections.map((s) => ({
        kind: s.kind,
        title: s.title,
        headingRange: s.headingRange,
        bodyRange: s.bodyRange,
        range: s.range,
      })),
      [
        {
          kind: 'howMade',
          title: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
          headingRange: r(19, 0, 19, 40),
          bodyRange: r(20, 0, 26, 27),
          range: r(19, 0, 26, 27),
        },
        {
          kind: 'caseSummary',
          title: 'CLINICAL CASE SUMMARY',
          headingRange: r(27, 0, 27, 21),
          bodyRange: r(28, 0, 30, 91),
          range: r(27, 0, 30, 91),
        },
        {
          kind: 'decisions',
          title: 'IMR ISSUES, DECISIONS AND RATIONALES',
          headingRange: r(31, 0, 31, 36),
          bodyRange: r(32, 0, 46, 85),
          range: r(31, 0, 46, 85),
        },
      ],
    );
  });

  test('the body ends at the last non-blank line before the next heading (blank lines and form feeds skipped)', () => {
    const lines = [
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'Body line one.',
      '',
      '',
      '                                 CLINICAL CASE SUMMARY',
      'Summary.   ',
      '',
      '\f                       IMR ISSUES, DECISIONS AND RATIONALES',
      'Knee MRI: Upheld',
      ...shortFields(),
    ];
    const { doc } = read(lines);
    assert.deepEqual(
      doc.sections.map((s) => [s.kind, s.headingRange, s.bodyRange]),
      [
        ['howMade', r(0, 0, 0, 40), r(1, 0, 1, 14)],
        ['caseSummary', r(4, 33, 4, 54), r(5, 0, 5, 8)],
        ['decisions', r(7, 24, 7, 60), r(8, 0, 11, 59)],
      ],
    );
  });

  test('an empty section body: start == end == the heading end', () => {
    const { doc } = read([
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'CLINICAL CASE SUMMARY',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'Knee MRI: Upheld',
      ...shortFields(),
    ]);
    assert.deepEqual(at(doc.sections, 0).bodyRange, r(0, 40, 0, 40));
    assert.deepEqual(at(doc.sections, 0).range, r(0, 0, 0, 40));
    assert.deepEqual(at(doc.sections, 1).bodyRange, r(1, 21, 1, 21));
  });
});
