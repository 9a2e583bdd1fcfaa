// The three field labels of an L1 item block. They are long (94 and 123 characters) and wrap wherever the
// line ran out, so they are matched on the text folded over a few lines, not on one line.
// [recall] The label wording comes from recalled domain knowledge (format guide §9), not from a sample letter.
import type { FieldKind, Range } from '../model';
import { Excerpt } from '../text/excerpt';
import { textAt, type Line } from '../text/lines';

interface L1Label {
  kind: FieldKind;
  text: string;
  /** The label with any run of blanks or a line break between its words. */
  pattern: RegExp;
}

function label(kind: FieldKind, text: string): L1Label {
  const words = text.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { kind, text, pattern: new RegExp('^' + words.join('\\s+')) };
}

export const L1_LABELS: readonly L1Label[] = [
  label(
    'claimsAdministratorGuideline',
    'Section of the Medical Treatment Utilization Schedule (MTUS) used by the Claims Administrator:',
  ),
  label(
    'reviewerGuideline',
    'Section of the Medical Treatment Utilization Schedule (MTUS) relied upon by the Expert Reviewer in making his/her decision:',
  ),
  label('rationale', 'Rationale for the Decision:'),
];

/** The longest label spans two lines at ~95 columns; three allows for a narrow wrap. */
const MAX_LABEL_LINES = 3;
/** A label starts a line; this much of it must be on that line for the line to be tried at all. */
const START_LENGTH = 10;

export interface FoundLabel {
  kind: FieldKind;
  /** The label as written, folded to one line. */
  label: string;
  labelRange: Range;
  /** Index of the line where the label starts. */
  at: number;
  /** Index of the line where the label ends, and where in that line's text the body starts. */
  endAt: number;
  bodyFrom: number;
}

/** The L1 label starting line `i`, looking no further than line `last`. */
export function matchL1Label(lines: readonly Line[], i: number, last: number): FoundLabel | undefined {
  const first = textAt(lines, i);
  for (const spec of L1_LABELS) {
    if (!first.startsWith(spec.text.slice(0, START_LENGTH))) continue;
    const window = lines.slice(i, Math.min(last, i + MAX_LABEL_LINES - 1) + 1);
    const folded = Excerpt.fromLines(window);
    const m = spec.pattern.exec(folded.text);
    if (!m) continue;
    const end = folded.positionAt(m[0].length);
    const endIndex = Math.max(
      0,
      window.findIndex((l) => l.line === end.line),
    );
    const endLine = window[endIndex];
    if (!endLine) continue;
    return {
      kind: spec.kind,
      label: m[0],
      labelRange: folded.rangeOf(0, m[0].length),
      at: i,
      endAt: i + endIndex,
      bodyFrom: end.character - endLine.start,
    };
  }
  return undefined;
}
