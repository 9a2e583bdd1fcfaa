// The numbered findings of an L1 letter (format guide §9): after `Dated:`, and repeated word for word
// under INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE:
//   1) MAXIMUS Federal Services, Inc. has determined the request for <item> is not medically necessary and appropriate.
import type { Finding } from '../model';
import { Excerpt } from '../text/excerpt';
import { textAt, type Line } from '../text/lines';

const NUMBERED = /^\d{1,3}\)\s/;
const ITEM_HEADING = /^\d{1,3}\)\s*Regarding\b/;
// The lead-in is matched loosely (only "the request for" is required) so that a reworded opening still
// yields the item and its polarity; `d` gives the offsets of the item text.
const FINDING =
  /^(\d{1,3})\)\s*(?:.*?\bdetermined\s+)?the\s+request\s+for\s+(.+?)\s+((?:is|are)\s+(not\s*)?medically\s+necessary(?:\s+and\s+appropriate)?)\s*\.?$/d;
/** A finding is one sentence; it may wrap over a few lines. */
const MAX_FINDING_LINES = 4;

/** The findings in a section's body lines; numbered lines that do not read as a finding are skipped. */
export function readFindings(lines: readonly Line[]): Finding[] {
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = textAt(lines, i);
    if (!NUMBERED.test(text) || ITEM_HEADING.test(text)) continue;
    let last = i;
    while (
      last + 1 < lines.length &&
      last - i + 1 < MAX_FINDING_LINES &&
      !textAt(lines, last).endsWith('.') &&
      !NUMBERED.test(textAt(lines, last + 1))
    ) {
      last++;
    }
    const sentence = Excerpt.fromLines(lines.slice(i, last + 1));
    const m = FINDING.exec(sentence.text);
    const item = m?.indices?.[2];
    const wording = m?.indices?.[3];
    if (!m || !item || !wording) continue;
    const [itemStart, itemEnd] = item;
    const [wordingStart, wordingEnd] = wording;
    findings.push({
      number: Number(m[1]),
      item: sentence.span(itemStart, itemEnd),
      polarity: m[4] !== undefined ? 'negative' : 'positive',
      wording: sentence.span(wordingStart, wordingEnd),
      range: sentence.range,
    });
    i = last;
  }
  return findings;
}
