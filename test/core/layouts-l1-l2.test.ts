// Layouts L2 and L1, read from the fixture letters in test/fixtures/layouts. Ranges are zero-based, in the ORIGINAL text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import type { ImrDocument } from '../../server/src/core/model';
import {
  load,
  r,
  folded,
  sectionsOf,
  fieldKinds,
  decisionOf,
  citations,
  headerValues,
  problemCodes,
} from './layouts-helpers';
import { at, defined, exactly, only } from '../support/elements';

describe('L2 fixture [parser: unverified layout]', () => {
  const { doc, source } = load('L2.txt');

  test('is L2, with a header, inline credentials and era-1 citations', () => {
    assert.equal(doc.layout, 'L2');
    assert.deepEqual(doc.variant, { hasHeader: true, credentialsForm: 'inline', citationEra: 1, extraction: 'plain' });
  });

  test('reports the unverified layout at its first heading, and nothing else', () => {
    assert.deepEqual(problemCodes(doc), [['unverified-layout', 'information']]);
    assert.deepEqual(at(doc.problems, 0).range, r(8, 0, 8, 40));
  });

  test('sections follow the L2 headings, with exact ranges', () => {
    assert.deepEqual(sectionsOf(doc), [
      ['howMade', 'HOW THE IMR FINAL DETERMINATION WAS MADE'],
      ['documentsReviewed', 'DOCUMENTS REVIEWED'],
      ['caseSummary', 'CLINICAL CASE SUMMARY'],
      ['decisions', 'IMR DECISION(S) AND RATIONALE(S)'],
    ]);
    const documents = at(doc.sections, 1);
    assert.deepEqual(documents.headingRange, r(19, 0, 19, 18));
    assert.deepEqual(documents.bodyRange, r(20, 0, 25, 79));
    assert.equal(source.lineAt(25), 'Medical records from the orthopedic surgeon dated 10/02/2013 through 02/19/2014');
    assert.deepEqual(at(doc.sections, 3).headingRange, r(40, 0, 40, 32));
  });

  test('reads the header below the two MAXIMUS lines', () => {
    assert.deepEqual(headerValues(doc), {
      caseNumber: 'CM14-0045678',
      dateAssigned: '04/08/2014',
      dateOfInjury: '06/02/2012',
      decisionDate: '05/06/2014',
      urDenialDate: '03/18/2014',
      priority: 'Standard',
      applicationReceived: '03/27/2014',
    });
    const ur = defined(defined(doc.header).fields.urDenialDate);
    assert.deepEqual([ur.labelRange, ur.valueRange], [r(4, 56, 4, 71), r(4, 77, 4, 87)]);
    assert.deepEqual(defined(defined(doc.header).fields.applicationReceived).labelRange, r(5, 56, 6, 65));
  });

  test('reads the inline credentials', () => {
    assert.equal(doc.credentials?.form, 'inline');
    assert.deepEqual(
      doc.credentials?.states.map((s) => s.text),
      ['California'],
    );
    assert.deepEqual(
      doc.credentials?.specialties.map((s) => [s.text, s.range]),
      [['Orthopedic Surgery', r(11, 31, 11, 49)]],
    );
  });

  test('reads two items through the L3 item parser', () => {
    assert.deepEqual(
      doc.items.map((i) => i.text.text),
      ['Right knee arthroscopy with partial medial meniscectomy', 'Ketoprofen 20% cream 120gm'],
    );
    assert.deepEqual(doc.items.map(decisionOf), [
      { value: 'Overturned', raw: 'Overturned' },
      { value: 'Upheld', raw: 'Upheld' },
    ]);
    assert.deepEqual(
      doc.items.map((i) => i.decision?.range),
      [r(43, 57, 43, 67), r(62, 28, 62, 34)],
    );
    for (const item of doc.items)
      assert.deepEqual(fieldKinds(item), ['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale']);
    assert.deepEqual(
      doc.items.map((i) => i.rationale?.conclusion?.polarity),
      ['positive', 'negative'],
    );
  });

  test('parses era-1 citations, including `Page(s):` ending a line', () => {
    const [knee, ketoprofen] = exactly(doc.items, 2);
    assert.equal(knee.claimsAdministratorGuideline?.guideline?.outsideMtus, true);
    assert.deepEqual(citations(knee.claimsAdministratorGuideline), [{ kind: 'non-mtus', source: 'ODG', parts: [] }]);
    assert.deepEqual(citations(knee.reviewerGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [
          { title: 'Knee Complaints', year: undefined, chapter: 13, pages: [{ from: 344, to: 345 }], sections: [] },
        ],
      },
    ]);
    assert.deepEqual(citations(ketoprofen.reviewerGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [
          {
            title: 'Chronic Pain Medical Treatment',
            year: undefined,
            chapter: undefined,
            pages: [{ from: 111, to: 113 }],
            sections: [],
          },
        ],
      },
    ]);
  });
});

describe('L1 fixture (2013; item blocks [recall])', () => {
  const { doc, source } = load('L1.txt');

  test('is L1 without a header block, with inline credentials and no citation era; its dates form the header', () => {
    assert.equal(doc.layout, 'L1');
    assert.deepEqual(doc.variant, {
      hasHeader: false,
      credentialsForm: 'inline',
      citationEra: undefined,
      extraction: 'plain',
    });
    // `Dated: 9/3/2013` (line 3), and the paragraph's "received on 7/22/2013", "dated 7/12/2013", "on 7/30/2013".
    assert.deepEqual(
      Object.values(doc.header?.fields ?? {}).map((f) => [f.name, f.value, f.valueRange.start]),
      [
        ['decisionDate', '9/3/2013', { line: 2, character: 7 }],
        ['applicationReceived', '7/22/2013', { line: 15, character: 63 }],
        ['urDenialDate', '7/12/2013', { line: 16, character: 39 }],
        ['noticeOfAssignment', '7/30/2013', { line: 17, character: 43 }],
      ],
    );
    assert.deepEqual(doc.problems, []);
  });

  test('sections follow the L1 headings', () => {
    assert.deepEqual(sectionsOf(doc), [
      ['findings', 'Notice of Independent Medical Review Determination'],
      ['decisions', 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE'],
      ['qualifications', 'Medical Qualifications of the Expert Reviewer:'],
      ['caseSummary', 'Case Summary:'],
    ]);
    assert.deepEqual(at(doc.sections, 1).headingRange, r(14, 0, 14, 49));
    // The qualifications text follows its heading on the same line.
    assert.deepEqual(at(doc.sections, 2).headingRange, r(28, 0, 28, 46));
    assert.deepEqual(at(doc.sections, 2).bodyRange, r(28, 47, 35, 45));
  });

  test('the case summary ends before the first item block', () => {
    const summary = at(doc.sections, 3);
    assert.deepEqual(summary.headingRange, r(37, 0, 37, 13));
    assert.deepEqual(summary.bodyRange, r(38, 0, 49, 15));
    assert.deepEqual(summary.range, r(37, 0, 49, 15));
    assert.equal(source.lineAt(49), 'Terocin lotion.');
    assert.equal(source.lineAt(51).startsWith('1) Regarding the request for'), true);
  });

  test('reads the older inline credentials: "physician reviewer", a comma before "and", `inCalifornia`', () => {
    assert.equal(doc.credentials?.form, 'inline');
    assert.deepEqual(
      doc.credentials?.specialties.map((s) => [s.text, s.range]),
      [['Physical Medicine and Rehabilitation', r(29, 0, 29, 36)]],
    );
    assert.deepEqual(
      doc.credentials?.states.map((s) => [s.text, s.range]),
      [['California', r(29, 68, 29, 78)]],
    );
  });

  test('reads the numbered findings after `Dated:` and their repeat', () => {
    const expected = [
      { number: 1, item: 'lumbar epidural steroid injection at L4-5 and L5-S1', polarity: 'negative' },
      { number: 2, item: '8 sessions of physical therapy for the lumbar spine', polarity: 'positive' },
      {
        number: 3,
        item: 'Terocin lotion (methyl salicylate 25%, capsaicin 0.025%, menthol 10%, lidocaine 2.5%) 120 ml',
        polarity: 'negative',
      },
    ];
    const simple = (list: NonNullable<ImrDocument['findings']>['summary']) =>
      list.map((f) => ({ number: f.number, item: f.item.text, polarity: f.polarity }));
    const findings = doc.findings;
    assert.ok(findings, 'the letter has a findings list');
    assert.deepEqual(simple(findings.summary), expected);
    assert.deepEqual(simple(findings.repeated), expected);
    const [first, , third] = exactly(findings.summary, 3);
    assert.deepEqual(first.range, r(6, 0, 7, 71));
    assert.deepEqual(first.item.range, r(6, 65, 7, 27));
    // Finding 3 wraps over three lines; its item over two.
    assert.deepEqual(third.range, r(10, 0, 12, 26));
    assert.deepEqual(third.item.range, r(10, 65, 11, 69));
    assert.deepEqual(at(findings.repeated, 0).range, r(20, 0, 21, 71));
  });

  test('reads three item blocks: text, heading and decision from the closing sentence', () => {
    assert.deepEqual(
      doc.items.map((i) => i.text.text),
      defined(doc.findings).summary.map((f) => f.item.text),
    );
    assert.deepEqual(
      doc.items.map((i) => i.index),
      [1, 2, 3],
    );
    assert.deepEqual(doc.items.map(decisionOf), [
      { value: 'Upheld', raw: 'is not medically necessary and appropriate' },
      { value: 'Overturned', raw: 'is medically necessary and appropriate' },
      { value: 'Upheld', raw: 'is not medically necessary and appropriate' },
    ]);
    const [first, second, third] = exactly(doc.items, 3);
    // The closing sentence of item 1 wraps: its decision runs over two lines.
    assert.deepEqual(first.decision?.range, r(66, 68, 67, 11));
    assert.equal(folded(source, first.decision.range), 'is not medically necessary and appropriate');
    assert.deepEqual(second.decision?.range, r(82, 6, 82, 44));
    assert.deepEqual(first.headingRange, r(51, 0, 51, 81));
    assert.deepEqual(first.text.range, r(51, 29, 51, 80));
    assert.deepEqual(first.range, r(51, 0, 67, 12));
    // Item 3's heading wraps.
    assert.deepEqual(third.headingRange, r(84, 0, 85, 28));
    assert.deepEqual(third.text.range, r(84, 29, 85, 27));
  });

  test('matches the wrapping labels wherever they wrap, and starts each body after the colon', () => {
    const CA = 'Section of the Medical Treatment Utilization Schedule (MTUS) used by the Claims Administrator:';
    const MX =
      'Section of the Medical Treatment Utilization Schedule (MTUS) relied upon by the Expert Reviewer in making his/her decision:';
    for (const item of doc.items) {
      assert.deepEqual(fieldKinds(item), ['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale']);
      assert.deepEqual(
        item.fields.map((f) => f.label),
        [CA, MX, 'Rationale for the Decision:'],
      );
    }
    const [first, second] = exactly(doc.items, 3);
    // Item 1: the claims administrator label wraps before "Administrator:", the body goes on after it.
    assert.deepEqual(first.claimsAdministratorGuideline?.labelRange, r(52, 0, 53, 14));
    assert.deepEqual(first.claimsAdministratorGuideline?.body.range.start, { line: 53, character: 15 });
    assert.match(
      first.claimsAdministratorGuideline.body.text,
      /^The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, Epidural Steroid Injections \(ESIs\), page 46, which is part of the MTUS\.$/,
    );
    // Item 1: the reviewer label wraps before "in making"; the rationale label stands alone, its body below.
    assert.deepEqual(first.reviewerGuideline?.labelRange, r(55, 0, 56, 27));
    assert.deepEqual(first.rationale?.labelRange, r(58, 0, 58, 27));
    assert.deepEqual(first.rationale?.body.range.start, { line: 59, character: 0 });
    // Item 2: the claims administrator label fills its line, the body starts on the next; the reviewer
    // label wraps before "Reviewer".
    assert.deepEqual(second.claimsAdministratorGuideline?.labelRange, r(70, 0, 70, 94));
    assert.deepEqual(second.claimsAdministratorGuideline?.body.range.start, { line: 71, character: 0 });
    assert.deepEqual(second.reviewerGuideline?.labelRange, r(73, 0, 74, 36));
    assert.equal(
      second.reviewerGuideline?.body.text.startsWith('The Expert Reviewer found the section of the MTUS'),
      true,
    );
  });

  test('runs the necessity conclusion on each rationale; the bodies carry no L3-grammar citations', () => {
    assert.deepEqual(
      doc.items.map((i) => i.rationale?.conclusion?.polarity),
      ['negative', 'positive', 'negative'],
    );
    assert.equal(
      at(doc.items, 1).rationale?.conclusion?.sentence.text,
      'The request for 8 sessions of physical therapy for the lumbar spine is medically necessary and appropriate.',
    );
    for (const item of doc.items) {
      assert.deepEqual(citations(item.claimsAdministratorGuideline), []);
      assert.deepEqual(citations(item.reviewerGuideline), []);
    }
  });
});

describe('L1 variations (synthetic)', () => {
  test('an item text with a colon, a label with doubled spaces, an empty rationale, no closing sentence', () => {
    const text = [
      'Notice of Independent Medical Review Determination',
      'Dated: 10/1/2013',
      '1) MAXIMUS Federal Services, Inc. has determined the request for Labs to include: EKG is medically',
      'necessary and appropriate.',
      'Case Summary:',
      'Summary text.',
      '1) Regarding the request for Labs to include: EKG:',
      'Section of the Medical Treatment  Utilization Schedule (MTUS) used by the',
      'Claims Administrator:',
      'Rationale for the Decision:',
    ].join('\n');
    const doc = parse(text);
    assert.equal(doc.layout, 'L1');
    assert.deepEqual(
      doc.findings?.summary.map((f) => [f.number, f.item.text, f.polarity]),
      [[1, 'Labs to include: EKG', 'positive']],
    );
    assert.deepEqual(doc.findings?.repeated, []);
    const item = only(doc.items);
    assert.equal(item.text.text, 'Labs to include: EKG');
    assert.deepEqual(item.text.range, r(6, 29, 6, 49));
    assert.equal(item.decision, undefined);
    assert.deepEqual(fieldKinds(item), ['claimsAdministratorGuideline', 'rationale']);
    assert.equal(
      item.claimsAdministratorGuideline?.label,
      'Section of the Medical Treatment  Utilization Schedule (MTUS) used by the Claims Administrator:',
    );
    assert.deepEqual(item.claimsAdministratorGuideline?.labelRange, r(7, 0, 8, 21));
    assert.equal(item.claimsAdministratorGuideline?.body.text, '');
    assert.equal(item.rationale?.body.text, '');
    assert.deepEqual(item.rationale?.range, r(9, 0, 9, 27));
    assert.deepEqual(doc.sections.find((s) => s.kind === 'caseSummary')?.bodyRange, r(5, 0, 5, 13));
  });
});
