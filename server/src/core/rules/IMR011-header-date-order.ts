// IMR011 header-date-order. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const headerDateOrder: Rule = {
  meta: {
    id: 'IMR011',
    name: 'header-date-order',
    description: 'Header dates are out of order or impossible.',
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
