// IMR001 missing-rationale: a decided item must say why. Missing field → on the item heading; empty → on
// the label. The fix inserts a clearly marked skeleton whose conclusion matches the decision.
import type { DisputedItem, ImrDocument } from '../model';
import type { SourceText } from '../source';
import { skeletonFix } from './fixes';
import { PLACEHOLDERS } from './support/placeholders';
import { hasL3Labels, itemWithDecision, L3_FIELD_LABELS } from './messages';
import type { Fix, Report, Rule } from './types';

/** The placeholder body: a slot for the reasons and a conclusion that agrees with the decision. */
export function rationaleSkeleton(item: DisputedItem): string {
  const value = item.decision?.value;
  const conclusion =
    value === 'Overturned'
      ? 'As such, the request is medically necessary.'
      : value === 'Upheld'
        ? 'As such, the request is not medically necessary.'
        : `As such, the request ${PLACEHOLDERS.isOrIsNot} medically necessary.`;
  return `${PLACEHOLDERS.rationale}. ${conclusion}`;
}

function insertFix(document: ImrDocument, source: SourceText, item: DisputedItem): Fix[] {
  if (!hasL3Labels(document.layout) || !item.text.text) return [];
  // After the item's last field (normally MAXIMUS guideline), else after the heading.
  const last = item.fields[item.fields.length - 1];
  const line = last ? last.range.end.line : item.headingRange.end.line;
  const text = `${L3_FIELD_LABELS.rationale} ${rationaleSkeleton(item)}`;
  return [skeletonFix(document, source, line, `Insert a Decision rationale skeleton for item ${item.index}`, text)];
}

export const missingRationale: Rule = {
  meta: {
    id: 'IMR001',
    name: 'missing-rationale',
    description: 'A disputed item with a decision but no rationale, or an empty one.',
    defaultSeverity: 'error',
    tags: ['content', 'legal'],
    fixable: true,
    rationale:
      'The determination must explain itself item by item: Labor Code 4610.6(e) requires the reviewer to state whether ' +
      "the disputed service is medically necessary and to support it with the employee's condition, the relevant records " +
      'and the standards of 4610.5(c)(2) (paraphrased; check the official text). A decision with no rationale gives the ' +
      'parties nothing to read or to appeal against (LC 4610.6(h)).',
    examples: {
      failing: [
        'Medical Clearance: Upheld',
        'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.',
        'MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.',
      ].join('\n'),
      passing: [
        'Medical Clearance: Upheld',
        'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.',
        'MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.',
        'Decision rationale: As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.',
      ].join('\n'),
    },
  },
  check({ document, source }) {
    const reports: Report[] = [];
    // Older layouts label the rationale differently; name it generically there.
    const name = hasL3Labels(document.layout) ? 'Decision rationale' : 'rationale';
    for (const item of document.items) {
      if (item.fromFindings) continue; // an L1 item known only from the findings list has no block to check
      // An undecided L3/L2 item is IMR003's. L1 decides inside the rationale and L0's wording is unknown, so
      // there a missing rationale is reported whatever the decision.
      if (!item.decision && hasL3Labels(document.layout)) continue;
      const field = item.rationale;
      if (!field) {
        reports.push({
          message: `${itemWithDecision(item)} has no ${name}.`,
          range: item.headingRange,
          fixes: insertFix(document, source, item),
        });
      } else if (!field.body.text.trim()) {
        const fixes: Fix[] = hasL3Labels(document.layout)
          ? [
              {
                title: `Fill in a Decision rationale skeleton for item ${item.index}`,
                // Replace what follows the label on its line (blanks at most), never the next line.
                edits: [
                  {
                    range: {
                      start: field.labelRange.end,
                      end: {
                        line: field.labelRange.end.line,
                        character: source.lineAt(field.labelRange.end.line).length,
                      },
                    },
                    newText: ` ${rationaleSkeleton(item)}`,
                  },
                ],
                safe: false,
              },
            ]
          : [];
        reports.push({ message: `${itemWithDecision(item)} has an empty ${name}.`, range: field.labelRange, fixes });
      }
    }
    return reports;
  },
};
