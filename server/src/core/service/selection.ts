// Smart select (expand selection): the ranges around a position. From the inside out:
//   field body:    citation or necessity sentence → field body → field → item → section → document
//   item heading:  decision word or item text → heading line(s) → item → section → document
//   header:        label or value → header → document
//   credentials:   credentials → section → document
// Every step strictly contains the previous one; equal ranges are merged. A position outside every element
// gets the whole document.
import { throwIfCancelled, type IsCancelled } from '../cancel';
import { letterAt } from '../letters';
import type { ImrDocument, Position, Range } from '../model';
import { containsPosition, containsRange, sameRange } from '../range';

/** A range and the ranges around it, innermost first (the shape of LSP's SelectionRange). */
export interface Selection {
  range: Range;
  parent?: Selection;
}

/** The ranges around `p`, outermost first. */
function rangesAround(doc: ImrDocument, p: Position): Range[] {
  const out: Range[] = [doc.range];
  const push = (r: Range | undefined) => {
    if (r && containsPosition(r, p)) out.push(r);
  };
  // In a file of several letters, the letter holding `p` is the next range in.
  const letter = letterAt(doc, p.line);
  if (letter !== doc && !sameRange(letter.range, doc.range)) push(letter.range);
  const header = letter.header;
  if (header && containsPosition(header.range, p)) {
    out.push(header.range);
    for (const field of Object.values(header.fields)) {
      if (!field) continue;
      push(field.labelRange);
      push(field.valueRange);
    }
  }
  push(doc.sections.find((s) => containsPosition(s.range, p))?.range);
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
export function selectionsAt(doc: ImrDocument, positions: readonly Position[], isCancelled?: IsCancelled): Selection[] {
  return positions.map((p) => {
    throwIfCancelled(isCancelled);
    return toSelection(rangesAround(doc, p));
  });
}
