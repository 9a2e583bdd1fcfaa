// Layouts L0, L1, L2 and the L3 variants, read from the fixture letters in test/fixtures/layouts (see its
// README for what each models and which details are unverified). Ranges are zero-based, in the ORIGINAL text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from '../../server/src/core/parse';
import { SourceText } from '../../server/src/core/source';
import type { DisputedItem, Field, ImrDocument, Range } from '../../server/src/core/model';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'layouts');

function load(name: string): { text: string; doc: ImrDocument; source: SourceText } {
  const text = readFileSync(path.join(FIXTURES, name), 'utf8');
  return { text, doc: parse(text), source: new SourceText(text) };
}

function r(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/** The source text under a range, line breaks and runs of blanks folded to one space. */
function folded(source: SourceText, range: Range): string {
  return source.getText(range).replace(/\s+/g, ' ');
}

const sectionsOf = (doc: ImrDocument) => doc.sections.map((s) => [s.kind, s.title]);
const fieldKinds = (item: DisputedItem) => item.fields.map((f) => f.kind);
const decisionOf = (item: DisputedItem) => item.decision && { value: item.decision.value, raw: item.decision.raw };
const citations = (f: Field | undefined) =>
  f?.guideline?.citations.map((c) => ({
    kind: c.kind,
    source: c.source,
    parts: c.parts.map((p) => ({ title: p.title, year: p.year, chapter: p.chapter, pages: p.pages.map(({ from, to }) => (to === undefined ? { from } : { from, to })), sections: p.sections.map((s) => s.name) })),
  }));
const headerValues = (doc: ImrDocument) =>
  Object.fromEntries(Object.values(doc.header?.fields ?? {}).map((f) => [f.name, f.value]));
const problemCodes = (doc: ImrDocument) => doc.problems.map((p) => [p.code, p.severity]);

const L3_SECTIONS = [
  ['howMade', 'HOW THE IMR FINAL DETERMINATION WAS MADE'],
  ['caseSummary', 'CLINICAL CASE SUMMARY'],
  ['decisions', 'IMR ISSUES, DECISIONS AND RATIONALES'],
];

describe('L2 fixture [parser: unverified layout]', () => {
  const { doc, source } = load('L2.txt');

  test('is L2, with a header, inline credentials and era-1 citations', () => {
    assert.equal(doc.layout, 'L2');
    assert.deepEqual(doc.variant, { hasHeader: true, credentialsForm: 'inline', citationEra: 1, extraction: 'plain' });
  });

  test('reports the unverified layout at its first heading, and nothing else', () => {
    assert.deepEqual(problemCodes(doc), [['unverified-layout', 'information']]);
    assert.deepEqual(doc.problems[0].range, r(8, 0, 8, 40));
  });

  test('sections follow the L2 headings, with exact ranges', () => {
    assert.deepEqual(sectionsOf(doc), [
      ['howMade', 'HOW THE IMR FINAL DETERMINATION WAS MADE'],
      ['documentsReviewed', 'DOCUMENTS REVIEWED'],
      ['caseSummary', 'CLINICAL CASE SUMMARY'],
      ['decisions', 'IMR DECISION(S) AND RATIONALE(S)'],
    ]);
    const documents = doc.sections[1];
    assert.deepEqual(documents.headingRange, r(19, 0, 19, 18));
    assert.deepEqual(documents.bodyRange, r(20, 0, 25, 79));
    assert.equal(source.lineAt(25), 'Medical records from the orthopedic surgeon dated 10/02/2013 through 02/19/2014');
    assert.deepEqual(doc.sections[3].headingRange, r(40, 0, 40, 32));
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
    const ur = doc.header!.fields.urDenialDate!;
    assert.deepEqual([ur.labelRange, ur.valueRange], [r(4, 56, 4, 71), r(4, 77, 4, 87)]);
    assert.deepEqual(doc.header!.fields.applicationReceived!.labelRange, r(5, 56, 6, 65));
  });

  test('reads the inline credentials', () => {
    assert.equal(doc.credentials?.form, 'inline');
    assert.deepEqual(doc.credentials?.states.map((s) => s.text), ['California']);
    assert.deepEqual(doc.credentials?.specialties.map((s) => [s.text, s.range]), [['Orthopedic Surgery', r(11, 31, 11, 49)]]);
  });

  test('reads two items through the L3 item parser', () => {
    assert.deepEqual(doc.items.map((i) => i.text.text), ['Right knee arthroscopy with partial medial meniscectomy', 'Ketoprofen 20% cream 120gm']);
    assert.deepEqual(doc.items.map(decisionOf), [{ value: 'Overturned', raw: 'Overturned' }, { value: 'Upheld', raw: 'Upheld' }]);
    assert.deepEqual(doc.items.map((i) => i.decision?.range), [r(43, 57, 43, 67), r(62, 28, 62, 34)]);
    for (const item of doc.items) assert.deepEqual(fieldKinds(item), ['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale']);
    assert.deepEqual(doc.items.map((i) => i.rationale?.conclusion?.polarity), ['positive', 'negative']);
  });

  test('parses era-1 citations, including `Page(s):` ending a line', () => {
    const [knee, ketoprofen] = doc.items;
    assert.equal(knee.claimsAdministratorGuideline?.guideline?.outsideMtus, true);
    assert.deepEqual(citations(knee.claimsAdministratorGuideline), [{ kind: 'non-mtus', source: 'ODG', parts: [] }]);
    assert.deepEqual(citations(knee.reviewerGuideline), [
      { kind: 'mtus', source: undefined, parts: [{ title: 'Knee Complaints', year: undefined, chapter: 13, pages: [{ from: 344, to: 345 }], sections: [] }] },
    ]);
    assert.deepEqual(citations(ketoprofen.reviewerGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [{ title: 'Chronic Pain Medical Treatment', year: undefined, chapter: undefined, pages: [{ from: 111, to: 113 }], sections: [] }],
      },
    ]);
  });
});

describe('L1 fixture (2013; item blocks [recall])', () => {
  const { doc, source } = load('L1.txt');

  test('is L1 without a header, with inline credentials and no citation era', () => {
    assert.equal(doc.layout, 'L1');
    assert.deepEqual(doc.variant, { hasHeader: false, credentialsForm: 'inline', citationEra: undefined, extraction: 'plain' });
    assert.equal(doc.header, undefined);
    assert.deepEqual(doc.problems, []);
  });

  test('sections follow the L1 headings', () => {
    assert.deepEqual(sectionsOf(doc), [
      ['findings', 'Notice of Independent Medical Review Determination'],
      ['decisions', 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE'],
      ['qualifications', 'Medical Qualifications of the Expert Reviewer:'],
      ['caseSummary', 'Case Summary:'],
    ]);
    assert.deepEqual(doc.sections[1].headingRange, r(14, 0, 14, 49));
    // The qualifications text follows its heading on the same line.
    assert.deepEqual(doc.sections[2].headingRange, r(28, 0, 28, 46));
    assert.deepEqual(doc.sections[2].bodyRange, r(28, 47, 35, 45));
  });

  test('the case summary ends before the first item block', () => {
    const summary = doc.sections[3];
    assert.deepEqual(summary.headingRange, r(37, 0, 37, 13));
    assert.deepEqual(summary.bodyRange, r(38, 0, 49, 15));
    assert.deepEqual(summary.range, r(37, 0, 49, 15));
    assert.equal(source.lineAt(49), 'Terocin lotion.');
    assert.equal(source.lineAt(51).startsWith('1) Regarding the request for'), true);
  });

  test('reads the older inline credentials: "physician reviewer", a comma before "and", `inCalifornia`', () => {
    assert.equal(doc.credentials?.form, 'inline');
    assert.deepEqual(doc.credentials?.specialties.map((s) => [s.text, s.range]), [['Physical Medicine and Rehabilitation', r(29, 0, 29, 36)]]);
    assert.deepEqual(doc.credentials?.states.map((s) => [s.text, s.range]), [['California', r(29, 68, 29, 78)]]);
  });

  test('reads the numbered findings after `Dated:` and their repeat', () => {
    const expected = [
      { number: 1, item: 'lumbar epidural steroid injection at L4-5 and L5-S1', polarity: 'negative' },
      { number: 2, item: '8 sessions of physical therapy for the lumbar spine', polarity: 'positive' },
      { number: 3, item: 'Terocin lotion (methyl salicylate 25%, capsaicin 0.025%, menthol 10%, lidocaine 2.5%) 120 ml', polarity: 'negative' },
    ];
    const simple = (list: NonNullable<ImrDocument['findings']>['summary']) =>
      list.map((f) => ({ number: f.number, item: f.item.text, polarity: f.polarity }));
    assert.deepEqual(simple(doc.findings!.summary), expected);
    assert.deepEqual(simple(doc.findings!.repeated), expected);
    const [first, , third] = doc.findings!.summary;
    assert.deepEqual(first.range, r(6, 0, 7, 71));
    assert.deepEqual(first.item.range, r(6, 65, 7, 27));
    // Finding 3 wraps over three lines; its item over two.
    assert.deepEqual(third.range, r(10, 0, 12, 26));
    assert.deepEqual(third.item.range, r(10, 65, 11, 69));
    assert.deepEqual(doc.findings!.repeated[0].range, r(20, 0, 21, 71));
  });

  test('reads three item blocks: text, heading and decision from the closing sentence', () => {
    assert.deepEqual(
      doc.items.map((i) => i.text.text),
      doc.findings!.summary.map((f) => f.item.text),
    );
    assert.deepEqual(doc.items.map((i) => i.index), [1, 2, 3]);
    assert.deepEqual(doc.items.map(decisionOf), [
      { value: 'Upheld', raw: 'is not medically necessary and appropriate' },
      { value: 'Overturned', raw: 'is medically necessary and appropriate' },
      { value: 'Upheld', raw: 'is not medically necessary and appropriate' },
    ]);
    const [first, second, third] = doc.items;
    // The closing sentence of item 1 wraps: its decision runs over two lines.
    assert.deepEqual(first.decision?.range, r(66, 68, 67, 11));
    assert.equal(folded(source, first.decision!.range), 'is not medically necessary and appropriate');
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
    const MX = 'Section of the Medical Treatment Utilization Schedule (MTUS) relied upon by the Expert Reviewer in making his/her decision:';
    for (const item of doc.items) {
      assert.deepEqual(fieldKinds(item), ['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale']);
      assert.deepEqual(item.fields.map((f) => f.label), [CA, MX, 'Rationale for the Decision:']);
    }
    const [first, second] = doc.items;
    // Item 1: the claims administrator label wraps before "Administrator:", the body goes on after it.
    assert.deepEqual(first.claimsAdministratorGuideline?.labelRange, r(52, 0, 53, 14));
    assert.deepEqual(first.claimsAdministratorGuideline?.body.range.start, { line: 53, character: 15 });
    assert.match(first.claimsAdministratorGuideline!.body.text, /^The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, Epidural Steroid Injections \(ESIs\), page 46, which is part of the MTUS\.$/);
    // Item 1: the reviewer label wraps before "in making"; the rationale label stands alone, its body below.
    assert.deepEqual(first.reviewerGuideline?.labelRange, r(55, 0, 56, 27));
    assert.deepEqual(first.rationale?.labelRange, r(58, 0, 58, 27));
    assert.deepEqual(first.rationale?.body.range.start, { line: 59, character: 0 });
    // Item 2: the claims administrator label fills its line, the body starts on the next; the reviewer
    // label wraps before "Reviewer".
    assert.deepEqual(second.claimsAdministratorGuideline?.labelRange, r(70, 0, 70, 94));
    assert.deepEqual(second.claimsAdministratorGuideline?.body.range.start, { line: 71, character: 0 });
    assert.deepEqual(second.reviewerGuideline?.labelRange, r(73, 0, 74, 36));
    assert.equal(second.reviewerGuideline?.body.text.startsWith('The Expert Reviewer found the section of the MTUS'), true);
  });

  test('runs the necessity conclusion on each rationale; the bodies carry no L3-grammar citations', () => {
    assert.deepEqual(doc.items.map((i) => i.rationale?.conclusion?.polarity), ['negative', 'positive', 'negative']);
    assert.equal(
      doc.items[1].rationale?.conclusion?.sentence.text,
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
    assert.deepEqual(doc.findings?.summary.map((f) => [f.number, f.item.text, f.polarity]), [[1, 'Labs to include: EKG', 'positive']]);
    assert.deepEqual(doc.findings?.repeated, []);
    const [item] = doc.items;
    assert.equal(item.text.text, 'Labs to include: EKG');
    assert.deepEqual(item.text.range, r(6, 29, 6, 49));
    assert.equal(item.decision, undefined);
    assert.deepEqual(fieldKinds(item), ['claimsAdministratorGuideline', 'rationale']);
    assert.equal(item.claimsAdministratorGuideline?.label, 'Section of the Medical Treatment  Utilization Schedule (MTUS) used by the Claims Administrator:');
    assert.deepEqual(item.claimsAdministratorGuideline?.labelRange, r(7, 0, 8, 21));
    assert.equal(item.claimsAdministratorGuideline?.body.text, '');
    assert.equal(item.rationale?.body.text, '');
    assert.deepEqual(item.rationale?.range, r(9, 0, 9, 27));
    assert.deepEqual(doc.sections.find((s) => s.kind === 'caseSummary')?.bodyRange, r(5, 0, 5, 13));
  });
});

describe('L0 fixture [parser: unverified layout]', () => {
  const { doc, source } = load('L0.txt');

  test('is L0 without a header, with inline credentials', () => {
    assert.equal(doc.layout, 'L0');
    assert.deepEqual(doc.variant, { hasHeader: false, credentialsForm: 'inline', citationEra: undefined, extraction: 'plain' });
    assert.equal(doc.header, undefined);
    assert.equal(doc.findings, undefined);
    assert.deepEqual(problemCodes(doc), [['unverified-layout', 'information']]);
    assert.deepEqual(doc.problems[0].range, r(2, 0, 2, 17));
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
    assert.deepEqual(doc.sections[3].headingRange, r(23, 0, 24, 17));
    assert.deepEqual(doc.sections[3].bodyRange, r(24, 18, 27, 56));
    assert.deepEqual(doc.sections[4].headingRange, r(29, 0, 30, 20));
    assert.equal(source.lineAt(29), 'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT');
  });

  test('reads one item: the issue, the reviewer guideline and the rationale, no decision', () => {
    assert.equal(doc.items.length, 1);
    const [item] = doc.items;
    assert.equal(item.text.text, 'Physical therapy two times a week for six weeks for the lumbar spine (12 sessions)');
    assert.deepEqual(item.text.range, r(2, 18, 3, 9));
    assert.deepEqual(item.headingRange, r(2, 0, 3, 9));
    assert.deepEqual(item.range, r(2, 0, 37, 20));
    assert.equal(item.decision, undefined);
    assert.deepEqual(fieldKinds(item), ['reviewerGuideline', 'rationale']);
    assert.equal(item.claimsAdministratorGuideline, undefined);
    assert.deepEqual(item.reviewerGuideline?.labelRange, r(23, 0, 24, 17));
    assert.equal(item.reviewerGuideline?.label, 'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:');
    assert.match(item.reviewerGuideline!.body.text, /^California Medical Treatment Utilization Schedule \(MTUS\), Chronic Pain Medical Treatment Guidelines \(2009\)/);
    assert.deepEqual(citations(item.reviewerGuideline), []);
    assert.deepEqual(item.rationale?.labelRange, r(29, 0, 30, 20));
    assert.deepEqual(item.rationale?.body.range, r(30, 21, 37, 20));
  });

  test('still reads the rationale conclusion', () => {
    const conclusion = doc.items[0].rationale?.conclusion;
    assert.equal(conclusion?.polarity, 'negative');
    assert.equal(conclusion?.sentence.text, 'The request for 12 additional sessions of physical therapy for the lumbar spine is not medically necessary.');
    assert.deepEqual(conclusion?.sentence.range, r(36, 0, 37, 20));
  });

  test('reads the qualifications sentence [inferred wording]', () => {
    assert.deepEqual(doc.credentials?.specialties.map((s) => s.text), ['Physical Medicine and Rehabilitation']);
    assert.deepEqual(doc.credentials?.states.map((s) => [s.text, s.range]), [['California', r(40, 59, 40, 69)]]);
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
    assert.deepEqual(doc.items.map((i) => [i.index, i.text.text, fieldKinds(i)]), [
      [1, 'Lumbar MRI', ['reviewerGuideline', 'rationale']],
      [2, 'Naproxen', ['rationale']],
    ]);
    assert.equal(doc.items[0].reviewerGuideline?.body.text, 'ACOEM, page 303.');
    assert.deepEqual(doc.items[0].reviewerGuideline?.labelRange, r(2, 0, 2, 76));
    assert.equal(doc.items[1].rationale?.conclusion?.polarity, 'positive');
    assert.deepEqual(doc.items[1].range, r(4, 0, 6, 48));
  });
});

describe('L3a fixture (no header, inline credentials, era 1)', () => {
  const { doc } = load('L3a.txt');

  test('layout and variant', () => {
    assert.equal(doc.layout, 'L3');
    assert.deepEqual(doc.variant, { hasHeader: false, credentialsForm: 'inline', citationEra: 1, extraction: 'plain' });
    assert.deepEqual(sectionsOf(doc), L3_SECTIONS);
    assert.deepEqual(doc.sections[0].headingRange, r(0, 0, 0, 40));
    assert.deepEqual(doc.sections[2].headingRange, r(24, 0, 24, 36));
    assert.deepEqual(doc.problems, []);
  });

  test('credentials', () => {
    assert.deepEqual(doc.credentials?.specialties.map((s) => [s.text, s.range]), [['Anesthesiology', r(3, 31, 3, 45)]]);
    assert.deepEqual(doc.credentials?.states.map((s) => s.text), ['California']);
  });

  test('items, decisions (two spaces before Overturned), fields and conclusions', () => {
    assert.deepEqual(doc.items.map((i) => i.text.text), ['Cervical epidural steroid injection at C5-6', 'Magnetic resonance imaging (MRI) of the lumbar spine']);
    assert.deepEqual(doc.items.map(decisionOf), [{ value: 'Upheld', raw: 'Upheld' }, { value: 'Overturned', raw: 'Overturned' }]);
    assert.deepEqual(doc.items[1].decision?.range, r(43, 55, 43, 65));
    for (const item of doc.items) assert.deepEqual(fieldKinds(item), ['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale']);
    assert.deepEqual(doc.items.map((i) => i.rationale?.conclusion?.polarity), ['negative', 'positive']);
  });

  test('era-1 citations: ACOEM chapters with pages, Chronic Pain guidelines, the not-MTUS lead-in', () => {
    const [esi, mri] = doc.items;
    assert.deepEqual(esi.claimsAdministratorGuideline?.guideline?.party, 'Claims Administrator');
    assert.equal(esi.claimsAdministratorGuideline?.guideline?.outsideMtus, true);
    assert.deepEqual(citations(esi.claimsAdministratorGuideline), [{ kind: 'non-mtus', source: 'ODG', parts: [] }]);
    assert.deepEqual(citations(esi.reviewerGuideline), [
      { kind: 'mtus', source: undefined, parts: [{ title: 'Chronic Pain Medical Treatment', year: undefined, chapter: undefined, pages: [{ from: 46 }], sections: [] }] },
    ]);
    assert.deepEqual(citations(mri.claimsAdministratorGuideline), [
      { kind: 'mtus', source: undefined, parts: [{ title: 'Low Back Complaints', year: undefined, chapter: 12, pages: [{ from: 303, to: 304 }], sections: [] }] },
    ]);
    assert.deepEqual(citations(mri.reviewerGuideline), [
      { kind: 'mtus', source: undefined, parts: [{ title: 'Low Back Complaints', year: undefined, chapter: 12, pages: [{ from: 300 }], sections: [] }] },
    ]);
  });
});

describe('L3b fixture (no header, block credentials)', () => {
  const { doc } = load('L3b.txt');

  test('layout and variant', () => {
    assert.equal(doc.layout, 'L3');
    assert.deepEqual(doc.variant, { hasHeader: false, credentialsForm: 'block', citationEra: 1, extraction: 'plain' });
    assert.deepEqual(sectionsOf(doc), L3_SECTIONS);
    assert.deepEqual(doc.sections[1].headingRange, r(14, 0, 14, 21));
    assert.deepEqual(doc.problems, []);
  });

  test('block credentials: states without spaces, two specialties', () => {
    assert.equal(doc.credentials?.form, 'block');
    assert.deepEqual(doc.credentials?.range, r(10, 0, 12, 68));
    assert.deepEqual(doc.credentials?.states.map((s) => [s.text, s.range]), [
      ['Texas', r(11, 23, 11, 28)],
      ['New York', r(11, 29, 11, 37)],
      ['California', r(11, 38, 11, 48)],
    ]);
    assert.deepEqual(doc.credentials?.specialties.map((s) => s.text), ['Internal Medicine', 'Occupational Medicine']);
  });

  test('items, including a wrapped item whose decision stands alone on the next line', () => {
    assert.deepEqual(doc.items.map((i) => i.text.text), [
      'Tramadol ER 150mg #30',
      'Follow-up visit with pain management in four to six weeks for medication management and review of the home exercise program',
    ]);
    assert.deepEqual(doc.items.map(decisionOf), [{ value: 'Upheld', raw: 'Upheld' }, { value: 'Overturned', raw: 'Overturned' }]);
    assert.deepEqual(doc.items[1].decision?.range, r(50, 0, 50, 10));
    assert.deepEqual(doc.items[1].headingRange, r(48, 0, 50, 10));
    assert.deepEqual(doc.items.map((i) => i.rationale?.conclusion?.polarity), ['negative', 'positive']);
  });

  test('citations: page lists, no evidence, not-MTUS with an ODG chapter', () => {
    const [tramadol, visit] = doc.items;
    assert.deepEqual(citations(tramadol.reviewerGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [{ title: 'Chronic Pain Medical Treatment', year: undefined, chapter: undefined, pages: [{ from: 76, to: 80 }, { from: 93, to: 94 }], sections: [] }],
      },
    ]);
    assert.equal(visit.claimsAdministratorGuideline?.guideline?.noEvidence, true);
    assert.deepEqual(visit.claimsAdministratorGuideline?.guideline?.noEvidenceRange, r(52, 32, 53, 13));
    assert.equal(visit.reviewerGuideline?.guideline?.party, 'Expert Reviewer');
    assert.equal(visit.reviewerGuideline?.guideline?.citations[0].chapter, 'Pain (Chronic)');
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
    assert.deepEqual(doc.sections.map((s) => s.headingRange), [r(12, 0, 12, 40), r(40, 0, 40, 21), r(66, 0, 66, 36)]);
    // The case summary runs across the empty-line page break (lines 53-55) to its last line.
    assert.deepEqual(doc.sections[1].bodyRange, r(42, 0, 62, 31));
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
    const caseNumber = doc.header!.fields.caseNumber!;
    assert.deepEqual([caseNumber.labelRange, caseNumber.valueRange], [r(0, 1, 0, 13), r(0, 14, 0, 26)]);
    assert.equal(source.getText(caseNumber.valueRange), 'CM16-0234567');
    assert.deepEqual(doc.header!.fields.applicationReceived!.labelRange, r(6, 20, 8, 12));
  });

  test('credentials: block form, trailing tab dropped', () => {
    assert.deepEqual(doc.credentials?.states.map((s) => s.text), ['California']);
    assert.deepEqual(doc.credentials?.specialties.map((s) => [s.text, s.range]), [['Physical Medicine & Rehabilitation', r(36, 28, 36, 62)]]);
  });

  test('item heading, decision word and a field label after a form feed land on the original text', () => {
    const [esi, pt] = doc.items;
    assert.equal(doc.items.length, 2);
    assert.equal(esi.text.text, 'Lumbar epidural steroid injection at L4-L5');
    assert.deepEqual(esi.headingRange, r(72, 0, 72, 50));
    assert.equal(source.getText(esi.headingRange), 'Lumbar epidural steroid injection at L4-L5: Upheld');
    assert.deepEqual(esi.decision, { value: 'Upheld', raw: 'Upheld', range: r(72, 44, 72, 50) });
    assert.equal(source.getText(esi.decision!.range), 'Upheld');
    const label = esi.claimsAdministratorGuideline!;
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
    const [esi, pt] = doc.items;
    assert.deepEqual(citations(esi.reviewerGuideline), [
      { kind: 'mtus', source: undefined, parts: [{ title: 'Chronic Pain Medical Treatment', year: 2016, chapter: undefined, pages: [], sections: ['Epidural steroid injections (ESIs)'] }] },
    ]);
    assert.deepEqual(citations(pt.claimsAdministratorGuideline), [
      {
        kind: 'mtus',
        source: undefined,
        parts: [
          { title: 'Low Back Complaints', year: 2004, chapter: undefined, pages: [], sections: ['Physical Methods'] },
          { title: 'Chronic Pain Medical Treatment', year: 2016, chapter: undefined, pages: [], sections: ['Physical medicine treatment'] },
        ],
      },
    ]);
  });
});
