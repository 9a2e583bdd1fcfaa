// parse() on L3 letters: partial authorisation preambles and per-item fields (format guide §3, §5-§7).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { PLAIN_LETTER, PLAIN_LETTER_ITEMS, minimalLetter, shortFields } from '../fixtures/excerpts/letters';
import { r, read, covers } from './parse-l3-helpers';
import { at, exactly } from '../support/elements';

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
    const item = at(doc.items, 0);
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
    const item = at(doc.items, 1);
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
    const item = at(doc.items, 0);
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
    const labelLines: [number, number, number][] = [
      [34, 36, 37],
      [41, 43, 45],
    ];
    doc.items.forEach((item, k) => {
      const want = at(PLAIN_LETTER_ITEMS, k);
      assert.deepEqual(
        item.fields.map((f) => f.kind),
        ['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale'],
      );
      const [ca, mx, ra] = at(labelLines, k);
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
    assert.deepEqual(at(doc.items, 0).claimsAdministratorGuideline?.body.range, r(34, 32, 35, 16));
  });

  test('a label alone on its line: the body starts on the next line', () => {
    const body = [
      'Knee MRI: Upheld',
      ...shortFields().slice(0, 2),
      'Decision rationale:',
      'The request is not medically necessary.',
    ];
    const { doc } = read(minimalLetter(body));
    const ra = at(doc.items, 0).rationale;
    assert.equal(ra?.body.text, 'The request is not medically necessary.');
    assert.deepEqual(ra?.body.range, r(12, 0, 12, 39));
    assert.deepEqual(ra?.labelRange, r(11, 0, 11, 19));
  });

  test('a label with no body: empty body text, field range ends at the label', () => {
    const body = ['Knee MRI: Upheld', 'Claims Administrator guideline:', ...shortFields().slice(1)];
    const { doc } = read(minimalLetter(body));
    const ca = at(doc.items, 0).claimsAdministratorGuideline;
    assert.equal(ca?.body.text, '');
    assert.deepEqual(ca?.range, r(9, 0, 9, 31));
    assert.equal(ca?.guideline?.citations.length, 0);
  });

  test('a page break between the item line and its first label (CM17-0020384 lines 50-52)', () => {
    const body = [
      'Knee MRI of the left side: Overturned',
      '',
      '\fClaims Administrator guideline: Decision based on MTUS Knee Complaints 2004.',
      ...shortFields('positive').slice(1),
    ];
    const { text, doc } = read(minimalLetter(body));
    const item = at(doc.items, 0);
    assert.deepEqual(item.claimsAdministratorGuideline?.labelRange, r(10, 1, 10, 32));
    covers(text, item.claimsAdministratorGuideline?.labelRange, 'Claims Administrator guideline:');
    assert.equal(item.claimsAdministratorGuideline?.body.text, 'Decision based on MTUS Knee Complaints 2004.');
  });

  test('a page break mid-sentence in a rationale joins the sentence', () => {
    const body = [
      'Knee MRI: Upheld',
      ...shortFields().slice(0, 2),
      'Decision rationale: There is no red flag. The request is not',
      '',
      '\fmedically necessary.',
    ];
    const { text, doc } = read(minimalLetter(body));
    const ra = at(doc.items, 0).rationale;
    assert.equal(ra?.body.text, 'There is no red flag. The request is not medically necessary.');
    assert.equal(ra?.conclusion?.polarity, 'negative');
    assert.equal(ra?.conclusion?.sentence.text, 'The request is not medically necessary.');
    assert.deepEqual(ra?.conclusion?.sentence.range, r(11, 42, 13, 21));
    covers(text, ra?.conclusion?.sentence.range, 'The request is not medically necessary.', true);
  });

  test('citations attached to the guideline fields', () => {
    const { text, doc } = read(PLAIN_LETTER);
    const [one, two] = exactly(doc.items, 2);
    const ca1 = one.claimsAdministratorGuideline?.guideline;
    assert.deepEqual(
      ca1?.citations.map((c) => ({
        kind: c.kind,
        text: c.text,
        parts: c.parts.map((p) => [p.title, p.year, p.sections.map((s) => s.name)]),
      })),
      [
        {
          kind: 'mtus',
          text: 'MTUS Low Back Complaints 2004, Section(s): Special Studies',
          parts: [['Low Back Complaints', 2004, ['Special Studies']]],
        },
      ],
    );
    assert.deepEqual(at(ca1?.citations, 0).range, r(34, 50, 35, 15));
    covers(text, at(ca1?.citations, 0).range, 'MTUS Low Back Complaints 2004, Section(s): Special Studies', true);

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
    covers(text, at(ca2?.citations, 0).range, at(ca2?.citations, 0).text ?? '', true);
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
    const item = at(doc.items, 0);
    assert.equal(item.claimsAdministratorGuideline?.guideline?.outsideMtus, true);
    assert.equal(item.claimsAdministratorGuideline?.guideline?.party, 'Claims Administrator');
    const c = item.reviewerGuideline?.guideline?.citations;
    assert.deepEqual(
      c?.map((x) =>
        x.parts.map((p) => ({
          chapter: p.chapter,
          pages: p.pages.map(({ from, to }) => (to === undefined ? { from } : { from, to })),
        })),
      ),
      [[{ chapter: 12, pages: [{ from: 300 }] }]],
    );
    covers(text, at(c, 0).range, 'MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300', true);
    assert.equal(doc.variant.citationEra, 1);
  });

  test("the rationale's conclusion: polarity and exact sentence range", () => {
    const { text, doc } = read(PLAIN_LETTER);
    doc.items.forEach((item, k) => {
      const want = at(PLAIN_LETTER_ITEMS, k);
      const c = item.rationale?.conclusion;
      assert.equal(c?.polarity, want.polarity);
      assert.equal(c?.sentence.text, want.conclusion);
      covers(text, c?.sentence.range, want.conclusion);
    });
    assert.deepEqual(at(doc.items, 0).rationale?.conclusion?.sentence.range, r(38, 11, 38, 59));
    assert.deepEqual(at(doc.items, 1).rationale?.conclusion?.sentence.range, r(46, 39, 46, 85));
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
    const c = at(doc.items, 0).rationale?.conclusion;
    assert.equal(c?.polarity, 'negative');
    assert.equal(c?.sentence.text, 'As such, the request is not medically necessary.');
    assert.deepEqual(c?.sentence.range, r(11, 67, 12, 20));
    covers(text, c?.sentence.range, 'As such, the request is not medically necessary.', true);
  });
});
