// IMR004 decision-conclusion-mismatch. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const decisionConclusionMismatch: Rule = {
  meta: {
    id: 'IMR004',
    name: 'decision-conclusion-mismatch',
    description: "The rationale's medical-necessity conclusion contradicts the item's decision.",
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
