// IMR001 missing-rationale. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const missingRationale: Rule = {
  meta: {
    id: 'IMR001',
    name: 'missing-rationale',
    description: 'A disputed item with a decision but no rationale, or an empty one.',
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
