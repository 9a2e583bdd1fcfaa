// IMR007 missing-credentials: the letter describes the reviewer's qualifications, block or inline
// (format guide §8), without naming the reviewer.
import type { ImrDocument, Range } from '../model';
import type { SourceText } from '../source';
import { isTruncated } from './messages';
import type { Rule } from './types';

/** Where the qualifications belong: the section that holds them in this layout, else the first line. */
function anchor(document: ImrDocument, source: SourceText): Range {
  const holder = document.layout === 'L0' || document.layout === 'L1' ? 'qualifications' : 'howMade';
  const section = document.sections.find((s) => s.kind === holder);
  if (section) return section.headingRange;
  // The letter's first line: line 0 for a file of one letter.
  const { line } = document.range.start;
  return { start: { line, character: 0 }, end: { line, character: source.lineAt(line).length } };
}

export const missingCredentials: Rule = {
  meta: {
    id: 'IMR007',
    name: 'missing-credentials',
    description: "The letter does not describe the reviewer's qualifications.",
    defaultSeverity: 'warning',
    tags: ['content', 'legal'],
    fixable: false,
    rationale:
      "Labor Code 4610.6(f) asks the determination to describe the reviewer's qualifications while keeping the " +
      "reviewer's name confidential (paraphrased; check the official text). The parties learn from the specialty " +
      'whether the reviewer practises in a field that treats the condition. L3 letters give it as a credentials block ' +
      '("Certification(s)/Specialty: …") or as a sentence ("The expert reviewer is Board Certified in …").',
    examples: {
      failing: [
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        'MAXIMUS Federal Services sent the complete case file to an expert reviewer. …',
        'CLINICAL CASE SUMMARY',
      ].join('\n'),
      passing: [
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        'MAXIMUS Federal Services sent the complete case file to an expert reviewer. …',
        'The Expert Reviewer has the following credentials:',
        'State(s) of Licensure: Arizona,California',
        'Certification(s)/Specialty: Family Practice',
        'CLINICAL CASE SUMMARY',
      ].join('\n'),
    },
  },
  check({ document, source }) {
    if (document.layout === 'unknown' || isTruncated(document)) return [];
    const credentials = document.credentials;
    if (!credentials) {
      return [
        {
          message:
            'The letter does not describe the expert reviewer\'s qualifications (no credentials block or "Board Certified in …" sentence).',
          range: anchor(document, source),
        },
      ];
    }
    if (credentials.specialties.length === 0) {
      const what = credentials.form === 'block' ? 'Certification(s)/Specialty' : 'Board Certified in';
      return [
        {
          message: `The reviewer's credentials name no specialty ("${what}" is missing or empty).`,
          range: credentials.range,
        },
      ];
    }
    return [];
  },
};
