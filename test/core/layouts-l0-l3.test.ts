// Layout L0 and the L3 variants, read from the fixture letters in test/fixtures/layouts. Ranges are zero-based, in
// the ORIGINAL text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import {
  load,
  r,
  sectionsOf,
  fieldKinds,
  decisionOf,
  citations,
  headerValues,
  problemCodes,
  L3_SECTIONS,
} from './layouts-helpers';
import { at, defined, exactly, only } from '../support/elements';

describe('L0 fixture [parser: unverified layout]', () => {
  const { doc, source } = load('L0.txt');

  test('is L0 without a header, with inline credentials', () => {
    assert.equal(doc.layout, 'L0');
    assert.deepEqual(doc.variant, {
      hasHeader: false,
      credentialsForm: 'inline',
      citationEra: undefined,
      extraction: 'plain',
    });
    assert.equal(doc.header, undefined);
    assert.equal(doc.findings, undefined);
    assert.deepEqual(problemCodes(doc), [['unverified-layout', 'information']]);
    assert.deepEqual(at(doc.problems, 0).range, r(2, 0, 2, 17));
  });

  test('sections follow the L0 labels, the wrapped ones spanning two lines', () => {
    assert.deepEqual(sectionsOf(doc), [
      ['issueAtDispute', 'ISSUE AT DISPUTE:'],
      ['caseSummary', 'CASE SUMMARY:'],
      ['documentsReviewed', 'DOCUMENTS REVIEWED FOR DETERMINATION:'],
      ['guidelinesRelied', 'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:'],
      ['rationale', 'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:'],
      ['qualifications', 'MEDICAL REVIEWER QUALIFICATIONS:'],
    ]);
    assert.deepEqual(at(doc.sections, 3).headingRange, r(23, 0, 24, 17));
    assert.deepEqual(at(doc.sections, 3).bodyRange, r(24, 18, 27, 56));
    assert.deepEqual(at(doc.sections, 4).headingRange, r(29, 0, 30, 20));
    assert.equal(source.lineAt(29), 'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT');
  });

  test('reads one item: the issue, the reviewer guideline and the rationale, no decision', () => {
    const item = only(doc.items);
    assert.equal(item.text.text, 'Physical therapy two times a week for six weeks for the lumbar spine (12 sessions)');
    assert.deepEqual(item.text.range, r(2, 18, 3, 9));
    assert.deepEqual(item.headingRange, r(2, 0, 3, 9));
    assert.deepEqual(item.range, r(2, 0, 37, 20));
    assert.equal(item.decision, undefined);
    assert.deepEqual(fieldKinds(item), ['reviewerGuideline', 'rationale']);
    assert.equal(item.claimsAdministratorGuideline, undefined);
    assert.deepEqual(item.reviewerGuideline?.labelRange, r(23, 0, 24, 17));
    assert.equal(
      item.reviewerGuideline?.label,
      'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:',
    );
    assert.match(
      item.reviewerGuideline.body.text,
      /^California Medical Treatment Utilization Schedule \(MTUS\), Chronic Pain Medical Treatment Guidelines \(2009\)/,
    );
    assert.deepEqual(citations(item.reviewerGuideline), []);
    assert.deepEqual(item.rationale?.labelRange, r(29, 0, 30, 20));
    assert.deepEqual(item.rationale?.body.range, r(30, 21, 37, 20));
  });

  test('still reads the rationale conclusion', () => {
    const conclusion = at(doc.items, 0).rationale?.conclusion;
    assert.equal(conclusion?.polarity, 'negative');
    assert.equal(
      conclusion?.sentence.text,
      'The request for 12 additional sessions of physical therapy for the lumbar spine is not medically necessary.',
    );
    assert.deepEqual(conclusion?.sentence.range, r(36, 0, 37, 20));
  });

  test('reads the qualifications sentence [inferred wording]', () => {
    assert.deepEqual(
      doc.credentials?.specialties.map((s) => s.text),
      ['Physical Medicine and Rehabilitation'],
    );
    assert.deepEqual(
      doc.credentials?.states.map((s) => [s.text, s.range]),
      [['California', r(40, 59, 40, 69)]],
    );
  });
});

describe('L0 variations (synthetic)', () => {
  test('unwrapped long labels, and two issues each with their own fields', () => {
    const text = [
      'MEDICAL PROFESSIONAL REVIEW',
      'ISSUE AT DISPUTE: Lumbar MRI',
      'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY: ACOEM, page 303.',
      'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY: Not indicated.',
      'ISSUE AT DISPUTE: Naproxen',
      'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:',
      'The request for naproxen is medically necessary.',
    ].join('\n');
    const doc = parse(text);
    assert.equal(doc.layout, 'L0');
    assert.deepEqual(
      doc.items.map((i) => [i.index, i.text.text, fieldKinds(i)]),
      [
        [1, 'Lumbar MRI', ['reviewerGuideline', 'rationale']],
        [2, 'Naproxen', ['rationale']],
      ],
    );
    assert.equal(at(doc.items, 0).reviewerGuideline?.body.text, 'ACOEM, page 303.');
    assert.deepEqual(at(doc.items, 0).reviewerGuideline?.labelRange, r(2, 0, 2, 76));
    assert.equal(at(doc.items, 1).rationale?.conclusion?.polarity, 'positive');
    assert.deepEqual(at(doc.items, 1).range, r(4, 0, 6, 48));
  });
});

describe('L3a fixture (no header, inline credentials, era 1)', () => {
  const { doc } = load('L3a.txt');

  test('layout and variant', () => {
    assert.equal(doc.layout, 'L3');
    assert.deepEqual(doc.variant, { hasHeader: false, credentialsForm: 'inline', citationEra: 1, extraction: 'plain' });
    assert.deepEqual(sectionsOf(doc), L3_SECTIONS);
    assert.deepEqual(at(doc.sections, 0).headingRange, r(0, 0, 0, 40));
    assert.deepEqual(at(doc.sections, 2).headingRange, r(24, 0, 24, 36));
    assert.deepEqual(doc.problems, []);
  });

  test('credentials', () => {
    assert.deepEqual(
      doc.credentials?.specialties.map((s) => [s.text, s.range]),
      [['Anesthesiology', r(3, 31, 3, 45)]],
    );
    assert.deepEqual(
      doc.credentials?.states.map((s) => s.text),
      ['California'],
    );
  });

  test('items, decisions (two spaces before Overturned), fields and conclusions', () => {
    assert.deepEqual(
      doc.items.map((i) => i.text.text),
      ['Cervical epidural steroid injection at C5-6', 'Magnetic resonance imaging (MRI) of the lumbar spine'],
    );
    assert.deepEqual(doc.items.map(decisionOf), [
      { value: 'Upheld', raw: 'Upheld' },
      { value: 'Overturned', raw: 'Overturned' },
    ]);
    assert.deepEqual(at(doc.items, 1).decision?.range, r(43, 55, 43, 65));
    for (const item of doc.items)
      assert.deepEqual(fieldKinds(item), ['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale']);
    assert.deepEqual(
      doc.items.map((i) => i.rationale?.conclusion?.polarity),
      ['negative', 'positive'],
    );
  });

  test('era-1 citations: ACOEM chapters with pages, Chronic Pain guidelines, the not-MTUS lead-in', () => {
    const [esi, mri] = exactly(doc.items, 2);
    assert.deepEqual(esi.claimsAdministratorGuideline?.guideline?.party, 'Claims Administrator');
    assert.equal(esi.claimsAdministratorGuideline?.guideline?.outsideMtus, true);
    assert.deepEqual(citations(esi.claimsAdministratorGuideline), [{ kind: 'non-mtus', source: 'ODG', parts: [] }]);
    assert.deepEqual(citations(esi.reviewerGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [
          {
            title: 'Chronic Pain Medical Treatment',
            year: undefined,
            chapter: undefined,
            pages: [{ from: 46 }],
            sections: [],
          },
        ],
      },
    ]);
    assert.deepEqual(citations(mri.claimsAdministratorGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [
          { title: 'Low Back Complaints', year: undefined, chapter: 12, pages: [{ from: 303, to: 304 }], sections: [] },
        ],
      },
    ]);
    assert.deepEqual(citations(mri.reviewerGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [{ title: 'Low Back Complaints', year: undefined, chapter: 12, pages: [{ from: 300 }], sections: [] }],
      },
    ]);
  });
});

describe('L3b fixture (no header, block credentials)', () => {
  const { doc } = load('L3b.txt');

  test('layout and variant', () => {
    assert.equal(doc.layout, 'L3');
    assert.deepEqual(doc.variant, { hasHeader: false, credentialsForm: 'block', citationEra: 1, extraction: 'plain' });
    assert.deepEqual(sectionsOf(doc), L3_SECTIONS);
    assert.deepEqual(at(doc.sections, 1).headingRange, r(14, 0, 14, 21));
    assert.deepEqual(doc.problems, []);
  });

  test('block credentials: states without spaces, two specialties', () => {
    assert.equal(doc.credentials?.form, 'block');
    assert.deepEqual(doc.credentials?.range, r(10, 0, 12, 68));
    assert.deepEqual(
      doc.credentials?.states.map((s) => [s.text, s.range]),
      [
        ['Texas', r(11, 23, 11, 28)],
        ['New York', r(11, 29, 11, 37)],
        ['California', r(11, 38, 11, 48)],
      ],
    );
    assert.deepEqual(
      doc.credentials?.specialties.map((s) => s.text),
      ['Internal Medicine', 'Occupational Medicine'],
    );
  });

  test('items, including a wrapped item whose decision stands alone on the next line', () => {
    assert.deepEqual(
      doc.items.map((i) => i.text.text),
      [
        'Tramadol ER 150mg #30',
        'Follow-up visit with pain management in four to six weeks for medication management and review of the home exercise program',
      ],
    );
    assert.deepEqual(doc.items.map(decisionOf), [
      { value: 'Upheld', raw: 'Upheld' },
      { value: 'Overturned', raw: 'Overturned' },
    ]);
    assert.deepEqual(at(doc.items, 1).decision?.range, r(50, 0, 50, 10));
    assert.deepEqual(at(doc.items, 1).headingRange, r(48, 0, 50, 10));
    assert.deepEqual(
      doc.items.map((i) => i.rationale?.conclusion?.polarity),
      ['negative', 'positive'],
    );
  });

  test('citations: page lists, no evidence, not-MTUS with an ODG chapter', () => {
    const [tramadol, visit] = exactly(doc.items, 2);
    assert.deepEqual(citations(tramadol.reviewerGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [
          {
            title: 'Chronic Pain Medical Treatment',
            year: undefined,
            chapter: undefined,
            pages: [
              { from: 76, to: 80 },
              { from: 93, to: 94 },
            ],
            sections: [],
          },
        ],
      },
    ]);
    assert.equal(visit.claimsAdministratorGuideline?.guideline?.noEvidence, true);
    assert.deepEqual(visit.claimsAdministratorGuideline?.guideline?.noEvidenceRange, r(52, 32, 53, 13));
    assert.equal(visit.reviewerGuideline?.guideline?.party, 'Expert Reviewer');
    assert.equal(at(visit.reviewerGuideline?.guideline?.citations, 0).chapter, 'Pain (Chronic)');
  });
});

describe('L3-doubled-crlf fixture (L3-2016 doubled, CRLF, BOM, form feed, tabs, trailing spaces)', () => {
  const { text, doc, source } = load('L3-doubled-crlf.txt');

  test('the fixture holds the artefacts it is meant to test', () => {
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.equal(text.split('\r\n').length, 133);
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
    assert.equal(source.lineAt(74).startsWith('\fClaims Administrator guideline:'), true);
    assert.equal(source.lineAt(52).endsWith('radiating to the left leg, '), true);
    assert.equal(source.lineAt(56).startsWith('rated 6/10'), true);
    assert.deepEqual([source.lineAt(53), source.lineAt(54), source.lineAt(55)], ['', '', '']); // a seed-style page break
    assert.match(source.lineAt(8), /^\t\t\tReceived: $/);
    assert.match(source.lineAt(36), / \t$/);
  });

  test('layout, variant and sections with heading ranges in original line numbers', () => {
    assert.equal(doc.layout, 'L3');
    assert.deepEqual(doc.variant, { hasHeader: true, credentialsForm: 'block', citationEra: 2, extraction: 'doubled' });
    assert.equal(doc.lineCount, 133);
    assert.deepEqual(doc.range, r(0, 0, 132, 0));
    assert.deepEqual(sectionsOf(doc), L3_SECTIONS);
    assert.deepEqual(
      doc.sections.map((s) => s.headingRange),
      [r(12, 0, 12, 40), r(40, 0, 40, 21), r(66, 0, 66, 36)],
    );
    // The case summary runs across the empty-line page break (lines 53-55) to its last line.
    assert.deepEqual(at(doc.sections, 1).bodyRange, r(42, 0, 62, 31));
    assert.deepEqual(doc.problems, []);
  });

  test('header: tab-separated, the BOM before the first label counted', () => {
    assert.deepEqual(headerValues(doc), {
      caseNumber: 'CM16-0234567',
      dateAssigned: '11/28/2016',
      dateOfInjury: '08/21/2014',
      decisionDate: '12/22/2016',
      urDenialDate: '11/10/2016',
      priority: 'Standard',
      applicationReceived: '11/18/2016',
    });
    const caseNumber = defined(defined(doc.header).fields.caseNumber);
    assert.deepEqual([caseNumber.labelRange, caseNumber.valueRange], [r(0, 1, 0, 13), r(0, 14, 0, 26)]);
    assert.equal(source.getText(caseNumber.valueRange), 'CM16-0234567');
    assert.deepEqual(defined(defined(doc.header).fields.applicationReceived).labelRange, r(6, 20, 8, 12));
  });

  test('credentials: block form, trailing tab dropped', () => {
    assert.deepEqual(
      doc.credentials?.states.map((s) => s.text),
      ['California'],
    );
    assert.deepEqual(
      doc.credentials?.specialties.map((s) => [s.text, s.range]),
      [['Physical Medicine & Rehabilitation', r(36, 28, 36, 62)]],
    );
  });

  test('item heading, decision word and a field label after a form feed land on the original text', () => {
    const [esi, pt] = exactly(doc.items, 2);
    assert.equal(esi.text.text, 'Lumbar epidural steroid injection at L4-L5');
    assert.deepEqual(esi.headingRange, r(72, 0, 72, 50));
    assert.equal(source.getText(esi.headingRange), 'Lumbar epidural steroid injection at L4-L5: Upheld');
    assert.deepEqual(esi.decision, { value: 'Upheld', raw: 'Upheld', range: r(72, 44, 72, 50) });
    assert.equal(source.getText(esi.decision.range), 'Upheld');
    const label = defined(esi.claimsAdministratorGuideline);
    assert.deepEqual(label.labelRange, r(74, 1, 74, 32));
    assert.equal(source.getText(label.labelRange), 'Claims Administrator guideline:');
    assert.deepEqual(label.body.range, r(74, 33, 76, 47));
    assert.equal(source.getText(r(76, 0, 76, 47)), 'Section(s): Epidural steroid injections (ESIs).');
    // The rationale's last lines: one starts with a tab, every one ends with a space.
    assert.deepEqual(esi.rationale?.conclusion?.sentence.range, r(94, 68, 96, 70));
    assert.equal(esi.rationale?.conclusion?.polarity, 'negative');
    // Item 2: text ending in a colon, the decision alone two source lines below it.
    assert.equal(pt.text.text, 'Physical therapy 2 times a week for 4 weeks for the lumbar spine');
    assert.deepEqual(pt.text.range, r(100, 0, 100, 64));
    assert.deepEqual(pt.decision, { value: 'Overturned', raw: 'Overturned', range: r(102, 0, 102, 10) });
    assert.deepEqual(pt.range, r(100, 0, 128, 50));
    assert.equal(pt.rationale?.conclusion?.polarity, 'positive');
  });

  test('era-2 citations, two parts joined by ", and"', () => {
    const [esi, pt] = exactly(doc.items, 2);
    assert.deepEqual(citations(esi.reviewerGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [
          {
            title: 'Chronic Pain Medical Treatment',
            year: 2016,
            chapter: undefined,
            pages: [],
            sections: ['Epidural steroid injections (ESIs)'],
          },
        ],
      },
    ]);
    assert.deepEqual(citations(pt.claimsAdministratorGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [
          { title: 'Low Back Complaints', year: 2004, chapter: undefined, pages: [], sections: ['Physical Methods'] },
          {
            title: 'Chronic Pain Medical Treatment',
            year: 2016,
            chapter: undefined,
            pages: [],
            sections: ['Physical medicine treatment'],
          },
        ],
      },
    ]);
  });
});
