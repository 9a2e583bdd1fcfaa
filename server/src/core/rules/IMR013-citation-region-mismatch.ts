// IMR013 citation-region-mismatch. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const citationRegionMismatch: Rule = {
  meta: {
    id: 'IMR013',
    name: 'citation-region-mismatch',
    description: "The cited guideline chapter's body region differs from the disputed item's.",
    defaultSeverity: 'information',
    tags: [],
    fixable: false,
    rationale: '',
    examples: { failing: '', passing: '' },
  },
  check() {
    return [];
  },
};
