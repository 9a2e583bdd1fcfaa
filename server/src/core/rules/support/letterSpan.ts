// The part of the source a rule's document covers: a rule that scans the text itself (not the model) reads
// only its own letter's, so that in a file of several letters each finding is reported once, by its letter.
import type { ImrDocument } from '../../model';
import type { LineLocator } from './lineLocator';

export interface TextSpan {
  /** Offset where the letter starts. */
  from: number;
  /** Offset where it ends (exclusive): the next letter's start, or the end of the text. */
  to: number;
}

// The runner gives every rule the same letter object: the span is found once per letter and text, not once
// per rule (each lookup walks the letter's lines from its first).
const spans = new WeakMap<ImrDocument, { text: string; span: TextSpan }>();

export function letterSpan(document: ImrDocument, lines: LineLocator): TextSpan {
  const known = spans.get(document);
  if (known?.text === lines.text) return known.span;
  const span = findSpan(document, lines);
  spans.set(document, { text: lines.text, span });
  return span;
}

function findSpan(document: ImrDocument, lines: LineLocator): TextSpan {
  const { start, end } = document.range;
  const length = lines.text.length;
  const from = Math.min(length, lines.lineStart(start.line) + start.character);
  const to = Math.min(length, lines.lineStart(end.line) + end.character);
  return { from, to: Math.max(from, to) };
}
