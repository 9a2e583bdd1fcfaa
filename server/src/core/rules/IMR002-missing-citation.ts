// IMR002 missing-citation: the reviewer must say which guideline the decision rests on. A missing or empty
// field is an error; a field that only says no medical evidence was cited is a warning, except for the
// surgical add-ons whose rationale rests on the surgery being denied (format guide §7): those are uncited
// by design.
import type { DisputedItem, ImrDocument } from '../model';
import type { SourceText } from '../source';
import { skeletonFix } from './fixes';
import { PLACEHOLDERS } from './support/placeholders';
import { hasL3Labels, itemWithDecision, L3_FIELD_LABELS } from './messages';
import type { Fix, Report, Rule } from './types';

// "As the requested surgical intervention is not medically necessary …, the requested ancillary service is
// not medically necessary." Accepts rewordings: an add-on word and a surgery word in one rationale sentence.
const ADD_ON = /\b(?:ancillary|associated|add-?on|peri-?operative|pre-?op(?:erative)?|post-?op(?:erative)?)\b/i;
// The surgery's own verdict in the same sentence: "the requested surgical intervention is not medically necessary".
const SURGERY_DECIDED =
  /\b(?:surgical\s+(?:intervention|procedure|request)|surgery|operation|procedure)\b[^.;]{0,80}?\b(?:is|was|has\s+been|being)\s+(?:not\s+|deemed\s+|found\s+|considered\s+)*(?:medically\s+necessary|necessary|certified|non-?certified|supported|authori[sz]ed|approved|upheld|overturned)\b/i;

/** The rationale ties this item to a surgery decided elsewhere in the letter. */
export function isAncillaryAddOn(item: DisputedItem): boolean {
  const text = item.rationale?.body.text;
  if (!text) return false;
  // A short rationale: the add-on sentence stands (nearly) alone. Long ones argue the item on its own.
  if (text.length > 400) return false;
  return text.split(/(?<=[.!?])\s+/).some((sentence) => ADD_ON.test(sentence) && SURGERY_DECIDED.test(sentence));
}

function fieldName(document: ImrDocument): string {
  return hasL3Labels(document.layout) ? 'MAXIMUS guideline' : "reviewer's guideline";
}

function insertFix(document: ImrDocument, source: SourceText, item: DisputedItem): Fix[] {
  if (!hasL3Labels(document.layout) || !item.text.text) return [];
  // Before the rationale: after the Claims Administrator field when there is one, else after the heading.
  const rationale = item.rationale;
  const before = rationale ? item.fields.filter((f) => f.range.start.line < rationale.range.start.line) : item.fields;
  const anchor = before[before.length - 1];
  const line = anchor ? anchor.range.end.line : item.headingRange.end.line;
  const text = `${L3_FIELD_LABELS.reviewerGuideline} Decision based on MTUS ${PLACEHOLDERS.mtusTitle}`;
  return [skeletonFix(document, source, line, `Insert a MAXIMUS guideline skeleton for item ${item.index}`, text)];
}

export const missingCitation: Rule = {
  meta: {
    id: 'IMR002',
    name: 'missing-citation',
    description:
      "The reviewer's guideline field is missing or empty; a warning when it only says no medical evidence was cited.",
    defaultSeverity: 'error',
    tags: ['content', 'legal'],
    fixable: true,
    rationale:
      'Medical necessity is judged by standards taken in a fixed order, the MTUS first (Labor Code 4610.5(c)(2); 8 CCR ' +
      '9792.21.1), and the determination must tie its findings to those standards (LC 4610.6(e); paraphrased, check the ' +
      'official texts). The MAXIMUS guideline field is where the letter says which standard it applied; when it is ' +
      'missing, or says no medical evidence was cited, the reader cannot tell what the decision rests on. Surgical ' +
      'add-ons decided only because the surgery itself was not necessary are the accepted exception.',
    examples: {
      failing: [
        'MRI of the lumbar spine without contrast: Upheld',
        'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.',
        'Decision rationale: There were no red flag symptoms. The request for an MRI of the lumbar spine is not medically necessary.',
      ].join('\n'),
      passing: [
        'MRI of the lumbar spine without contrast: Upheld',
        'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.',
        'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Summary.',
        'Decision rationale: There were no red flag symptoms. The request for an MRI of the lumbar spine is not medically necessary.',
      ].join('\n'),
    },
    options: {
      allowAncillaryWithoutCitation: {
        type: 'boolean',
        default: true,
        description:
          'Accept "did not cite any medical evidence" for surgical add-ons whose rationale rests only on the decision about the surgery itself.',
      },
    },
  },
  check({ document, source, options }) {
    const reports: Report[] = [];
    const allowAncillary = options.allowAncillaryWithoutCitation !== false;
    const name = fieldName(document);
    for (const item of document.items) {
      if (item.fromFindings) continue; // an L1 item known only from the findings list has no block to check
      const field = item.reviewerGuideline;
      if (!field) {
        // L0 carries the reviewer's guidelines in a section of its own: a missing one is IMR006's.
        if (document.layout === 'L0') continue;
        reports.push({
          message: `${itemWithDecision(item)} has no ${name} field: the decision cites no guideline.`,
          range: item.headingRange,
          fixes: insertFix(document, source, item),
        });
        continue;
      }
      const body = field.guideline;
      if (!field.body.text.trim()) {
        reports.push({
          message: `${itemWithDecision(item)} has an empty ${name} field: the decision cites no guideline.`,
          range: field.labelRange,
        });
      } else if (body && body.citations.length === 0) {
        if (body.noEvidence) {
          if (allowAncillary && isAncillaryAddOn(item)) continue;
          reports.push({
            message: `${itemWithDecision(item)}: the ${name} field says no medical evidence was cited.`,
            range: field.labelRange,
            severity: 'warning',
          });
        } else if (hasL3Labels(document.layout)) {
          // Only L3 (and the assumed L2) cite in the "Decision based on …" grammar; older layouts write prose.
          reports.push({
            message: `${itemWithDecision(item)}: the ${name} field names no guideline ("Decision based on …").`,
            range: field.labelRange,
            severity: 'warning',
          });
        }
      }
    }
    return reports;
  },
};
