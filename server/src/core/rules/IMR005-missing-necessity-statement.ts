// IMR005 missing-necessity-statement: a rationale should end by saying whether the request is medically
// necessary (format guide §7). Reads the conclusion the parser found; no second scan of the text.
import { itemWithDecision } from './messages';
import type { Report, Rule } from './types';

export const missingNecessityStatement: Rule = {
  meta: {
    id: 'IMR005',
    name: 'missing-necessity-statement',
    description: 'A rationale with no explicit is / is not medically necessary statement.',
    defaultSeverity: 'warning',
    tags: ['content', 'legal'],
    fixable: false,
    rationale:
      'Labor Code 4610.6(e) asks the reviewer to state whether the disputed service is medically necessary, and 8 CCR ' +
      '9792.10.6 asks for that statement in plain language where practicable (both paraphrased; check the official ' +
      'texts). A rationale that ends in a hedge ("it would be reasonable to support …") or in utilization review words ' +
      '("non-certified") never says it.',
    examples: {
      failing: [
        'Sit-stand workstation: Overturned',
        'Decision rationale: The patient has chronic low back pain aggravated by prolonged sitting. It would be reasonable to support a trial of a sit-stand workstation.',
      ].join('\n'),
      passing: [
        'Sit-stand workstation: Overturned',
        'Decision rationale: The patient has chronic low back pain aggravated by prolonged sitting. The request for a sit-stand workstation is medically necessary.',
      ].join('\n'),
    },
  },
  check({ document }) {
    const reports: Report[] = [];
    for (const item of document.items) {
      const field = item.rationale;
      // An empty rationale is IMR001's.
      if (!field || !field.body.text.trim() || field.conclusion) continue;
      reports.push({
        message: `${itemWithDecision(item)}: the rationale never states whether the request is medically necessary.`,
        range: field.labelRange,
      });
    }
    return reports;
  },
};
