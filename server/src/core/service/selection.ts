// Smart select (expand selection): the ranges around a position. From the inside out:
//   field body:    citation or necessity sentence → field body → field → item → section → document
//   item heading:  decision word or item text → heading line(s) → item → section → document
//   header:        label or value → header → document
//   L1 paragraph:  date or its introducing words → sentence → paragraph → section → document
//                  (an L1 letter's dates, but for `Dated:`, stand in the procedural paragraph: no header block)
//   credentials:   credentials → section → document
// Every step strictly contains the previous one; equal ranges are merged. A position outside every element
// gets the whole document.
import { throwIfCancelled, type IsCancelled } from '../cancel';
import { letterAt } from '../letters';
import type { Header, HeaderField, ImrDocument, Letter, Position, Range, Section } from '../model';
import { comparePositions, containsPosition, containsRange, sameRange } from '../range';
import type { SourceText } from '../source';

/** A range and the ranges around it, innermost first (the shape of LSP's SelectionRange). */
export interface Selection {
  range: Range;
  parent?: Selection;
}

/** The ranges around `p`, outermost first. */
function rangesAround(doc: ImrDocument, source: SourceText, p: Position): Range[] {
  const out: Range[] = [doc.range];
  const push = (r: Range | undefined) => {
    if (r && containsPosition(r, p)) out.push(r);
  };
  // In a file of several letters, the letter holding `p` is the next range in.
  const letter = letterAt(doc, p.line);
  if (letter !== doc && !sameRange(letter.range, doc.range)) push(letter.range);
  const header = letter.header;
  // An L1 date in a sentence is no header block, even where the header's range is that date's (no `Dated:`).
  const dated = header && sentenceFieldAt(header.fields, p);
  if (header && !dated && containsPosition(header.range, p)) {
    out.push(header.range);
    for (const field of Object.values(header.fields)) {
      if (!field) continue;
      push(field.labelRange);
      push(field.valueRange);
    }
  }
  const section = doc.sections.find((s) => containsPosition(s.range, p));
  push(section?.range);
  if (dated && section) {
    const paragraph = paragraphAround(source, letter, section, dated);
    push(paragraph);
    push(sentenceAround(source, paragraph, dated));
    push(dated.labelRange);
    push(dated.valueRange);
  }
  if (letter.credentials) push(letter.credentials.range);
  const item = doc.items.find((i) => containsPosition(i.range, p) || containsPosition(i.headingRange, p));
  if (item) {
    push(item.range);
    if (containsPosition(item.headingRange, p)) {
      out.push(item.headingRange);
      push(item.decision?.range);
      push(item.text.range);
    }
    const field = item.fields.find((f) => containsPosition(f.range, p));
    if (field) {
      out.push(field.range);
      push(field.labelRange);
      if (containsPosition(field.body.range, p)) {
        out.push(field.body.range);
        push(field.guideline?.citations.find((c) => containsPosition(c.range, p))?.range);
        push(field.conclusion?.sentence.range);
      }
    }
  }
  return out;
}

/** The L1 date read from a sentence whose introducing words or date hold `p`. */
function sentenceFieldAt(fields: Header['fields'], p: Position): HeaderField | undefined {
  return Object.values(fields).find(
    (f) => f.inSentence && (containsPosition(f.labelRange, p) || containsPosition(f.valueRange, p)),
  );
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/**
 * The procedural paragraph holding `field`: from the section's first word to the last word before the
 * numbered findings that follow it (or to the section's end).
 */
function paragraphAround(source: SourceText, letter: Letter, section: Section, field: HeaderField): Range {
  const text = source.text;
  const next = letter.findings?.repeated.find(
    (f) => comparePositions(f.range.start, field.valueRange.end) > 0 && containsRange(section.bodyRange, f.range),
  );
  let start = source.offsetAt(section.bodyRange.start);
  let end = source.offsetAt(next ? next.range.start : section.bodyRange.end);
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start: source.positionAt(start), end: source.positionAt(end) };
}

/** The sentence of `field` within its paragraph: after the period before its words, through the period after its date. */
function sentenceAround(source: SourceText, paragraph: Range, field: HeaderField): Range {
  const text = source.text;
  const from = source.offsetAt(paragraph.start);
  const to = source.offsetAt(paragraph.end);
  let start = source.offsetAt(field.labelRange.start);
  // A period ends a sentence only when a space or line break follows it (not `9.5` or `U.S.`).
  while (start > from && !(text.charCodeAt(start - 1) === 46 && isSpace(text.charCodeAt(start)))) start--;
  while (start < to && isSpace(text.charCodeAt(start))) start++;
  const period = text.indexOf('.', source.offsetAt(field.valueRange.end));
  const end = period >= 0 && period < to ? period + 1 : to;
  return { start: source.positionAt(start), end: source.positionAt(end) };
}

/** Outermost-first ranges → the innermost Selection with its parents; out-of-order ranges are dropped. */
function toSelection(ranges: readonly Range[]): Selection {
  let current: Selection | undefined;
  for (const range of ranges) {
    if (current && (!containsRange(current.range, range) || sameRange(current.range, range))) continue;
    current = current ? { range, parent: current } : { range };
  }
  return current ?? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** The selection at each position. */
export function selectionsAt(
  doc: ImrDocument,
  source: SourceText,
  positions: readonly Position[],
  isCancelled?: IsCancelled,
): Selection[] {
  return positions.map((p) => {
    throwIfCancelled(isCancelled);
    return toSelection(rangesAround(doc, source, p));
  });
}
