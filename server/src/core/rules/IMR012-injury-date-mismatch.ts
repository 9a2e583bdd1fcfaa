// IMR012 injury-date-mismatch. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const injuryDateMismatch: Rule = {
  meta: {
    id: 'IMR012',
    name: 'injury-date-mismatch',
    description: "The date of injury in the case summary differs from the header's.",
    defaultSeverity: 'warning',
    tags: [],
    fixable: false,
    rationale: '',
    examples: { failing: '', passing: '' },
  },
  check() {
    return [];
  },
};
