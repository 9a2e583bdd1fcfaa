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

// The runner gives every rule the same letter object: a letter of several is found once per letter and text,
// not once per rule (each lookup walks the letter's lines from its first). A whole text, the usual letter,
// costs less to read again than to remember.
const spans = new WeakMap<ImrDocument, { text: string; span: TextSpan }>();

export function letterSpan(document: ImrDocument, lines: LineLocator): TextSpan {
  const { start } = document.range;
  if (start.line === 0 && endsText(document, lines.text)) {
    const length = lines.text.length;
    return { from: Math.min(length, start.character), to: length }; // line 0 starts the text
  }
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
  const to = endsText(document, lines.text) ? length : Math.min(length, lines.lineStart(end.line) + end.character);
  return { from, to: Math.max(from, to) };
}

/**
 * Whether the letter runs to the end of the text, as the last (usually the only) one does: read back from the
 * end, so that the cursor does not walk every line of the letter to find where it ends.
 */
function endsText(document: ImrDocument, text: string): boolean {
  const { end } = document.range;
  if (end.line !== document.lineCount - 1) return false;
  // The last line is as long as the letter's range says: a line break before it, and none in it.
  const lastLineStart = text.length - end.character;
  if (lastLineStart < 0 || text.indexOf('\n', lastLineStart) >= 0 || text.indexOf('\r', lastLineStart) >= 0)
    return false;
  const before = text.charCodeAt(lastLineStart - 1);
  return lastLineStart === 0 || before === 10 || before === 13;
}
