// IMR005 missing-necessity-statement. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const missingNecessityStatement: Rule = {
  meta: {
    id: 'IMR005',
    name: 'missing-necessity-statement',
    description: 'A rationale with no explicit is / is not medically necessary statement.',
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
