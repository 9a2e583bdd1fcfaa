// IMR017 misplaced-field: an item's fields come in one order (guideline of the claims administrator, then
// the reviewer's, then the rationale). A label after a later one, such as a second `MAXIMUS guideline:`
// typed after the rationale, is read as a field of the item it follows rather than as a phantom item.
import type { FieldKind } from '../model';
import { itemName } from './messages';
import type { Report, Rule } from './types';

const ORDER: Record<FieldKind, number> = { claimsAdministratorGuideline: 0, reviewerGuideline: 1, rationale: 2 };

export const misplacedField: Rule = {
  meta: {
    id: 'IMR017',
    name: 'misplaced-field',
    description:
      "A field label stands out of its place in an item, such as a second guideline label after the item's rationale.",
    defaultSeverity: 'warning',
    tags: ['items', 'structure'],
    fixable: false,
    rationale:
      "Each disputed item gives the claims administrator's guideline, the reviewer's guideline and the rationale, in " +
      'that order. A label repeated or moved after a later one (often a mistyped second "MAXIMUS guideline:" after the ' +
      'rationale) makes the item say two things about the same field, and a reader cannot tell which one the reviewer ' +
      'meant. It is reported on the item it follows; the first label of each kind is the one the checks read.',
    examples: {
      failing: [
        'Knee brace: Upheld',
        'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.',
        'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.',
        'Decision rationale: There is no instability. The request is not medically necessary.',
        'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.',
      ].join('\n'),
      passing: [
        'Knee brace: Upheld',
        'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004.',
        'MAXIMUS guideline: Decision based on MTUS Knee Complaints 2004.',
        'Decision rationale: There is no instability. The request is not medically necessary.',
      ].join('\n'),
    },
  },
  check({ document }) {
    const reports: Report[] = [];
    for (const item of document.items) {
      let furthest = -1;
      let furthestLabel = '';
      for (const field of item.fields) {
        const rank = ORDER[field.kind];
        if (rank > furthest) {
          furthest = rank;
          furthestLabel = field.label;
          continue;
        }
        const first = item.fields.find((f) => f.kind === field.kind);
        reports.push({
          message: `${itemName(item)}: "${field.label}" stands after "${furthestLabel}", out of its place; it is read as part of this item, and its first "${first?.label ?? field.label}" is the one checked.`,
          range: field.labelRange,
          related:
            first && first !== field
              ? [{ message: `The item's first "${first.label}"`, range: first.labelRange }]
              : undefined,
        });
      }
    }
    return reports;
  },
};
