// IMR008 missing-claims-administrator-guideline: every L3 item records what utilization review relied on
// (format guide §3, part 5b). L0 letters have no such field.
import type { DisputedItem, ImrDocument } from '../model';
import type { SourceText } from '../source';
import { skeletonFix } from './fixes';
import { PLACEHOLDERS } from './support/placeholders';
import { hasL3Labels, itemWithDecision, L3_FIELD_LABELS } from './messages';
import type { Fix, Report, Rule } from './types';

function insertFix(document: ImrDocument, source: SourceText, item: DisputedItem): Fix[] {
  if (!hasL3Labels(document.layout) || !item.text.text) return [];
  const text = `${L3_FIELD_LABELS.claimsAdministratorGuideline} Decision based on ${PLACEHOLDERS.guideline}`;
  const title = `Insert a Claims Administrator guideline skeleton for item ${item.index}`;
  return [skeletonFix(document, source, item.headingRange.end.line, title, text)];
}

export const missingClaimsAdministratorGuideline: Rule = {
  meta: {
    id: 'IMR008',
    name: 'missing-claims-administrator-guideline',
    description: 'An item without the Claims Administrator guideline field.',
    defaultSeverity: 'warning',
    tags: ['content', 'structure'],
    fixable: true,
    rationale:
      'The Claims Administrator guideline field records what utilization review relied on, so the reader can set it ' +
      "beside the reviewer's own guideline. Where the two differ, 8 CCR 9792.25.1 expects the reviewer to weigh the " +
      'evidence and explain the choice (paraphrased; check the official text). Without the field that comparison is ' +
      'lost. When utilization review cited nothing, the letter says so: "The Claims Administrator did not cite any ' +
      'medical evidence for its decision."',
    examples: {
      failing: [
        'Sit-stand workstation: Overturned',
        'MAXIMUS guideline: Decision based on Non-MTUS Citation ODG Low Back, Ergonomic interventions.',
      ].join('\n'),
      passing: [
        'Sit-stand workstation: Overturned',
        'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.',
        'MAXIMUS guideline: Decision based on Non-MTUS Citation ODG Low Back, Ergonomic interventions.',
      ].join('\n'),
    },
  },
  check({ document, source }) {
    if (document.layout === 'L0') return [];
    const reports: Report[] = [];
    for (const item of document.items) {
      if (item.fromFindings) continue; // an L1 item known only from the findings list has no block to check
      const field = item.claimsAdministratorGuideline;
      if (!field) {
        reports.push({
          message: `${itemWithDecision(item)} has no Claims Administrator guideline field.`,
          range: item.headingRange,
          fixes: insertFix(document, source, item),
        });
      } else if (!field.body.text.trim()) {
        reports.push({
          message: `${itemWithDecision(item)} has an empty Claims Administrator guideline field.`,
          range: field.labelRange,
        });
      }
    }
    return reports;
  },
};
