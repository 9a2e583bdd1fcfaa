// The TextMate grammar (syntaxes/imr.tmLanguage.json) run by vscode-textmate and Oniguruma, the engine VS
// Code uses (test/support/textmate.ts): each case is a real or realistic line and the exact stretches it
// paints, as [start column, text, scopes]. Its structure: grammar-structure.test.ts; the count over every
// corpus letter: test/corpus/grammar.test.ts.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IGrammar } from 'vscode-textmate';
import { letterText } from './support/letters';
import { loadGrammar, paint, tokenizeLines, type Scoped } from './support/textmate';

const HEADING = 'markup.heading.imr entity.name.section.imr';
const HEADER_LABEL = 'keyword.control.header-label.imr';
const FIELD_LABEL = 'keyword.control.field-label.imr markup.bold.imr';
const CREDENTIALS_LABEL = 'meta.boilerplate.credentials-label.imr';
const CREDENTIALS = 'string.unquoted.credentials.imr';
const COLON = 'punctuation.separator.decision.imr';
const UPHELD = 'keyword.other.decision.upheld.imr markup.deleted.imr';
const OVERTURNED = 'keyword.other.decision.overturned.imr markup.inserted.imr';
const LEAD = 'meta.boilerplate.citation-lead.imr';
const MTUS = 'support.type.citation.mtus.imr';
const NON_MTUS = 'support.function.citation.non-mtus.imr';
const PART = 'meta.boilerplate.citation-part.imr';
const TITLE = 'string.other.mtus-title.imr';
const YEAR = 'constant.numeric.year.imr';
const NEGATIVE = 'meta.necessity.negative.imr markup.deleted.imr';
const POSITIVE = 'meta.necessity.positive.imr markup.inserted.imr';
const CASE_NUMBER = 'string.unquoted.case-number.imr';
const PRIORITY = 'string.unquoted.priority.imr';
const DATE = 'constant.numeric.date.imr';

let grammar: IGrammar;
before(async () => {
  grammar = await loadGrammar();
});

/** Asserts what each line paints, each line tokenized on its own. */
function expectPaint(cases: Array<[line: string, painted: Scoped[]]>): void {
  for (const [line, painted] of cases) assert.deepEqual(paint(grammar, line), painted, JSON.stringify(line));
}

/** Tokenizes a stretch of a shipped letter in order; lines not listed must stay plain. */
function expectLetter(name: string, from: number, to: number, painted: Record<number, Scoped[]>): void {
  const lines = letterText(name)
    .split('\n')
    .slice(from, to + 1);
  const actual = tokenizeLines(grammar, lines);
  lines.forEach((line, k) =>
    assert.deepEqual(actual[k], painted[from + k] ?? [], `${name} line ${from + k}: ${JSON.stringify(line)}`),
  );
}

test('CM16-0238035 (text form), header and credentials: labels, case number, dates, priority, headings', () => {
  expectLetter('dwc-2016/text/CM16-0238035.txt', 0, 31, {
    0: [[0, 'Case Number:', HEADER_LABEL]],
    1: [[0, 'Date Assigned:', HEADER_LABEL]],
    2: [[0, 'Decision Date:', HEADER_LABEL]],
    3: [[0, 'Priority:', HEADER_LABEL]],
    5: [[0, 'CM16-0238035', CASE_NUMBER]],
    6: [[0, '12/14/2016', DATE]],
    7: [[0, '01/20/2017', DATE]],
    8: [[0, 'Standard', PRIORITY]],
    10: [[0, 'Date of Injury:', HEADER_LABEL]],
    11: [[0, 'UR Denial Date:', HEADER_LABEL]],
    // `Application` / `Received:` wraps onto two lines.
    12: [[0, 'Application', HEADER_LABEL]],
    13: [[0, 'Received:', HEADER_LABEL]],
    15: [[0, '10/10/2016', DATE]],
    16: [[0, '12/01/2016', DATE]],
    17: [[0, '12/12/2016', DATE]],
    19: [[0, 'HOW THE IMR FINAL DETERMINATION WAS MADE', HEADING]],
    28: [[0, 'The Expert Reviewer has the following credentials:', CREDENTIALS_LABEL]],
    29: [
      [0, 'State(s) of Licensure:', CREDENTIALS_LABEL],
      [23, 'California,Texas', CREDENTIALS],
    ],
    30: [
      [0, 'Certification(s)/Specialty:', CREDENTIALS_LABEL],
      [28, 'Orthopedic Surgery, Sports Medicinea', CREDENTIALS],
    ],
    31: [[0, 'CLINICAL CASE SUMMARY', HEADING]],
  });
});

test('CM16-0238035, item 1: decision after a form feed, field labels, both citation kinds, the conclusion', () => {
  expectLetter('dwc-2016/text/CM16-0238035.txt', 49, 68, {
    49: [[0, 'IMR ISSUES, DECISIONS AND RATIONALES', HEADING]],
    52: [
      [71, ':', COLON],
      [73, 'Upheld', UPHELD],
    ],
    53: [[0, 'Claims Administrator guideline:', FIELD_LABEL]],
    54: [
      [50, 'Decision based on', LEAD],
      [68, 'Non-MTUS Citation', NON_MTUS],
    ],
    56: [
      [0, 'MAXIMUS guideline:', FIELD_LABEL],
      [19, 'Decision based on', LEAD],
      [37, 'MTUS', MTUS],
      [42, 'Shoulder Complaints', TITLE],
      [62, '2004', YEAR],
      [68, 'Section(s):', PART],
    ],
    58: [[0, 'Decision rationale:', FIELD_LABEL]],
    67: [[11, 'not medically necessary', NEGATIVE]],
    68: [
      [17, ':', COLON],
      [19, 'Upheld', UPHELD],
    ],
  });
});

test('CM17-0020384 (layout form): two label-value pairs per line, a centred heading', () => {
  expectLetter('dwc-2016/layout/CM17-0020384.txt', 0, 7, {
    0: [
      [0, 'Case Number:', HEADER_LABEL],
      [23, 'CM17-0020384', CASE_NUMBER],
    ],
    1: [
      [0, 'Date Assigned:', HEADER_LABEL],
      [23, '02/06/2017', DATE],
      [56, 'Date of Injury:', HEADER_LABEL],
      [77, '10/20/2016', DATE],
    ],
    2: [
      [0, 'Decision Date:', HEADER_LABEL],
      [23, '02/28/2017', DATE],
      [56, 'UR Denial Date:', HEADER_LABEL],
      [77, '01/19/2017', DATE],
    ],
    3: [
      [0, 'Priority:', HEADER_LABEL],
      [23, 'Standard', PRIORITY],
      [56, 'Application', HEADER_LABEL],
      [77, '01/31/2017', DATE],
    ],
    4: [[56, 'Received:', HEADER_LABEL]],
    6: [[17, 'HOW THE IMR FINAL DETERMINATION WAS MADE', HEADING]],
  });
});

test('seed 001 (doubled lines): two spaces before the decision, an era-1 MTUS chapter, Page(s)', () => {
  const CHAPTER = 'constant.numeric.chapter.imr';
  expectLetter('seeds/001_5b4dca91092a81f1.txt', 86, 104, {
    88: [
      [41, ':', COLON],
      [44, 'Upheld', UPHELD],
    ],
    92: [[0, 'Claims Administrator guideline:', FIELD_LABEL]],
    94: [
      [7, 'Decision based on', LEAD],
      [25, 'Non-MTUS Citation', NON_MTUS],
    ],
    100: [
      [0, 'MAXIMUS guideline:', FIELD_LABEL],
      [19, 'Decision based on', LEAD],
      [37, 'MTUS', MTUS],
      [48, 'Chapter 12', CHAPTER],
      [59, 'Low Back Complaints', TITLE],
    ],
    102: [
      [0, 'Page(s):', PART],
      [15, 'Decision based on', LEAD],
      [33, 'Non-MTUS Citation', NON_MTUS],
    ],
  });
});

test('section headings of every layout: a whole line, after spaces or a form feed', () => {
  const headings = [
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'CLINICAL CASE SUMMARY',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'DOCUMENTS REVIEWED',
    'IMR DECISION(S) AND RATIONALE(S)',
    'Notice of Independent Medical Review Determination',
    'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
    'MAXIMUS FEDERAL SERVICES, INC.',
    'MEDICAL PROFESSIONAL REVIEW',
  ];
  for (const heading of headings) {
    expectPaint([
      [heading, [[0, heading, HEADING]]],
      [` ${heading} `, [[1, heading, HEADING]]],
      [`                 ${heading}`, [[17, heading, HEADING]]],
      [`\f${heading}`, [[1, heading, HEADING]]],
    ]);
  }
  expectPaint([
    // The same words inside prose are no heading.
    ['The CLINICAL CASE SUMMARY above', []],
    // L1 headings end in a colon; text may follow.
    [
      'Medical Qualifications of the Expert Reviewer:',
      [[0, 'Medical Qualifications of the Expert Reviewer:', HEADING]],
    ],
    ['Case Summary: Disclaimer: The following', [[0, 'Case Summary:', HEADING]]],
  ]);
});

test('L0 labels act as headings, including the wrapped halves of the long ones', () => {
  for (const label of [
    'ISSUE AT DISPUTE:',
    'CASE SUMMARY:',
    'DOCUMENTS REVIEWED FOR DETERMINATION:',
    'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL',
    'REVIEWER AND WHY:',
    'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT',
    'MEDICALLY NECESSARY:',
    'MEDICAL REVIEWER QUALIFICATIONS:',
  ]) {
    expectPaint([[label, [[0, label, HEADING]]]]);
  }
});

test('header and field labels: only where a label can start; L1 labels [unverified layout]', () => {
  expectPaint([
    ['The Application was received late.', []],
    [
      '\fClaims Administrator guideline: Decision based on MTUS Forearm, Wrist, and Hand',
      [
        [1, 'Claims Administrator guideline:', FIELD_LABEL],
        [33, 'Decision based on', LEAD],
        [51, 'MTUS', MTUS],
      ],
    ],
    [
      'MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.',
      [[0, 'MAXIMUS guideline:', FIELD_LABEL]],
    ],
    [
      '1) Regarding the request for MRI of the lumbar spine:',
      [
        [0, '1)', 'markup.list.numbered.imr'],
        [3, 'Regarding the request for', FIELD_LABEL],
      ],
    ],
    [
      'Section of the Medical Treatment Utilization Schedule (MTUS) used by the Claims Administrator:',
      [
        [
          0,
          'Section of the Medical Treatment Utilization Schedule (MTUS) used by the Claims Administrator:',
          FIELD_LABEL,
        ],
      ],
    ],
    ['Rationale for the Decision:', [[0, 'Rationale for the Decision:', FIELD_LABEL]]],
    [
      'Dated: 9/3/2013',
      [
        [0, 'Dated:', HEADER_LABEL],
        [7, '9/3/2013', DATE],
      ],
    ],
    // Trailing blanks are not part of the credentials list.
    [
      'State(s) of Licensure: Arizona, California ',
      [
        [0, 'State(s) of Licensure:', CREDENTIALS_LABEL],
        [23, 'Arizona, California', CREDENTIALS],
      ],
    ],
  ]);
});

test('decisions: at the end of an item line after its last colon, or alone on a line; not in prose', () => {
  expectPaint([
    [
      'Labs to include: EKG: Upheld',
      [
        [20, ':', COLON],
        [22, 'Upheld', UPHELD],
      ],
    ],
    [
      'portion of the original request, EMG of the right upper extremity is: Overturned',
      [
        [68, ':', COLON],
        [70, 'Overturned', OVERTURNED],
      ],
    ],
    ['Upheld', [[0, 'Upheld', UPHELD]]],
    ['\fOverturned', [[1, 'Overturned', OVERTURNED]]],
    ['The UR decision was Upheld by the reviewer.', []],
    ['The request was Overturned', []],
    ['Upheld: yes', []],
  ]);
});

test('citations: a lead-in alone after a wrap, a title whose year wrapped, titles in prose stay plain', () => {
  expectPaint([
    ['Non-MTUS Citation Official Disability Guidelines (ODG).', [[0, 'Non-MTUS Citation', NON_MTUS]]],
    ['Complaints 2004, Section(s): Diagnostic Criteria.', [[17, 'Section(s):', PART]]],
    ['per the Low Back Complaints chapter', []],
    [
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment',
      [
        [0, 'Claims Administrator guideline:', FIELD_LABEL],
        [32, 'Decision based on', LEAD],
        [50, 'MTUS', MTUS],
        [55, 'Chronic Pain Medical Treatment', TITLE],
      ],
    ],
    [
      '2016, Section(s): Topical analgesics.',
      [
        [0, '2016', YEAR],
        [6, 'Section(s):', PART],
      ],
    ],
    ['2016.', [[0, '2016', YEAR]]],
    ['2016, the claims administrator failed to approve a request', []],
  ]);
});

test('medical-necessity phrases take the decision colours', () => {
  expectPaint([
    ['request is not medically necessary.', [[11, 'not medically necessary', NEGATIVE]]],
    ['is determined to not be medically necessary.', [[17, 'not be medically necessary', NEGATIVE]]],
    ['it is not considered medically necessary.', [[6, 'not considered medically necessary', NEGATIVE]]],
    ['the request cannot be deemed medically necessary', [[12, 'cannot be deemed medically necessary', NEGATIVE]]],
    ['the request is notmedically necessary', [[15, 'notmedically necessary', NEGATIVE]]],
    ['Baclofen is not a medical necessity.', [[12, 'not a medical necessity', NEGATIVE]]],
    [
      'the medical necessity of this request is not established.',
      [[4, 'medical necessity of this request is not established', NEGATIVE]],
    ],
    ['The Lumbar MMB/Facet Blocks L3-S1', []],
    ['Therefore, the request is medically necessary.', [[23, 'is medically necessary', POSITIVE]]],
    ['deem the request for home health to be medically necessary.', [[36, 'be medically necessary', POSITIVE]]],
    ['is medically necessary and appropriate.', [[0, 'is medically necessary', POSITIVE]]],
    [
      'Decision rationale: As the requested surgical intervention is not medically necessary per the',
      [
        [0, 'Decision rationale:', FIELD_LABEL],
        [62, 'not medically necessary', NEGATIVE],
      ],
    ],
  ]);
});

test('dates: numeric and written, but not doses, ranges or impossible dates', () => {
  expectPaint([
    [
      'sustained an industrial injury on 10-20-16. The documentation on 1-12-17 noted',
      [
        [34, '10-20-16', DATE],
        [65, '1-12-17', DATE],
      ],
    ],
    ['This 50 year-old patient sustained an injury on 8/31/07 while employed by .', [[48, '8/31/07', DATE]]],
    [
      '(updated 11/23/16) and November 13, 2013.',
      [
        [9, '11/23/16', DATE],
        [23, 'November 13, 2013', DATE],
      ],
    ],
    ['Trezix capsule 320.5/30/16mg #5 and Norco 5/325mg, 1-2 tabs every 4-6 hours, 8/10 pain', []],
    ['a claim from 10/10/', []],
    ['13/01/2016 and 01/32/2016', []],
  ]);
});

// A hang guard, not a speed measurement (speed belongs to `npm run bench`): a regex that backtracks
// catastrophically on these would not finish.
test('long, repetitive lines are tokenized to the end', { timeout: 60_000 }, () => {
  expectPaint([
    [' '.repeat(20000) + 'x', []],
    [':'.repeat(20000), []],
    ['1/'.repeat(10000), []],
    ['not '.repeat(5000), []],
    [
      'Section of the Medical Treatment Utilization Schedule '.repeat(400),
      [[0, 'Section of the Medical Treatment Utilization Schedule '.repeat(400), FIELD_LABEL]],
    ],
  ]);
});
