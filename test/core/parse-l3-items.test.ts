// parse() on L3 letters: credentials and item lines (format guide §5, §8).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fold } from '../fixtures/excerpts/source';
import { PLAIN_LETTER, PLAIN_LETTER_ITEMS, minimalLetter, shortFields } from '../fixtures/excerpts/letters';
import { r, read, brief, covers } from './parse-l3-helpers';
import { at } from '../support/elements';

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
    assert.deepEqual(at(c.specialties, 2).range, r(25, 72, 26, 27));
    covers(text, at(c.specialties, 2).range, 'Public Health & General Preventive Medicine', true);
    for (const s of [...c.states, ...c.specialties]) covers(text, s.range, s.text, true);
  });

  test('block form: the wrapped specialty line does not swallow the next heading', () => {
    const lines = minimalLetter(['Knee MRI: Upheld', ...shortFields()], {
      credentials: [
        'The Expert Reviewer has the following credentials:',
        'State(s) of Licensure: Arizona, California',
        'Certification(s)/Specialty: Family Practice',
      ],
    });
    const { doc } = read(lines);
    assert.deepEqual(
      doc.credentials?.specialties.map((s) => s.text),
      ['Family Practice'],
    );
    assert.deepEqual(
      doc.credentials?.states.map((s) => s.text),
      ['Arizona', 'California'],
    );
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
    assert.deepEqual(
      c.specialties.map((s) => [s.text, s.range]),
      [['Physical Medicine and Rehabilitation', r(3, 31, 3, 67)]],
    );
    assert.deepEqual(
      c.states.map((s) => [s.text, s.range]),
      [['California', r(4, 0, 4, 10)]],
    );
    // From "The expert" (end of line 2) to the period after California.
    assert.deepEqual(c.range, r(2, 80, 4, 11));
    covers(
      text,
      c.range,
      'The expert reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in California.',
      true,
    );
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
    assert.deepEqual(
      c?.specialties.map((s) => [s.text, s.range]),
      [['Orthopedic Surgery', r(2, 31, 2, 49)]],
    );
    assert.deepEqual(
      c?.states.map((s) => [s.text, s.range]),
      [['California', r(2, 82, 2, 92)]],
    );
    covers(
      text,
      c?.range,
      'The physician reviewer is Board Certified in Orthopedic Surgery, and is licensed to practice in California.',
      true,
    );
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
    const item = at(doc.items, 0);
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
    const { text, doc } = read(
      minimalLetter(['Associated surgical service: Shoulder wrap for purchase: Upheld', ...shortFields()]),
    );
    assert.equal(at(doc.items, 0).text.text, 'Associated surgical service: Shoulder wrap for purchase');
    covers(text, at(doc.items, 0).decision?.range, 'Upheld');
    assert.deepEqual(at(doc.items, 0).decision?.range, r(8, 57, 8, 63));
  });

  test('same line, two spaces after the colon (seeds 001, 003)', () => {
    const { text, doc } = read(minimalLetter(['Lumbar MMB/Facet Blocks L3-S1 Bilaterally:  Upheld', ...shortFields()]));
    const item = at(doc.items, 0);
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
    const item = at(doc.items, 1);
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
    const item = at(doc.items, 1);
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
    assert.deepEqual(at(doc.items, 0).text.range, r(8, 0, 10, 9));
    covers(text, at(doc.items, 0).text.range, fold(body.slice(0, 3).join(' ')).replace(/: Upheld$/, ''), true);
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
    const item = at(doc.items, 1);
    assert.deepEqual(item.text.range.start, { line: 12, character: 0 });
    assert.equal(
      item.text.text,
      'Baclofen 100mg #30 was the original request. Baclofen 100mg #27 was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, Baclofen 100mg #3',
    );
    assert.equal(at(doc.items, 0).rationale?.body.text, 'The request is not medically necessary.');
    assert.deepEqual(at(doc.items, 0).range, r(8, 0, 11, 59));
    covers(text, item.decision?.range, 'Upheld');
  });

  test('unknown decision words are kept raw, with their range, and no value', () => {
    for (const word of ['Uphold', 'Partially overturned', 'Denied']) {
      const { text, doc } = read(minimalLetter([`Knee MRI: ${word}`, ...shortFields()]));
      assert.equal(doc.items.length, 1, word);
      const item = at(doc.items, 0);
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
    assert.equal(at(doc.items, 0).text.text, 'Knee MRI of the left side');
    assert.deepEqual(at(doc.items, 0).decision, { raw: 'Denied', value: undefined, range: r(9, 0, 9, 6) });
    covers(text, at(doc.items, 0).decision?.range, 'Denied');
  });

  test('a missing decision: the item line ends in ":" and the labels follow', () => {
    const { doc } = read(
      minimalLetter([
        'Knee MRI: Upheld',
        ...shortFields(),
        'Lumbar epidural steroid injection at L4-5:',
        ...shortFields(),
      ]),
    );
    assert.deepEqual(doc.items.map(brief), [
      {
        index: 1,
        text: 'Knee MRI',
        decision: { raw: 'Upheld', value: 'Upheld' },
        labels: ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'],
      },
      {
        index: 2,
        text: 'Lumbar epidural steroid injection at L4-5',
        decision: undefined,
        labels: ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'],
      },
    ]);
    assert.deepEqual(at(doc.items, 1).text.range, r(12, 0, 12, 41));
    assert.deepEqual(at(doc.items, 1).headingRange, r(12, 0, 12, 41));
  });

  test('a missing decision with no colon either', () => {
    const { doc } = read(
      minimalLetter([
        'Knee MRI: Upheld',
        ...shortFields(),
        'Lumbar epidural steroid injection at L4-5',
        ...shortFields(),
      ]),
    );
    assert.equal(doc.items.length, 2);
    assert.equal(at(doc.items, 1).text.text, 'Lumbar epidural steroid injection at L4-5');
    assert.equal(at(doc.items, 1).decision, undefined);
    assert.deepEqual(at(doc.items, 1).text.range, r(12, 0, 12, 41));
  });

  test('item indexes run 1..n across the section', () => {
    const body: string[] = [];
    for (let k = 1; k <= 5; k++)
      body.push(
        `Item number ${k}: ${k % 2 ? 'Upheld' : 'Overturned'}`,
        ...shortFields(k % 2 ? 'negative' : 'positive'),
      );
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
    const body = [
      'Knee MRI: Upheld',
      ...shortFields().slice(0, 2),
      'Decision rationale: The prior review said the following: the request was upheld.',
      'The request is not medically necessary.',
    ];
    const { doc } = read(minimalLetter(body));
    assert.equal(doc.items.length, 1);
  });
});
