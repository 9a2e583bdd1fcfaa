// IMR015 ur-vocabulary. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const urVocabulary: Rule = {
  meta: {
    id: 'IMR015',
    name: 'ur-vocabulary',
    description: 'Utilization-review words used as the conclusion instead of medical-necessity wording.',
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
