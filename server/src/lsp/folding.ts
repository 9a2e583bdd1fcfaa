// textDocument/foldingRange: the header, each section, the reviewer credentials, each disputed item and each
// of its fields, all of kind Region. Folds are whole lines (start line of the element → its last line);
// single-line elements get none. Character offsets are added only for clients that do not set
// `lineFoldingOnly`. Clients that support `collapsedText` see a folded item as `<item> · <decision>`.
// A client's `rangeLimit` is honoured by keeping the outermost folds.
import { FoldingRangeKind, type CancellationToken, type ClientCapabilities, type FoldingRange, type FoldingRangeParams } from 'vscode-languageserver';
import type { ImrDocument, Range } from '../core/model';
import { decisionLabel, itemName } from '../core/outline';
import { handler, openAnalysis, throwIfCancelled, type Feature } from './context';

interface Fold {
  range: Range;
  /** 0 = top level (header, sections), 1 = items and credentials, 2 = fields. */
  depth: number;
  collapsedText?: string;
}

export function foldsOf(doc: ImrDocument, token?: CancellationToken): Fold[] {
  const folds: Fold[] = [];
  if (doc.header) folds.push({ range: doc.header.range, depth: 0 });
  for (const section of doc.sections) folds.push({ range: section.range, depth: 0 });
  if (doc.credentials) folds.push({ range: doc.credentials.range, depth: 1 });
  for (const item of doc.items) {
    throwIfCancelled(token);
    folds.push({ range: item.range, depth: 1, collapsedText: `${itemName(item)} · ${decisionLabel(item)}` });
    for (const field of item.fields) folds.push({ range: field.range, depth: 2 });
  }
  return folds;
}

export function toFoldingRanges(folds: readonly Fold[], capabilities: ClientCapabilities): FoldingRange[] {
  const caps = capabilities.textDocument?.foldingRange;
  const lineOnly = caps?.lineFoldingOnly === true;
  const collapsedText = caps?.foldingRange?.collapsedText === true;
  const limit = caps?.rangeLimit;
  let kept = folds.filter((f) => f.range.end.line > f.range.start.line);
  // Two folds on one start line: clients keep one; keep the outer (first pushed at a lower depth).
  const byStart = new Map<number, Fold>();
  for (const f of kept) {
    const other = byStart.get(f.range.start.line);
    if (!other || f.depth < other.depth || (f.depth === other.depth && f.range.end.line > other.range.end.line)) byStart.set(f.range.start.line, f);
  }
  kept = [...byStart.values()];
  if (typeof limit === 'number' && limit >= 0 && kept.length > limit) {
    kept = [...kept].sort((a, b) => a.depth - b.depth || a.range.start.line - b.range.start.line).slice(0, limit);
  }
  kept.sort((a, b) => a.range.start.line - b.range.start.line);
  return kept.map((f) => {
    const range: FoldingRange = { startLine: f.range.start.line, endLine: f.range.end.line, kind: FoldingRangeKind.Region };
    if (!lineOnly) {
      range.startCharacter = f.range.start.character;
      range.endCharacter = f.range.end.character;
    }
    if (collapsedText && f.collapsedText) range.collapsedText = f.collapsedText;
    return range;
  });
}

export const foldingFeature: Feature = {
  name: 'folding',
  capabilities: () => ({ foldingRangeProvider: true }),
  register(context) {
    context.connection.onFoldingRanges(
      handler(context, 'foldingRange', (): FoldingRange[] => [], (params: FoldingRangeParams, token) => {
        const open = openAnalysis(context, params.textDocument.uri);
        if (!open) return [];
        return toFoldingRanges(foldsOf(open.analysis.document, token), context.clientCapabilities);
      }),
    );
  },
};
