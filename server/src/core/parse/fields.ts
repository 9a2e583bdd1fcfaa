// Per-item fields: the label, its body up to the next label or item, and what the body says.
import { parseGuidelineBody } from '../citations';
import type { Field, FieldKind } from '../model';
import { findNecessityConclusion } from '../necessity';
import { Excerpt } from '../text/excerpt';
import type { Line } from '../text/lines';

export interface FieldLabel {
  kind: FieldKind;
  text: string;
}

/** A field whose label starts line `at` and whose body runs to line `end` (inclusive). */
export function buildField(lines: readonly Line[], at: number, end: number, label: FieldLabel, labelEnd = label.text.length): Field {
  const first = lines[at];
  const bodyLines = lines.slice(at, Math.max(at, end) + 1);
  const body = Excerpt.fromLines(bodyLines, labelEnd);
  const labelRange = {
    start: { line: first.line, character: first.start },
    end: { line: first.line, character: first.start + labelEnd },
  };
  const field: Field = {
    kind: label.kind,
    label: first.text.slice(0, labelEnd),
    labelRange,
    body: body.toSpan(),
    range: { start: labelRange.start, end: body.text ? body.range.end : labelRange.end },
  };
  if (label.kind === 'rationale') {
    const c = findNecessityConclusion(body.text);
    if (c) field.conclusion = { polarity: c.polarity, sentence: body.span(c.start, c.end) };
  } else {
    field.guideline = parseGuidelineBody(body.text, (s, e) => body.rangeOf(s, e));
  }
  return field;
}
