// A short `-layout` L3 letter for rule unit tests: each test replaces only the part it is about, so that the
// rest (and so every line number) stays the same across the rules' tests.

export interface SmallLetterParts {
  /** Lines before the first heading (a header block), none by default. */
  header?: string[];
  summary?: string[];
  /** The item line, fields and rationale. */
  item?: string[];
}

export const DEFAULT_ITEM = [
  'MRI of the lumbar spine: Upheld',
  'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
  'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.',
  'Decision rationale: There are no red flags. The request is not medically necessary.',
];

/** The `-layout` header of a letter with these dates (MM/DD/YYYY), as pdftotext -layout writes it. */
export function layoutHeader(d: {
  assigned: string;
  injury: string;
  decision: string;
  ur: string;
  application: string;
}): string[] {
  return [
    'Case Number:          CM16-0000001',
    `Date Assigned:        ${d.assigned}                      Date of Injury:      ${d.injury}`,
    `Decision Date:        ${d.decision}                      UR Denial Date:      ${d.ur}`,
    `Priority:             Standard                        Application          ${d.application}`,
    '                                                      Received:',
    '',
  ];
}

export function smallLetter({
  header = [],
  summary = ['The injured worker is a 40 year old male.'],
  item = DEFAULT_ITEM,
}: SmallLetterParts = {}): string {
  return [
    ...header,
    '                 HOW THE IMR FINAL DETERMINATION WAS MADE',
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
    '                                CLINICAL CASE SUMMARY',
    ...summary,
    '                      IMR ISSUES, DECISIONS AND RATIONALES',
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    ...item,
    '',
  ].join('\n');
}
