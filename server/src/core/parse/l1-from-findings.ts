// L1 letters as they really extract: the item blocks' labels are known only from memory, so when none
// matches, the items come from the findings list, which states every decision (format guide §9):
// "has determined the request for <item> is [not] medically necessary and appropriate".
import type { DisputedItem, Finding } from '../model';
import type { Line } from '../text/lines';
import type { SectionLines } from './sections';

/** Items read from the findings: not necessary → Upheld, necessary → Overturned, with the wording kept. */
export function itemsFromFindings(findings: readonly Finding[]): DisputedItem[] {
  return findings.map((f, k) => ({
    index: k + 1,
    text: f.item,
    subject: f.item.text,
    decision: {
      value: f.polarity === 'negative' ? 'Upheld' : 'Overturned',
      raw: f.wording.text,
      range: f.wording.range,
    },
    headingRange: f.range,
    range: f.range,
    fromFindings: true,
    fields: [],
  }));
}

/**
 * The findings list's lines, with the text glued before the decisions heading on its line
 * (`… appropriate. INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE`), which no section holds.
 */
export function findingsLines(lines: readonly Line[], sections: readonly SectionLines[]): Line[] {
  const body = [...(sections.find((s) => s.section.kind === 'findings')?.body ?? [])];
  const heading = sections.find((s) => s.section.kind === 'decisions')?.section.headingRange.start;
  const line = heading && lines.find((l) => l.line === heading.line);
  if (line && heading.character > line.start && !body.includes(line)) {
    body.push({ ...line, text: line.text.slice(0, heading.character - line.start).trimEnd() });
  }
  return body;
}
