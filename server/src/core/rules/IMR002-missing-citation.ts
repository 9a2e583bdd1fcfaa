// IMR002 missing-citation. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const missingCitation: Rule = {
  meta: {
    id: 'IMR002',
    name: 'missing-citation',
    description: "The reviewer's guideline field is missing or empty; a warning when it only says no medical evidence was cited.",
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
