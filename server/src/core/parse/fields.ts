// Per-item fields: the label, its body up to the next label or item, and what the body says.
import { parseGuidelineBody } from '../citations';
import type { Field, FieldKind, Range } from '../model';
import { findConclusions } from '../necessity';
import { Excerpt } from '../text/excerpt';
import type { Line } from '../text/lines';

export interface FieldLabel {
  kind: FieldKind;
  text: string;
}

/** A field whose label starts line `at` (`first`) and whose body runs to line `end` (inclusive). */
export function buildField(
  lines: readonly Line[],
  first: Line,
  at: number,
  end: number,
  label: FieldLabel,
  labelEnd = label.text.length,
): Field {
  const body = Excerpt.fromLineRange(lines, at, Math.min(Math.max(at, end), lines.length - 1), labelEnd);
  const labelRange = {
    start: { line: first.line, character: first.start },
    end: { line: first.line, character: first.start + labelEnd },
  };
  return fieldFromParts(label.kind, first.text.slice(0, labelEnd), labelRange, body);
}

/**
 * A field from a label already found and its body, with what the body says (citations or the necessity
 * conclusion). For labels that wrap over lines (L1, L0), where `buildField`'s one-line label does not fit.
 */
export function fieldFromParts(kind: FieldKind, label: string, labelRange: Range, body: Excerpt): Field {
  const field: Field = {
    kind,
    label,
    labelRange,
    body,
    // The body's end position itself, not a second lookup of it (positions are never mutated).
    range: { start: labelRange.start, end: body.text ? body.range.end : labelRange.end },
  };
  if (kind === 'rationale') {
    const { necessity: c, ur } = findConclusions(body.text);
    if (c) field.conclusion = { polarity: c.polarity, sentence: body.span(c.start, c.end) };
    if (ur)
      field.urConclusion = {
        polarity: ur.polarity,
        word: body.span(ur.start, ur.end),
        sentence: body.span(ur.sentenceStart, ur.sentenceEnd),
      };
  } else {
    field.guideline = parseGuidelineBody(body.text, (s, e) => body.rangeOf(s, e));
  }
  return field;
}
