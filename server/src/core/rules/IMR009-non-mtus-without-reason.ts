// IMR009 non-mtus-without-reason. Skeleton: the check is written by the rules change that follows.
import type { Rule } from './types';

export const nonMtusWithoutReason: Rule = {
  meta: {
    id: 'IMR009',
    name: 'non-mtus-without-reason',
    description: 'The reviewer cites only non-MTUS sources and the rationale does not say why the MTUS does not apply.',
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
