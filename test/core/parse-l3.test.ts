// parse() on L3 letters, construct by construct, with small inline fixtures (format guide §2-§8).
// Every range is checked against the ORIGINAL text with offsets computed independently of the parser.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import type { DisputedItem, HeaderField, HeaderFieldName, ImrDocument, Range } from '../../server/src/core/model';
import { fold, rangeOfString, sliceRange } from '../fixtures/excerpts/source';
import {
  HEADER_LABELS,
  HEADER_LAYOUT,
  HEADER_VALUES,
  HOW_MADE_BOILERPLATE,
  PLAIN_LETTER,
  PLAIN_LETTER_ITEMS,
  joinLines,
  minimalLetter,
  shortFields,
} from '../fixtures/excerpts/letters';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

function read(lines: readonly string[], eol = '\n'): { text: string; doc: ImrDocument } {
  const text = joinLines(lines, eol);
  return { text, doc: parse(text) };
}

/** One item's essentials, for compact deepEqual. */
function brief(item: DisputedItem) {
  return {
    index: item.index,
    text: item.text.text,
    decision: item.decision ? { raw: item.decision.raw, value: item.decision.value } : undefined,
    labels: item.fields.map((f) => f.label),
  };
}

/** Asserts the range covers exactly `expected` in the original text (line breaks folded when `multiLine`). */
function covers(text: string, range: Range | undefined, expected: string, multiLine = false): void {
  assert.ok(range, `expected a range for ${JSON.stringify(expected)}`);
  const got = sliceRange(text, range);
  assert.equal(multiLine ? fold(got) : got, expected);
}

const HEADER_NAMES = Object.keys(HEADER_VALUES) as HeaderFieldName[];

// ---------------------------------------------------------------------------------------------------------
describe('layout detection by headings (§2)', () => {
  test('the headings decide, not line 1: prose before the first heading', () => {
    const { doc } = read(['Some cover text that is not a heading.', 'More of it.', ...minimalLetter(['Knee MRI: Upheld', ...shortFields()])]);
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
      { index: 1, text: 'Knee MRI', decision: { raw: 'Upheld', value: 'Upheld' }, labels: ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'] },
    ]);
  });

  test('a seed-style heading with a leading and a trailing space', () => {
    const { text, doc } = read([' HOW THE IMR FINAL DETERMINATION WAS MADE ', ...minimalLetter(['Knee MRI: Upheld', ...shortFields()]).slice(1)]);
    assert.equal(doc.layout, 'L3');
    assert.deepEqual(doc.sections[0].headingRange, r(0, 1, 0, 41));
    covers(text, doc.sections[0].headingRange, 'HOW THE IMR FINAL DETERMINATION WAS MADE');
  });

  test('HOW THE IMR … and CLINICAL CASE SUMMARY alone do not make L3 (they occur in L2 too)', () => {
    const { doc } = read(['HOW THE IMR FINAL DETERMINATION WAS MADE', 'text', 'CLINICAL CASE SUMMARY', 'text', 'Knee MRI: Upheld']);
    assert.equal(doc.layout, 'unknown');
    assert.deepEqual(doc.problems.map((p) => p.code), ['unknown-layout']);
    assert.deepEqual(doc.items, []);
  });

  test('a heading is a whole line, case-sensitive: inside a sentence or in lower case it does not count', () => {
    for (const line of [
      'See IMR ISSUES, DECISIONS AND RATIONALES below.',
      'IMR Issues, Decisions and Rationales',
      'IMR ISSUES, DECISIONS AND RATIONALES:',
    ]) {
      const { doc } = read(['HOW THE IMR FINAL DETERMINATION WAS MADE', 'text', line, 'Knee MRI: Upheld', ...shortFields()]);
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
    const valueLines: Record<HeaderFieldName, number> = {
      caseNumber: 5, dateAssigned: 6, decisionDate: 7, priority: 8, dateOfInjury: 15, urDenialDate: 16, applicationReceived: 17,
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
    const expected: Record<HeaderFieldName, Range> = {
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
      doc.sections.map((s) => ({ kind: s.kind, title: s.title, headingRange: s.headingRange, bodyRange: s.bodyRange, range: s.range })),
      [
        { kind: 'howMade', title: 'HOW THE IMR FINAL DETERMINATION WAS MADE', headingRange: r(19, 0, 19, 40), bodyRange: r(20, 0, 26, 27), range: r(19, 0, 26, 27) },
        { kind: 'caseSummary', title: 'CLINICAL CASE SUMMARY', headingRange: r(27, 0, 27, 21), bodyRange: r(28, 0, 30, 91), range: r(27, 0, 30, 91) },
        { kind: 'decisions', title: 'IMR ISSUES, DECISIONS AND RATIONALES', headingRange: r(31, 0, 31, 36), bodyRange: r(32, 0, 46, 85), range: r(31, 0, 46, 85) },
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
    assert.deepEqual(doc.sections[0].bodyRange, r(0, 40, 0, 40));
    assert.deepEqual(doc.sections[0].range, r(0, 0, 0, 40));
    assert.deepEqual(doc.sections[1].bodyRange, r(1, 21, 1, 21));
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('credentials (§8)', () => {
  test('block form: states without spaces, specialties wrapping to a second line', () => {
    const { text, doc } = read(PLAIN_LETTER);
    const c = doc.credentials;
    assert.ok(c);
    assert.equal(c.form, 'block');
    assert.equal(doc.variant.credentialsForm, 'block');
    assert.deepEqual(c.range, r(23, 0, 26, 27));
    assert.deepEqual(
      c.states.map((s) => [s.text, s.range]),
      [
        ['Texas', r(24, 23, 24, 28)],
        ['New York', r(24, 29, 24, 37)],
        ['California', r(24, 38, 24, 48)],
      ],
    );
    assert.deepEqual(
      c.specialties.map((s) => s.text),
      ['Preventive Medicine', 'Occupational Medicine', 'Public Health & General Preventive Medicine'],
    );
    assert.deepEqual(c.specialties[2].range, r(25, 72, 26, 27));
    covers(text, c.specialties[2].range, 'Public Health & General Preventive Medicine', true);
    for (const s of [...c.states, ...c.specialties]) covers(text, s.range, s.text, true);
  });

  test('block form: the wrapped specialty line does not swallow the next heading', () => {
    const lines = minimalLetter(['Knee MRI: Upheld', ...shortFields()], {
      credentials: ['The Expert Reviewer has the following credentials:', 'State(s) of Licensure: Arizona, California', 'Certification(s)/Specialty: Family Practice'],
    });
    const { doc } = read(lines);
    assert.deepEqual(doc.credentials?.specialties.map((s) => s.text), ['Family Practice']);
    assert.deepEqual(doc.credentials?.states.map((s) => s.text), ['Arizona', 'California']);
  });

  test('inline form (L3a, seed 001): "Board Certified in … and is licensed to practice in …", wrapped', () => {
    const lines = [
      ' HOW THE IMR FINAL DETERMINATION WAS MADE ',
      'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no ',
      'affiliation with the employer, employee, providers or the claims administrator. The expert ',
      'reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in ',
      'California. He/she has been in active clinical practice for more than five years. ',
      'CLINICAL CASE SUMMARY',
      'Summary.',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'Knee MRI: Upheld',
      ...shortFields(),
    ];
    const { text, doc } = read(lines);
    const c = doc.credentials;
    assert.ok(c);
    assert.equal(c.form, 'inline');
    assert.equal(doc.variant.credentialsForm, 'inline');
    assert.deepEqual(c.specialties.map((s) => [s.text, s.range]), [['Physical Medicine and Rehabilitation', r(3, 31, 3, 67)]]);
    assert.deepEqual(c.states.map((s) => [s.text, s.range]), [['California', r(4, 0, 4, 10)]]);
    // From "The expert" (end of line 2) to the period after California.
    assert.deepEqual(c.range, r(2, 80, 4, 11));
    covers(text, c.range, 'The expert reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in California.', true);
  });

  test('older inline form: "physician reviewer", a comma before "and"', () => {
    const lines = [
      'HOW THE IMR FINAL DETERMINATION WAS MADE',
      'MAXIMUS Federal Services sent the complete case file to a physician reviewer. The physician',
      'reviewer is Board Certified in Orthopedic Surgery, and is licensed to practice in California.',
      'CLINICAL CASE SUMMARY',
      'The expert reviewer developed the following clinical case summary.',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'Knee MRI: Upheld',
      ...shortFields(),
    ];
    const { text, doc } = read(lines);
    const c = doc.credentials;
    assert.equal(c?.form, 'inline');
    assert.deepEqual(c?.specialties.map((s) => [s.text, s.range]), [['Orthopedic Surgery', r(2, 31, 2, 49)]]);
    assert.deepEqual(c?.states.map((s) => [s.text, s.range]), [['California', r(2, 82, 2, 92)]]);
    covers(text, c?.range, 'The physician reviewer is Board Certified in Orthopedic Surgery, and is licensed to practice in California.', true);
  });

  test('no credentials at all: form none', () => {
    const { doc } = read(minimalLetter(['Knee MRI: Upheld', ...shortFields()]));
    assert.equal(doc.credentials, undefined);
    assert.equal(doc.variant.credentialsForm, 'none');
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('item lines (§5)', () => {
  test('same line, one space after the colon; item text containing a colon splits on the LAST colon', () => {
    const { text, doc } = read(PLAIN_LETTER);
    const item = doc.items[0];
    assert.equal(item.text.text, 'Labs to include: EKG');
    assert.deepEqual(item.text.range, r(33, 0, 33, 20));
    assert.deepEqual(item.decision, { raw: 'Upheld', value: 'Upheld', range: r(33, 22, 33, 28) });
    covers(text, item.decision?.range, 'Upheld');
    assert.deepEqual(item.headingRange, r(33, 0, 33, 28));
    assert.equal(item.subject, 'Labs to include: EKG');
    assert.equal(item.partial, undefined);
    assert.deepEqual(item.range, r(33, 0, 38, 59));
  });

  test('two colons in the item text (CM16-0238035 line 100)', () => {
    const { text, doc } = read(minimalLetter(['Associated surgical service: Shoulder wrap for purchase: Upheld', ...shortFields()]));
    assert.equal(doc.items[0].text.text, 'Associated surgical service: Shoulder wrap for purchase');
    covers(text, doc.items[0].decision?.range, 'Upheld');
    assert.deepEqual(doc.items[0].decision?.range, r(8, 57, 8, 63));
  });

  test('same line, two spaces after the colon (seeds 001, 003)', () => {
    const { text, doc } = read(minimalLetter(['Lumbar MMB/Facet Blocks L3-S1 Bilaterally:  Upheld', ...shortFields()]));
    const item = doc.items[0];
    assert.equal(item.text.text, 'Lumbar MMB/Facet Blocks L3-S1 Bilaterally');
    assert.deepEqual(item.text.range, r(8, 0, 8, 41));
    assert.deepEqual(item.decision, { raw: 'Upheld', value: 'Upheld', range: r(8, 44, 8, 50) });
    covers(text, item.decision?.range, 'Upheld');
  });

  test('decision alone on the next line after a line ending in ":" (CM16-0238676 lines 52-53)', () => {
    const body = [
      'MRI of the lumbar spine: Upheld',
      ...shortFields(),
      'Bilateral lower extremity EMG/NCV of the right hip and foot:',
      'Upheld',
      ...shortFields(),
    ];
    const { text, doc } = read(minimalLetter(body));
    assert.equal(doc.items.length, 2);
    const item = doc.items[1];
    assert.equal(item.index, 2);
    assert.equal(item.text.text, 'Bilateral lower extremity EMG/NCV of the right hip and foot');
    assert.deepEqual(item.text.range, r(12, 0, 12, 59));
    assert.deepEqual(item.decision, { raw: 'Upheld', value: 'Upheld', range: r(13, 0, 13, 6) });
    covers(text, item.decision?.range, 'Upheld');
    assert.deepEqual(item.headingRange, r(12, 0, 13, 6));
    assert.deepEqual(item.claimsAdministratorGuideline?.labelRange, r(14, 0, 14, 31));
  });

  test('wrapped item text over two lines, no paragraph break before it (plain text)', () => {
    const { text, doc } = read(PLAIN_LETTER);
    const item = doc.items[1];
    assert.equal(item.text.text, PLAIN_LETTER_ITEMS[1].text);
    assert.deepEqual(item.text.range, r(39, 0, 40, 23));
    covers(text, item.text.range, PLAIN_LETTER_ITEMS[1].text, true);
    assert.deepEqual(item.decision, { raw: 'Overturned', value: 'Overturned', range: r(40, 25, 40, 35) });
    assert.deepEqual(item.headingRange, r(39, 0, 40, 35));
    assert.deepEqual(item.range, r(39, 0, 46, 85));
  });

  test('walk back stops at the opener: a three-line first item is whole', () => {
    const body = [
      'Retrospective request for Norco 10/325mg #60 with one refill and Soma 350mg #30 dispensed',
      'on 12/01/2016 for the management of chronic low back pain with radiation to the left lower',
      'extremity: Upheld',
      ...shortFields(),
    ];
    const { text, doc } = read(minimalLetter(body));
    assert.equal(doc.items.length, 1);
    assert.deepEqual(doc.items[0].text.range, r(8, 0, 10, 9));
    covers(text, doc.items[0].text.range, fold(body.slice(0, 3).join(' ')).replace(/: Upheld$/, ''), true);
  });

  test('walk back stops after the previous rationale\'s last sentence, and takes a preamble whose lines end in "."', () => {
    const body = [
      'Knee MRI: Upheld',
      ...shortFields(),
      'Baclofen 100mg #30 was the original request.',
      'Baclofen 100mg #27 was authorized by the Claims Administrator.',
      'The remaining IMR eligible portion of the original request, Baclofen 100mg #3: Upheld',
      ...shortFields(),
    ];
    const { text, doc } = read(minimalLetter(body));
    assert.equal(doc.items.length, 2);
    const item = doc.items[1];
    assert.deepEqual(item.text.range.start, { line: 12, character: 0 });
    assert.equal(
      item.text.text,
      'Baclofen 100mg #30 was the original request. Baclofen 100mg #27 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Baclofen 100mg #3',
    );
    assert.equal(doc.items[0].rationale?.body.text, 'The request is not medically necessary.');
    assert.deepEqual(doc.items[0].range, r(8, 0, 11, 59));
    covers(text, item.decision?.range, 'Upheld');
  });

  test('unknown decision words are kept raw, with their range, and no value', () => {
    for (const word of ['Uphold', 'Partially overturned', 'Denied']) {
      const { text, doc } = read(minimalLetter([`Knee MRI: ${word}`, ...shortFields()]));
      assert.equal(doc.items.length, 1, word);
      const item = doc.items[0];
      assert.equal(item.text.text, 'Knee MRI', word);
      assert.equal(item.decision?.raw, word);
      assert.equal(item.decision?.value, undefined, word);
      assert.deepEqual(item.decision?.range, r(8, 10, 8, 10 + word.length), word);
      covers(text, item.decision?.range, word);
    }
  });

  test('an unknown decision word alone on the next line', () => {
    const { text, doc } = read(minimalLetter(['Knee MRI of the left side:', 'Denied', ...shortFields()]));
    assert.equal(doc.items.length, 1);
    assert.equal(doc.items[0].text.text, 'Knee MRI of the left side');
    assert.deepEqual(doc.items[0].decision, { raw: 'Denied', value: undefined, range: r(9, 0, 9, 6) });
    covers(text, doc.items[0].decision?.range, 'Denied');
  });

  test('a missing decision: the item line ends in ":" and the labels follow', () => {
    const { doc } = read(minimalLetter(['Knee MRI: Upheld', ...shortFields(), 'Lumbar epidural steroid injection at L4-5:', ...shortFields()]));
    assert.deepEqual(doc.items.map(brief), [
      { index: 1, text: 'Knee MRI', decision: { raw: 'Upheld', value: 'Upheld' }, labels: ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'] },
      { index: 2, text: 'Lumbar epidural steroid injection at L4-5', decision: undefined, labels: ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'] },
    ]);
    assert.deepEqual(doc.items[1].text.range, r(12, 0, 12, 41));
    assert.deepEqual(doc.items[1].headingRange, r(12, 0, 12, 41));
  });

  test('a missing decision with no colon either', () => {
    const { doc } = read(minimalLetter(['Knee MRI: Upheld', ...shortFields(), 'Lumbar epidural steroid injection at L4-5', ...shortFields()]));
    assert.equal(doc.items.length, 2);
    assert.equal(doc.items[1].text.text, 'Lumbar epidural steroid injection at L4-5');
    assert.equal(doc.items[1].decision, undefined);
    assert.deepEqual(doc.items[1].text.range, r(12, 0, 12, 41));
  });

  test('item indexes run 1..n across the section', () => {
    const body: string[] = [];
    for (let k = 1; k <= 5; k++) body.push(`Item number ${k}: ${k % 2 ? 'Upheld' : 'Overturned'}`, ...shortFields(k % 2 ? 'negative' : 'positive'));
    const { doc } = read(minimalLetter(body));
    assert.deepEqual(
      doc.items.map((i) => [i.index, i.text.text, i.decision?.value, i.rationale?.conclusion?.polarity]),
      [
        [1, 'Item number 1', 'Upheld', 'negative'],
        [2, 'Item number 2', 'Overturned', 'positive'],
        [3, 'Item number 3', 'Upheld', 'negative'],
        [4, 'Item number 4', 'Overturned', 'positive'],
        [5, 'Item number 5', 'Upheld', 'negative'],
      ],
    );
  });

  test('"upheld" inside a rationale sentence does not start an item', () => {
    const body = ['Knee MRI: Upheld', ...shortFields().slice(0, 2), 'Decision rationale: The prior review said the following: the request was upheld.', 'The request is not medically necessary.'];
    const { doc } = read(minimalLetter(body));
    assert.equal(doc.items.length, 1);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('partial authorisation preambles (§5)', () => {
  test('remaining portion (CM17-0020384 lines 48-50)', () => {
    const body = [
      'EMG/NCS of the right upper extremity was the original request. NCS of the right upper',
      'extremity was authorized by the Claims Administrator. The remaining IMR eligible',
      'portion of the original request, EMG of the right upper extremity is: Overturned',
      ...shortFields('positive'),
    ];
    const { text, doc } = read(minimalLetter(body));
    assert.equal(doc.items.length, 1);
    const item = doc.items[0];
    assert.deepEqual(item.text.range, r(8, 0, 10, 65)); // the item ends before "is"
    assert.deepEqual(item.decision?.range, r(10, 70, 10, 80));
    const p = item.partial;
    assert.ok(p);
    assert.equal(p.form, 'remaining-portion');
    assert.equal(p.originalRequest.text, 'EMG/NCS of the right upper extremity');
    assert.deepEqual(p.originalRequest.range, r(8, 0, 8, 36));
    assert.equal(p.authorized?.text, 'NCS of the right upper extremity');
    assert.deepEqual(p.authorized?.range, r(8, 63, 9, 9));
    covers(text, p.authorized?.range, 'NCS of the right upper extremity', true);
    assert.equal(p.remaining?.text, 'EMG of the right upper extremity');
    assert.deepEqual(p.remaining?.range, r(10, 33, 10, 65));
    covers(text, p.remaining?.range, 'EMG of the right upper extremity');
    assert.equal(item.subject, 'EMG of the right upper extremity');
  });

  test('leaving eligible, decision alone on the next line (CM16-0249536 lines 142-145)', () => {
    const body = [
      'Knee MRI: Upheld',
      ...shortFields(),
      'Acupuncture treatments (unspecified quantity) was the original request. The Claims',
      'Administrator authorized Acupuncture treatments, 6 sessions, leaving the original request',
      'IMR eligible. The original request, Acupuncture treatments (unspecified quantity) is:',
      'Upheld',
      ...shortFields(),
    ];
    const { text, doc } = read(minimalLetter(body));
    assert.equal(doc.items.length, 2);
    const item = doc.items[1];
    assert.deepEqual(item.text.range, r(12, 0, 14, 81)); // the item ends before "is"
    assert.deepEqual(item.decision, { raw: 'Upheld', value: 'Upheld', range: r(15, 0, 15, 6) });
    const p = item.partial;
    assert.equal(p?.form, 'leaving-eligible');
    assert.equal(p?.originalRequest.text, 'Acupuncture treatments (unspecified quantity)');
    assert.deepEqual(p?.originalRequest.range, r(12, 0, 12, 45));
    assert.equal(p?.authorized?.text, 'Acupuncture treatments, 6 sessions');
    assert.deepEqual(p?.authorized?.range, r(13, 25, 13, 59));
    covers(text, p?.authorized?.range, 'Acupuncture treatments, 6 sessions');
    assert.equal(p?.remaining?.text, 'Acupuncture treatments (unspecified quantity)');
    assert.deepEqual(p?.remaining?.range, r(14, 36, 14, 81));
    assert.equal(item.subject, 'Acupuncture treatments (unspecified quantity)');
  });

  test('no "is" before the colon (CM16-0233904 lines 58-60)', () => {
    const body = [
      'Baclofen 100mg #30 was the original request. Baclofen 100mg #27 was authorized by the',
      'Claims Administrator. The remaining IMR eligible portion of the original request,',
      'Baclofen 100mg #3: Upheld',
      ...shortFields(),
    ];
    const { text, doc } = read(minimalLetter(body));
    const item = doc.items[0];
    const p = item.partial;
    assert.equal(p?.form, 'no-is');
    assert.equal(p?.originalRequest.text, 'Baclofen 100mg #30');
    assert.equal(p?.authorized?.text, 'Baclofen 100mg #27');
    assert.deepEqual(p?.authorized?.range, r(8, 45, 8, 63));
    assert.equal(p?.remaining?.text, 'Baclofen 100mg #3');
    assert.deepEqual(p?.remaining?.range, r(10, 0, 10, 17));
    covers(text, p?.remaining?.range, 'Baclofen 100mg #3');
    assert.equal(item.subject, 'Baclofen 100mg #3');
    assert.deepEqual(item.decision?.range, r(10, 19, 10, 25));
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('per-item fields (§3, §6, §7)', () => {
  test('the three labels: exact label ranges and body texts', () => {
    const { text, doc } = read(PLAIN_LETTER);
    const labelLines = [
      [34, 36, 37],
      [41, 43, 45],
    ];
    doc.items.forEach((item, k) => {
      const want = PLAIN_LETTER_ITEMS[k];
      assert.deepEqual(
        item.fields.map((f) => f.kind),
        ['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale'],
      );
      const [ca, mx, ra] = labelLines[k];
      assert.deepEqual(item.claimsAdministratorGuideline?.labelRange, r(ca, 0, ca, 31));
      assert.deepEqual(item.reviewerGuideline?.labelRange, r(mx, 0, mx, 18));
      assert.deepEqual(item.rationale?.labelRange, r(ra, 0, ra, 19));
      covers(text, item.claimsAdministratorGuideline?.labelRange, 'Claims Administrator guideline:');
      covers(text, item.reviewerGuideline?.labelRange, 'MAXIMUS guideline:');
      covers(text, item.rationale?.labelRange, 'Decision rationale:');
      assert.equal(item.claimsAdministratorGuideline?.body.text, want.ca);
      assert.equal(item.reviewerGuideline?.body.text, want.mx);
      assert.equal(item.rationale?.body.text, want.rationale);
      for (const f of item.fields) {
        covers(text, f.body.range, f.body.text, true);
        assert.deepEqual(f.range.start, f.labelRange.start);
        assert.deepEqual(f.range.end, f.body.range.end);
      }
    });
    // Body starts one space after the label.
    assert.deepEqual(doc.items[0].claimsAdministratorGuideline?.body.range, r(34, 32, 35, 16));
  });

  test('a label alone on its line: the body starts on the next line', () => {
    const body = ['Knee MRI: Upheld', ...shortFields().slice(0, 2), 'Decision rationale:', 'The request is not medically necessary.'];
    const { doc } = read(minimalLetter(body));
    const ra = doc.items[0].rationale;
    assert.equal(ra?.body.text, 'The request is not medically necessary.');
    assert.deepEqual(ra?.body.range, r(12, 0, 12, 39));
    assert.deepEqual(ra?.labelRange, r(11, 0, 11, 19));
  });

  test('a label with no body: empty body text, field range ends at the label', () => {
    const body = ['Knee MRI: Upheld', 'Claims Administrator guideline:', ...shortFields().slice(1)];
    const { doc } = read(minimalLetter(body));
    const ca = doc.items[0].claimsAdministratorGuideline;
    assert.equal(ca?.body.text, '');
    assert.deepEqual(ca?.range, r(9, 0, 9, 31));
    assert.equal(ca?.guideline?.citations.length, 0);
  });

  test('a page break between the item line and its first label (CM17-0020384 lines 50-52)', () => {
    const body = ['Knee MRI of the left side: Overturned', '', '\fClaims Administrator guideline: Decision based on MTUS Knee Complaints 2004.', ...shortFields('positive').slice(1)];
    const { text, doc } = read(minimalLetter(body));
    const item = doc.items[0];
    assert.deepEqual(item.claimsAdministratorGuideline?.labelRange, r(10, 1, 10, 32));
    covers(text, item.claimsAdministratorGuideline?.labelRange, 'Claims Administrator guideline:');
    assert.equal(item.claimsAdministratorGuideline?.body.text, 'Decision based on MTUS Knee Complaints 2004.');
  });

  test('a page break mid-sentence in a rationale joins the sentence', () => {
    const body = ['Knee MRI: Upheld', ...shortFields().slice(0, 2), 'Decision rationale: There is no red flag. The request is not', '', '\fmedically necessary.'];
    const { text, doc } = read(minimalLetter(body));
    const ra = doc.items[0].rationale;
    assert.equal(ra?.body.text, 'There is no red flag. The request is not medically necessary.');
    assert.equal(ra?.conclusion?.polarity, 'negative');
    assert.equal(ra?.conclusion?.sentence.text, 'The request is not medically necessary.');
    assert.deepEqual(ra?.conclusion?.sentence.range, r(11, 42, 13, 21));
    covers(text, ra?.conclusion?.sentence.range, 'The request is not medically necessary.', true);
  });

  test('citations attached to the guideline fields', () => {
    const { text, doc } = read(PLAIN_LETTER);
    const [one, two] = doc.items;
    const ca1 = one.claimsAdministratorGuideline?.guideline;
    assert.deepEqual(
      ca1?.citations.map((c) => ({ kind: c.kind, text: c.text, parts: c.parts.map((p) => [p.title, p.year, p.sections.map((s) => s.name)]) })),
      [{ kind: 'mtus', text: 'MTUS Low Back Complaints 2004, Section(s): Special Studies', parts: [['Low Back Complaints', 2004, ['Special Studies']]] }],
    );
    assert.deepEqual(ca1?.citations[0].range, r(34, 50, 35, 15));
    covers(text, ca1?.citations[0].range, 'MTUS Low Back Complaints 2004, Section(s): Special Studies', true);

    const mx1 = one.reviewerGuideline?.guideline;
    assert.deepEqual(mx1, {
      party: 'Expert Reviewer',
      noEvidence: true,
      noEvidenceRange: r(36, 19, 36, 90),
      outsideMtus: false,
      citations: [],
    });

    const ca2 = two.claimsAdministratorGuideline?.guideline;
    assert.deepEqual(
      ca2?.citations.map((c) => [c.kind, c.source, c.chapter]),
      [['non-mtus', 'ODG', 'Low Back - Lumbar & Thoracic (Acute & Chronic)']],
    );
    covers(text, ca2?.citations[0].range, ca2?.citations[0].text ?? '', true);
    const mx2 = two.reviewerGuideline?.guideline;
    assert.deepEqual(
      mx2?.citations.map((c) => c.parts.map((p) => [p.title, p.year, p.sections.map((s) => s.name)])),
      [[['Chronic Pain Medical Treatment', 2016, ['Physical medicine treatment']]]],
    );
    // Rationales have no guideline reading; guideline fields have no conclusion.
    assert.equal(one.rationale?.guideline, undefined);
    assert.equal(one.claimsAdministratorGuideline?.conclusion, undefined);
    assert.equal(doc.variant.citationEra, 2);
  });

  test('era 1 citations (seeds): "did not base their decision on the MTUS" and ACOEM pages', () => {
    const body = [
      'Lumbar MMB/Facet Blocks L3-S1 Bilaterally:  Upheld',
      'Claims Administrator guideline: The Claims Administrator did not base their decision on the MTUS.',
      'MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints',
      'Page(s): 300.',
      'Decision rationale: The request is not medically necessary and appropriate.',
    ];
    const { text, doc } = read(minimalLetter(body));
    const item = doc.items[0];
    assert.equal(item.claimsAdministratorGuideline?.guideline?.outsideMtus, true);
    assert.equal(item.claimsAdministratorGuideline?.guideline?.party, 'Claims Administrator');
    const c = item.reviewerGuideline?.guideline?.citations;
    assert.deepEqual(
      c?.map((x) => x.parts.map((p) => ({ chapter: p.chapter, pages: p.pages.map(({ from, to }) => (to === undefined ? { from } : { from, to })) }))),
      [[{ chapter: 12, pages: [{ from: 300 }] }]],
    );
    covers(text, c?.[0].range, 'MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300', true);
    assert.equal(doc.variant.citationEra, 1);
  });

  test('the rationale\'s conclusion: polarity and exact sentence range', () => {
    const { text, doc } = read(PLAIN_LETTER);
    doc.items.forEach((item, k) => {
      const want = PLAIN_LETTER_ITEMS[k];
      const c = item.rationale?.conclusion;
      assert.equal(c?.polarity, want.polarity);
      assert.equal(c?.sentence.text, want.conclusion);
      covers(text, c?.sentence.range, want.conclusion);
    });
    assert.deepEqual(doc.items[0].rationale?.conclusion?.sentence.range, r(38, 11, 38, 59));
    assert.deepEqual(doc.items[1].rationale?.conclusion?.sentence.range, r(46, 39, 46, 85));
  });

  test('a conclusion wrapped over two lines, followed by the opioid boilerplate', () => {
    const body = [
      'Norco 10/325mg #60: Upheld',
      ...shortFields().slice(0, 2),
      'Decision rationale: There is no documented functional improvement. As such, the request is not',
      'medically necessary. This decision addresses the medical necessity of opioids as they have',
      'been prescribed to this patient.',
    ];
    const { text, doc } = read(minimalLetter(body));
    const c = doc.items[0].rationale?.conclusion;
    assert.equal(c?.polarity, 'negative');
    assert.equal(c?.sentence.text, 'As such, the request is not medically necessary.');
    assert.deepEqual(c?.sentence.range, r(11, 67, 12, 20));
    covers(text, c?.sentence.range, 'As such, the request is not medically necessary.', true);
  });
});

// ---------------------------------------------------------------------------------------------------------
describe('the variant (§1)', () => {
  test('L3-2016 in plain text', () => {
    const { doc } = read(PLAIN_LETTER);
    assert.deepEqual(doc.variant, { hasHeader: true, credentialsForm: 'block', citationEra: 2, extraction: 'plain' });
    assert.equal(doc.lineCount, PLAIN_LETTER.length + 1);
    assert.deepEqual(doc.range, r(0, 0, PLAIN_LETTER.length, 0));
  });

  test('L3a in doubled text (seed style): no header, inline credentials, era 1', () => {
    const lines = [
      ' HOW THE IMR FINAL DETERMINATION WAS MADE ',
      ...HOW_MADE_BOILERPLATE.slice(0, 1).map((l) => l + ' '),
      'The expert reviewer is Board Certified in Anesthesiology and is licensed to practice in Texas. ',
      ' ',
      'CLINICAL CASE SUMMARY ',
      'Summary. ',
      ' ',
      'IMR ISSUES, DECISIONS AND RATIONALES ',
      'The Final Determination was based on decisions for the disputed items/services set forth below: ',
      ' ',
      'Lumbar MMB/Facet Blocks L3-S1 Bilaterally:  Upheld ',
      'Claims Administrator guideline: The Claims Administrator did not base their decision on the MTUS. ',
      'MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300. ',
      'Decision rationale: The request is not medically necessary and appropriate. ',
    ].flatMap((l) => [l, '']);
    const { text, doc } = read(lines.slice(0, -1));
    assert.deepEqual(doc.variant, { hasHeader: false, credentialsForm: 'inline', citationEra: 1, extraction: 'doubled' });
    assert.deepEqual(doc.items.map(brief), [
      { index: 1, text: 'Lumbar MMB/Facet Blocks L3-S1 Bilaterally', decision: { raw: 'Upheld', value: 'Upheld' }, labels: ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'] },
    ]);
    assert.deepEqual(doc.items[0].decision?.range, r(20, 44, 20, 50));
    covers(text, doc.items[0].decision?.range, 'Upheld');
    assert.deepEqual(doc.credentials?.states.map((s) => s.text), ['Texas']);
  });
});

test('rangeOfString helper agrees with hand-computed positions (guards the test helpers)', () => {
  const text = 'ab\r\ncd\ref\ngh';
  assert.deepEqual(rangeOfString(text, 'ef'), r(2, 0, 2, 2));
  assert.deepEqual(rangeOfString(text, 'gh'), r(3, 0, 3, 2));
  assert.equal(sliceRange(text, r(1, 1, 3, 1)), 'd\ref\ng');
  assert.throws(() => sliceRange(text, r(0, 3, 0, 3)), /character 3 outside/);
  assert.throws(() => sliceRange(text, r(4, 0, 4, 0)), /line 4 outside/);
});

describe('positions count UTF-16 code units', () => {
  test('an astral character (two code units) in the item text', () => {
    const { text, doc } = read(minimalLetter(['Knee 😀 MRI: Upheld', ...shortFields()]));
    assert.equal(doc.items[0].text.text, 'Knee 😀 MRI');
    assert.deepEqual(doc.items[0].decision?.range, r(8, 13, 8, 19));
    covers(text, doc.items[0].decision?.range, 'Upheld');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Parser bugs found while writing these tests, kept as regression tests.
describe('fixed parser bugs', () => {
  test(
    'a cover line before the first heading is not a header (§2: the header is `Case Number:` before the first heading)',
    () => {
      for (const cover of ['Application for Independent Medical Review', 'Priority: high']) {
        const { doc } = read([cover, ...minimalLetter(['Knee MRI: Upheld', ...shortFields()])]);
        assert.equal(doc.header, undefined, cover);
        assert.equal(doc.variant.hasHeader, false, cover);
      }
    },
  );

  test(
    'block credentials followed by a blank line and more text: the specialties stop at the blank line',
    () => {
      const lines = [
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        'The Expert Reviewer has the following credentials:',
        'State(s) of Licensure: California',
        'Certification(s)/Specialty: Internal Medicine',
        '',
        'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no',
        'affiliation with the employer, employee, providers or the claims administrator.',
        'CLINICAL CASE SUMMARY',
        'Summary.',
        'IMR ISSUES, DECISIONS AND RATIONALES',
        'Knee MRI: Upheld',
        ...shortFields(),
      ];
      const { doc } = read(lines);
      assert.deepEqual(doc.credentials?.specialties.map((s) => [s.text, s.range]), [['Internal Medicine', r(3, 28, 3, 45)]]);
      assert.deepEqual(doc.credentials?.range, r(1, 0, 3, 45));
    },
  );

  test(
    'block credentials: after a paragraph break, neither that line nor the next joins the specialties (no skipped line inside a span)',
    () => {
      const lines = [
        ...PLAIN_LETTER.slice(0, 26),
        '',
        'General Preventive Medicine',
        'Some further line of the section.',
        ...PLAIN_LETTER.slice(27),
      ];
      const { text, doc } = read(lines);
      for (const s of doc.credentials?.specialties ?? []) covers(text, s.range, s.text, true);
      assert.equal(doc.credentials?.specialties[2].text, 'Public Health &');
    },
  );

  test(
    'a decision word with a trailing period is still read as the decision, not as item text',
    () => {
      const { text, doc } = read(minimalLetter(['Knee MRI: Upheld.', ...shortFields()]));
      const item = doc.items[0];
      assert.equal(item.text.text, 'Knee MRI');
      assert.ok(item.decision && ['Upheld', 'Upheld.'].includes(item.decision.raw), JSON.stringify(item.decision));
      covers(text, item.decision?.range, item.decision?.raw ?? '');
    },
  );

  test(
    'plain text: a rationale that ends without a period does not lend its last line to the next item',
    () => {
      const body = [
        'Knee MRI: Upheld',
        ...shortFields().slice(0, 2),
        'Decision rationale: There is no red flag. As such, the request for the MRI of the knee is not',
        'medically necessary',
        'Lumbar MRI: Upheld',
        ...shortFields(),
      ];
      const { doc } = read(minimalLetter(body));
      assert.equal(doc.items.length, 2);
      assert.equal(doc.items[1].text.text, 'Lumbar MRI');
      assert.equal(doc.items[0].rationale?.body.text, 'There is no red flag. As such, the request for the MRI of the knee is not medically necessary');
    },
  );
});
