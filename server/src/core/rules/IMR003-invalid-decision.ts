// IMR003 invalid-decision. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const invalidDecision: Rule = {
  meta: {
    id: 'IMR003',
    name: 'invalid-decision',
    description: 'An item with no decision, or a word other than Upheld or Overturned.',
    defaultSeverity: 'error',
    tags: [],
    fixable: true,
    rationale: '',
    examples: { failing: '', passing: '' },
  },
  check() {
    return [];
  },
};
