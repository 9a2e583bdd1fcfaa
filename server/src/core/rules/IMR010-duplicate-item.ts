// IMR010 duplicate-item. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const duplicateItem: Rule = {
  meta: {
    id: 'IMR010',
    name: 'duplicate-item',
    description: 'The same disputed item appears twice.',
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
