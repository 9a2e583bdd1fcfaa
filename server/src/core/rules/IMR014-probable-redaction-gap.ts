// IMR014 probable-redaction-gap. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const probableRedactionGap: Rule = {
  meta: {
    id: 'IMR014',
    name: 'probable-redaction-gap',
    description: "Redaction artefacts such as ' .' or ' ,' left by removed names.",
    defaultSeverity: 'hint',
    tags: [],
    fixable: false,
    rationale: '',
    examples: { failing: '', passing: '' },
  },
  check() {
    return [];
  },
};
