// The L1 header (2013, format guide §9): an L1 letter has no header block. Its dates are the `Dated:` date
// under the title (`Notice of Independent Medical Review Determination Dated: 9/26/2013` when extraction
// glues them), and those of the procedural paragraph under INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE:
//   The Application for Independent Medical Review was received on 8/30/2013. The utilization review denial
//   being disputed was dated 8/19/2013. A Notice of Assignment and Request for Information was provided to
//   the parties on 9/4/2013. …
// Each sentence is found by its own words, so that a reworded or reordered paragraph still gives its dates.
import type { Header, HeaderField, HeaderFieldName } from '../model';
import { readTextDateAt } from '../rules/support/dates';
import { Excerpt } from '../text/excerpt';
import type { Line } from '../text/lines';
import { rangeIn } from './header';
import type { SectionLines } from './sections';

const DATED = 'Dated:';
const NUMBERED = /^\d{1,3}\)\s/;
/** The paragraph is three or four sentences; past this many lines it is surely over. */
const MAX_PARAGRAPH_LINES = 10;

// From the words that name the event to the date: one sentence (no period between), bounded. The words end
// where a date starts (a digit or a month's name), so "denial of the request … dated 8/19/2013" reads on.
const DATE_AHEAD = String.raw`(?=\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s)`;
const introducedBy = (pattern: string) => new RegExp(pattern + DATE_AHEAD, 'gi');
const SENTENCES: readonly { name: HeaderFieldName; words: RegExp }[] = [
  { name: 'applicationReceived', words: introducedBy(String.raw`\bApplication\b[^.]{0,80}?\breceived\s+(?:on\s+)?`) },
  {
    name: 'urDenialDate',
    words: introducedBy(
      String.raw`\b(?:utilization\s+review|UR)\s+(?:denial|determination|decision)\b[^.]{0,60}?\b(?:dated|of|on)\s+`,
    ),
  },
  {
    name: 'noticeOfAssignment',
    words: introducedBy(String.raw`\bNotice\s+of\s+Assignment\b[^.]{0,100}?\b(?:on|dated)\s+`),
  },
];

/** The header an L1 letter gives in its own places; undefined when none of its dates is there. */
export function parseL1Header(lines: readonly Line[], sections: readonly SectionLines[]): Header | undefined {
  const decisions = sections.find((s) => s.section.kind === 'decisions');
  const decisionsLine = decisions?.section.headingRange.start.line;
  const fields: Header['fields'] = {};
  const dated = datedField(lines, decisionsLine);
  if (dated) fields.decisionDate = dated;
  if (decisions) for (const field of paragraphFields(decisions)) fields[field.name] ??= field;
  const first = dated ?? Object.values(fields)[0];
  if (!first) return undefined;
  return { range: { start: first.labelRange.start, end: first.valueRange.end }, fields };
}

/** `Dated: M/D/YYYY`, on the title's line or its own, before the decisions heading. */
function datedField(lines: readonly Line[], beforeLine: number | undefined): HeaderField | undefined {
  for (const line of lines) {
    if (beforeLine !== undefined && line.line >= beforeLine) break;
    const at = line.text.indexOf(DATED);
    if (at < 0) continue;
    let from = at + DATED.length;
    while (line.text.charCodeAt(from) === 32) from++;
    const date = readTextDateAt(line.text, from);
    const end = date ? date.end : from;
    return {
      name: 'decisionDate',
      label: DATED,
      labelRange: rangeIn(line, at, at + DATED.length),
      value: line.text.slice(from, end),
      valueRange: rangeIn(line, from, end),
    };
  }
  return undefined;
}

/** The dates of the paragraph before the repeated findings, each with the words that introduce it. */
function paragraphFields(decisions: SectionLines): HeaderField[] {
  const end = decisions.body.findIndex((l, k) => (k > 0 || decisions.bodyFrom === 0) && NUMBERED.test(l.text));
  const last = Math.min(end < 0 ? decisions.body.length : end, MAX_PARAGRAPH_LINES);
  if (last === 0) return [];
  const paragraph = Excerpt.fromLines(decisions.body.slice(0, last), decisions.bodyFrom);
  const text = paragraph.text;
  const fields: HeaderField[] = [];
  for (const { name, words } of SENTENCES) {
    words.lastIndex = 0;
    for (let m = words.exec(text); m; m = words.exec(text)) {
      const dateAt = m.index + m[0].length;
      const date = readTextDateAt(text, dateAt);
      if (!date || date.yearDigits !== 4) continue;
      const labelEnd = m.index + m[0].trimEnd().length;
      fields.push({
        name,
        label: text.slice(m.index, labelEnd),
        labelRange: paragraph.rangeOf(m.index, labelEnd),
        value: text.slice(dateAt, date.end),
        valueRange: paragraph.rangeOf(dateAt, date.end),
        inSentence: true,
      });
      break;
    }
  }
  return fields;
}
