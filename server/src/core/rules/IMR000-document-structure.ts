// IMR000: what the parser itself could not read (unknown layout, no items, binary text). Not a content
// defect of the letter but a reason the other rules may have little to say.
import type { Rule } from './types';

export const documentStructure: Rule = {
  meta: {
    id: 'IMR000',
    name: 'document-structure',
    description: 'The letter could not be read as a known IMR determination layout, or a part of it could not be read.',
    defaultSeverity: 'warning',
    tags: ['structure'],
    fixable: false,
    rationale:
      'Every other check stands on reading the letter right. When the layout is unknown, unverified or has no disputed items, the other rules have little or nothing to check, and the reader should know why.',
    examples: {
      failing: 'Dear Sir,\nPlease find enclosed the decision.',
      passing:
        'IMR ISSUES, DECISIONS AND RATIONALES\nThe Final Determination was based on decisions for the disputed items/services set forth below:\nMedical Clearance: Upheld',
    },
  },
  check({ document }) {
    return document.problems.map((p) => ({ message: p.message, range: p.range, severity: p.severity }));
  },
};
