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
      const rationale = item.rationale;
      if (!value || !item.decision || !rationale) continue;
      // A last sentence in UR words ("The request is non-certified.") is the conclusion it ends on.
      const ur = rationale.urConclusion?.polarity ? rationale.urConclusion : undefined;
      const polarity = ur?.polarity ?? rationale.conclusion?.polarity;
      const sentence = ur?.sentence ?? rationale.conclusion?.sentence;
      if (!polarity || !sentence || polarity === EXPECTED[value]) continue;
      const other: DecisionValue = value === 'Upheld' ? 'Overturned' : 'Upheld';
      const says = polarity === 'positive' ? 'medically necessary' : 'not medically necessary';
      const concludes = ur
        ? `concludes in utilization-review wording ("${ur.word.text}"), read as ${says}`
        : `concludes the request is ${says}`;
      reports.push({
        message: `${itemWithDecision(item)}: the rationale ${concludes}, which contradicts ${value}.`,
        range: sentence.range,
        related: [{ message: `The decision: ${value}`, range: item.decision.range }],
        fixes: hasL3Labels(document.layout)
          ? [
              {
                title: `Change decision to ${other}`,
                edits: [{ range: item.decision.range, newText: other }],
                safe: false,
              },
            ]
          : [],
      });
    }
    return reports;
  },
};
