// IMR010 duplicate-item: the same disputed item decided twice, usually a copy-paste slip. Subjects are
// compared ignoring case, spacing and punctuation only: "Labs to include: EKG" and "Labs to include: Chest
// X-ray" are different items, and so are two strengths of one drug.
import type { DisputedItem } from '../model';
import { itemKey, itemKeyHash } from './support/keys';
import { itemInSentence } from './messages';
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
    if (document.items.length < 2) return []; // most letters decide one item: nothing to compare
    const reports: Report[] = [];
    // The first item of each distinct key, grouped by key hash: keys are built only when hashes meet.
    const first = new Map<number, DisputedItem[]>();
    // Items are compared within one decisions section: a file holding several letters has several.
    const starts = document.sections.filter((s) => s.kind === 'decisions').map((s) => s.range.start.line);
    let section = 0;
    for (const item of document.items) {
      let k = section;
      while ((starts[k + 1] ?? Infinity) <= item.headingRange.start.line) k++;
      if (k !== section) {
        section = k;
        first.clear();
      }
      const hash = itemKeyHash(item.subject);
      if (hash === 0) continue; // no letter or digit to compare
      const sameHash = first.get(hash);
      const key = sameHash && itemKey(item.subject);
      const earlier = sameHash?.find((e) => itemKey(e.subject) === key);
      if (!earlier) {
        if (sameHash) sameHash.push(item);
        else first.set(hash, [item]);
        continue;
      }
      const decisions =
        earlier.decision?.value && item.decision?.value && earlier.decision.value !== item.decision.value
          ? ` Item ${earlier.index} is ${earlier.decision.value} and item ${item.index} ${item.decision.value}.`
          : '';
      reports.push({
        message: `Disputed ${itemInSentence(item)} repeats item ${earlier.index}: the same request is decided twice.${decisions}`,
        range: item.headingRange,
        related: [{ message: `Item ${earlier.index}, the same request`, range: earlier.headingRange }],
      });
    }
    return reports;
  },
};
