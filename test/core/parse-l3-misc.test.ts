// parse() on L3 letters: the variant, UTF-16 positions, the test helpers, and regression tests for fixed bugs.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { rangeOfString, sliceRange } from '../fixtures/excerpts/source';
import { HOW_MADE_BOILERPLATE, PLAIN_LETTER, minimalLetter, shortFields } from '../fixtures/excerpts/letters';
import { r, read, brief, covers } from './parse-l3-helpers';
import { at } from '../support/elements';

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
    assert.deepEqual(doc.variant, {
      hasHeader: false,
      credentialsForm: 'inline',
      citationEra: 1,
      extraction: 'doubled',
    });
    assert.deepEqual(doc.items.map(brief), [
      {
        index: 1,
        text: 'Lumbar MMB/Facet Blocks L3-S1 Bilaterally',
        decision: { raw: 'Upheld', value: 'Upheld' },
        labels: ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'],
      },
    ]);
    assert.deepEqual(at(doc.items, 0).decision?.range, r(20, 44, 20, 50));
    covers(text, at(doc.items, 0).decision?.range, 'Upheld');
    assert.deepEqual(
      doc.credentials?.states.map((s) => s.text),
      ['Texas'],
    );
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
    assert.equal(at(doc.items, 0).text.text, 'Knee 😀 MRI');
    assert.deepEqual(at(doc.items, 0).decision?.range, r(8, 13, 8, 19));
    covers(text, at(doc.items, 0).decision?.range, 'Upheld');
  });
});

// ---------------------------------------------------------------------------------------------------------
// Parser bugs found while writing these tests, kept as regression tests.
describe('fixed parser bugs', () => {
  test('a cover line before the first heading is not a header (§2: the header is `Case Number:` before the first heading)', () => {
    for (const cover of ['Application for Independent Medical Review', 'Priority: high']) {
      const { doc } = read([cover, ...minimalLetter(['Knee MRI: Upheld', ...shortFields()])]);
      assert.equal(doc.header, undefined, cover);
      assert.equal(doc.variant.hasHeader, false, cover);
    }
  });

  test('block credentials followed by a blank line and more text: the specialties stop at the blank line', () => {
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
    assert.deepEqual(
      doc.credentials?.specialties.map((s) => [s.text, s.range]),
      [['Internal Medicine', r(3, 28, 3, 45)]],
    );
    assert.deepEqual(doc.credentials?.range, r(1, 0, 3, 45));
  });

  test('block credentials: after a paragraph break, neither that line nor the next joins the specialties (no skipped line inside a span)', () => {
    const lines = [
      ...PLAIN_LETTER.slice(0, 26),
      '',
      'General Preventive Medicine',
      'Some further line of the section.',
      ...PLAIN_LETTER.slice(27),
    ];
    const { text, doc } = read(lines);
    for (const s of doc.credentials?.specialties ?? []) covers(text, s.range, s.text, true);
    assert.equal(at(doc.credentials?.specialties, 2).text, 'Public Health &');
  });

  test('a decision word with a trailing period is still read as the decision, not as item text', () => {
    const { text, doc } = read(minimalLetter(['Knee MRI: Upheld.', ...shortFields()]));
    const item = at(doc.items, 0);
    assert.equal(item.text.text, 'Knee MRI');
    assert.ok(item.decision && ['Upheld', 'Upheld.'].includes(item.decision.raw), JSON.stringify(item.decision));
    covers(text, item.decision?.range, item.decision?.raw ?? '');
  });

  test('plain text: a rationale that ends without a period does not lend its last line to the next item', () => {
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
    assert.equal(at(doc.items, 1).text.text, 'Lumbar MRI');
    assert.equal(
      at(doc.items, 0).rationale?.body.text,
      'There is no red flag. As such, the request for the MRI of the knee is not medically necessary',
    );
  });
});
