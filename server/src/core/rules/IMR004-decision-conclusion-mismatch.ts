// IMR004 decision-conclusion-mismatch: Upheld means not medically necessary, Overturned means medically
// necessary (format guide §7). A rationale that concludes the other way contradicts its own decision.
import type { DecisionValue } from '../model';
import { hasL3Labels, itemWithDecision } from './messages';
import type { Report, Rule } from './types';

const EXPECTED: Record<DecisionValue, 'positive' | 'negative'> = { Upheld: 'negative', Overturned: 'positive' };

export const decisionConclusionMismatch: Rule = {
  meta: {
    id: 'IMR004',
    name: 'decision-conclusion-mismatch',
    description: "The rationale's medical-necessity conclusion contradicts the item's decision.",
    defaultSeverity: 'error',
    tags: ['consistency', 'legal'],
    fixable: true,
    rationale:
      'Upheld means the utilization review denial stands because the treatment is not medically necessary; Overturned ' +
      'means it is medically necessary and must be authorised. The determination must state whether the service is ' +
      'medically necessary (Labor Code 4610.6(e); paraphrased), and a conclusion that says the opposite of the decision ' +
      'is the kind of plainly erroneous finding that grounds an appeal (LC 4610.6(h)). Either the decision word or the ' +
      'conclusion is wrong; a person must decide which.',
    examples: {
      failing: [
        'Naproxen 500mg #60: Upheld',
        'Decision rationale: The patient reports improved function with NSAIDs. The request is medically necessary.',
      ].join('\n'),
      passing: [
        'Naproxen 500mg #60: Overturned',
        'Decision rationale: The patient reports improved function with NSAIDs. The request is medically necessary.',
      ].join('\n'),
    },
  },
  check({ document }) {
    const reports: Report[] = [];
    for (const item of document.items) {
      const value = item.decision?.value;
      const conclusion = item.rationale?.conclusion;
      if (!value || !conclusion || conclusion.polarity === EXPECTED[value]) continue;
      const other: DecisionValue = value === 'Upheld' ? 'Overturned' : 'Upheld';
      const says = conclusion.polarity === 'positive' ? 'medically necessary' : 'not medically necessary';
      reports.push({
        message: `${itemWithDecision(item)}: the rationale concludes the request is ${says}, which contradicts ${value}.`,
        range: conclusion.sentence.range,
        fixes:
          hasL3Labels(document.layout) && item.decision
            ? [{ title: `Change decision to ${other}`, edits: [{ range: item.decision.range, newText: other }], safe: false }]
            : [],
      });
    }
    return reports;
  },
};
