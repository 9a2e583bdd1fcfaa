// IMR010 duplicate-item: the same disputed item decided twice, usually a copy-paste slip. Subjects are
// compared ignoring case, spacing and punctuation only: "Labs to include: EKG" and "Labs to include: Chest
// X-ray" are different items, and so are two strengths of one drug.
import type { DisputedItem } from '../model';
import { itemKey } from './support/keys';
import { itemName } from './support/names';
import type { Report, Rule } from './types';

export const duplicateItem: Rule = {
  meta: {
    id: 'IMR010',
    name: 'duplicate-item',
    description: 'The same disputed item appears twice among the decisions.',
    defaultSeverity: 'warning',
    tags: ['items', 'consistency'],
    fixable: false,
    rationale:
      'Each disputed item gets one decision (see Labor Code 4610.6: the determination states, for each disputed ' +
      'service, whether it is medically necessary). An item listed twice is a copy-paste slip: either one entry ' +
      'should name a different treatment, or the two may even decide the same request differently.',
    examples: {
      failing: 'Norco 10/325mg #60: Upheld\n…\nNorco 10/325 mg #60: Upheld',
      passing: 'Labs to include: EKG: Upheld\n…\nLabs to include: Chest X-ray: Upheld',
    },
  },
  check({ document }) {
    const reports: Report[] = [];
    const first = new Map<string, DisputedItem>();
    // Items are compared within one decisions section: a file holding several letters has several.
    const starts = document.sections.filter((s) => s.kind === 'decisions').map((s) => s.range.start.line);
    let section = 0;
    for (const item of document.items) {
      let k = section;
      while (k + 1 < starts.length && starts[k + 1] <= item.headingRange.start.line) k++;
      if (k !== section) {
        section = k;
        first.clear();
      }
      const key = itemKey(item.subject);
      if (key === '') continue;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, item);
        continue;
      }
      const decisions = earlier.decision?.value && item.decision?.value && earlier.decision.value !== item.decision.value
        ? ` Item ${earlier.index} is ${earlier.decision.value} and item ${item.index} ${item.decision.value}.`
        : '';
      reports.push({
        message: `Disputed ${itemName(item)} repeats item ${earlier.index}: the same request is decided twice.${decisions}`,
        range: item.headingRange,
      });
    }
    return reports;
  },
};
