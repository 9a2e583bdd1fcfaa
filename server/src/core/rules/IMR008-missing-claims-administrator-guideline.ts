// IMR008 missing-claims-administrator-guideline. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const missingClaimsAdministratorGuideline: Rule = {
  meta: {
    id: 'IMR008',
    name: 'missing-claims-administrator-guideline',
    description: 'An item without the Claims Administrator guideline field.',
    defaultSeverity: 'warning',
    tags: [],
    fixable: true,
    rationale: '',
    examples: { failing: '', passing: '' },
  },
  check() {
    return [];
  },
};
