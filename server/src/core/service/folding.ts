// Folding: the header, each section, the reviewer credentials, each disputed item and each of its fields.
// Folds are whole lines (start line of the element → its last line); single-line elements get none. An item
// folds to `<item> · <decision>` where the client shows collapsed text. A `rangeLimit` keeps the outermost.
import { throwIfCancelled, type IsCancelled } from '../cancel';
import { lettersOf } from '../letters';
import type { ImrDocument, Range } from '../model';
import { decisionLabel, itemName } from '../outline';

export interface Fold {
  range: Range;
  /** 0 = top level (header, sections), 1 = items and credentials, 2 = fields. */
  depth: number;
  collapsedText?: string;
}

/** A fold as the client gets it. */
export interface FoldingRange {
  startLine: number;
  endLine: number;
  startCharacter?: number;
  endCharacter?: number;
  collapsedText?: string;
}

export interface FoldingOptions {
  /** Whole lines only: no characters. */
  lineFoldingOnly?: boolean;
  collapsedText?: boolean;
  rangeLimit?: number;
}

export function foldsOf(doc: ImrDocument, isCancelled?: IsCancelled): Fold[] {
  const folds: Fold[] = [];
  for (const letter of lettersOf(doc)) {
    if (letter.header) folds.push({ range: letter.header.range, depth: 0 });
    if (letter.credentials) folds.push({ range: letter.credentials.range, depth: 1 });
  }
  for (const section of doc.sections) folds.push({ range: section.range, depth: 0 });
  for (const item of doc.items) {
    throwIfCancelled(isCancelled);
    folds.push({ range: item.range, depth: 1, collapsedText: `${itemName(item)} · ${decisionLabel(item)}` });
    for (const field of item.fields) folds.push({ range: field.range, depth: 2 });
  }
  return folds;
}

/** The folds a client can show: multi-line, one per start line (the outer), within its limit, in order. */
export function foldingRanges(folds: readonly Fold[], options: FoldingOptions): FoldingRange[] {
  let kept = folds.filter((f) => f.range.end.line > f.range.start.line);
  // Two folds on one start line: clients keep one; keep the outer (first pushed at a lower depth).
  const byStart = new Map<number, Fold>();
  for (const f of kept) {
    const other = byStart.get(f.range.start.line);
    if (!other || f.depth < other.depth || (f.depth === other.depth && f.range.end.line > other.range.end.line))
      byStart.set(f.range.start.line, f);
  }
  kept = [...byStart.values()];
  const limit = options.rangeLimit;
  if (typeof limit === 'number' && limit >= 0 && kept.length > limit) {
    kept = [...kept].sort((a, b) => a.depth - b.depth || a.range.start.line - b.range.start.line).slice(0, limit);
  }
  kept.sort((a, b) => a.range.start.line - b.range.start.line);
  return kept.map((f) => {
    const range: FoldingRange = { startLine: f.range.start.line, endLine: f.range.end.line };
    if (!options.lineFoldingOnly) {
      range.startCharacter = f.range.start.character;
      range.endCharacter = f.range.end.character;
    }
    if (options.collapsedText && f.collapsedText) range.collapsedText = f.collapsedText;
    return range;
  });
}
