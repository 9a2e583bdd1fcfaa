// IMR016 findings-list-mismatch. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const findingsListMismatch: Rule = {
  meta: {
    id: 'IMR016',
    name: 'findings-list-mismatch',
    description: 'In L1 letters, the numbered findings list and the per-item analyses disagree on an item or its polarity.',
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
