// IMR019 copied-ur-summary: the case summary says it was taken directly from utilization review (format
// guide §9 for L1, §11 on 8 CCR 9792.10.6).
import { letterSpan } from './support/letterSpan';
import { lineLocator } from './support/lineLocator';
import type { Report, Rule } from './types';

const DISCLAIMER =
  /Disclaimer:\s+The\s+following\s+case\s+summary\s+was\s+taken\s+directly\s+from\s+the\s+utilization\s+review/iy;
const LABEL = 'disclaimer';

/**
 * Whether the label (any case, as DISCLAIMER's `i` reads ASCII letters) ends at the colon at `colon`. Colons are
 * found with native indexOf, several times faster than a case-insensitive regex for the label; the whole
 * sentence is tried only where the label is.
 */
function labelEndsAt(text: string, colon: number): boolean {
  const start = colon - LABEL.length;
  if (start < 0) return false;
  for (let k = 0; k < LABEL.length; k++) {
    // `| 0x20` lower-cases an ASCII letter and maps nothing else onto one.
    if ((text.charCodeAt(start + k) | 0x20) !== LABEL.charCodeAt(k)) return false;
  }
  return true;
}

export const copiedUrSummary: Rule = {
  meta: {
    id: 'IMR019',
    name: 'copied-ur-summary',
    description:
      'The case summary was copied from the utilization review ("Disclaimer: The following case summary was taken directly from …").',
    defaultSeverity: 'information',
    tags: ['case-summary', 'legal'],
    fixable: false,
    rationale:
      "Without the claims administrator's records, the reviewer may use the utilization review summary together with " +
      'documents from the employee or the treating physician, but never the UR summary alone (8 CCR 9792.10.6(b)-(d), ' +
      'paraphrased; check the official text). A summary taken directly from UR should be read against the rationales: ' +
      'each should rest on dated records of its own, not only on what UR reported.',
    examples: {
      failing:
        'Case Summary: Disclaimer: The following case summary was taken directly from the utilization review denial dated June 3, 2013.',
      passing:
        'Case Summary: The patient is a 47 year old male. The progress report dated 5/28/2013 documents low back pain.',
    },
  },
  check({ document, source }) {
    const reports: Report[] = [];
    // Only this letter's part: the haystack ends where the letter does (a prefix slice keeps the offsets).
    const { from, to } = letterSpan(document, lineLocator(source));
    const text = to === source.text.length ? source.text : source.text.slice(0, to);
    let next = from; // where the next label may start: past the last sentence found
    for (let colon = text.indexOf(':', from); colon >= 0; colon = text.indexOf(':', colon + 1)) {
      if (colon - LABEL.length < next || !labelEndsAt(text, colon)) continue;
      DISCLAIMER.lastIndex = colon - LABEL.length;
      const m = DISCLAIMER.exec(text);
      if (!m) continue;
      next = DISCLAIMER.lastIndex;
      reports.push({
        message:
          'The case summary was taken directly from the utilization review: check that the rationales also rest on ' +
          'records from the employee or the treating physician, never on the UR summary alone.',
        range: { start: source.positionAt(m.index), end: source.positionAt(m.index + m[0].length) },
      });
    }
    return reports;
  },
};
