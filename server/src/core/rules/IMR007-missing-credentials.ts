// IMR007 missing-credentials. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const missingCredentials: Rule = {
  meta: {
    id: 'IMR007',
    name: 'missing-credentials',
    description: "The letter does not describe the reviewer's qualifications.",
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
