// textDocument/selectionRange (smart select / expand selection). From the inside out:
//   field body:    citation or necessity sentence → field body → field → item → section → document
//   item heading:  decision word or item text → heading line(s) → item → section → document
//   header:        label or value → header → document
//   credentials:   credentials → section → document
// Every step strictly contains the previous one; equal ranges are merged. A position outside every element
// gets the whole document.
import type { SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import type { ImrDocument, Position, Range } from '../core/model';
import { handler, openAnalysis, throwIfCancelled, type Feature } from './context';

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function containsPosition(range: Range, p: Position): boolean {
  return compare(range.start, p) <= 0 && compare(p, range.end) <= 0;
}

function containsRange(outer: Range, inner: Range): boolean {
  return compare(outer.start, inner.start) <= 0 && compare(inner.end, outer.end) <= 0;
}

function sameRange(a: Range, b: Range): boolean {
  return compare(a.start, b.start) === 0 && compare(a.end, b.end) === 0;
}

/** The ranges around `p`, outermost first. */
export function rangesAround(doc: ImrDocument, p: Position): Range[] {
  const out: Range[] = [doc.range];
  const push = (r: Range | undefined) => {
    if (r && containsPosition(r, p)) out.push(r);
  };
  const header = doc.header;
  if (header && containsPosition(header.range, p)) {
    out.push(header.range);
    for (const field of Object.values(header.fields)) {
      if (!field) continue;
      push(field.labelRange);
      push(field.valueRange);
    }
  }
  push(doc.sections.find((s) => containsPosition(s.range, p))?.range);
  if (doc.credentials) push(doc.credentials.range);
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

/** Outermost-first ranges → the innermost SelectionRange with its parents; out-of-order ranges are dropped. */
export function toSelectionRange(ranges: readonly Range[]): SelectionRange {
  let current: SelectionRange | undefined;
  for (const range of ranges) {
    if (current && (!containsRange(current.range, range) || sameRange(current.range, range))) continue;
    current = current ? { range, parent: current } : { range };
  }
  return current ?? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

export const selectionRangesFeature: Feature = {
  name: 'selectionRanges',
  capabilities: () => ({ selectionRangeProvider: true }),
  register(context) {
    context.connection.onSelectionRanges(
      handler(context, 'selectionRange', (): SelectionRange[] => [], (params: SelectionRangeParams, token) => {
        const open = openAnalysis(context, params.textDocument.uri);
        if (!open) return [];
        const doc = open.analysis.document;
        return params.positions.map((p) => {
          throwIfCancelled(token);
          return toSelectionRange(rangesAround(doc, p));
        });
      }),
    );
  },
};
