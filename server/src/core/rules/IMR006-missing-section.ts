// IMR006 missing-section. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const missingSection: Rule = {
  meta: {
    id: 'IMR006',
    name: 'missing-section',
    description: 'A required section of the detected layout is absent or out of order.',
    defaultSeverity: 'error',
    tags: [],
    fixable: false,
    rationale: '',
    examples: { failing: '', passing: '' },
  },
  check() {
    return [];
  },
};
