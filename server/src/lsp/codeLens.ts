// textDocument/codeLens: one lens over the decisions heading counting the disputed items and their
// decisions: `3 disputed items · 2 upheld · 1 overturned`, plus `· 1 invalid` when an item's decision is
// missing or not one of the two words. Zero counts are shown (`· 0 overturned`), so the line always reads
// the same way. Its command `imr.pickItem` (the VS Code client's quick pick, client/src/extension.ts) gets
// `[uri, items]`, items = `PickableItem[]` (server/src/protocol.ts); other
// editors still show the counts. Documents without items or a decisions heading get the lens on the first
// item line, or none.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { DisputedItem, ImrDocument } from '../core/model';
import { decisionLabel, itemName, outlineDecision } from '../core/outline';
import type { DecisionCounts, PickableItem } from '../protocol';
import { handler, openAnalysis, type Feature } from './context';

export const PICK_ITEM_COMMAND = 'imr.pickItem';

export function countDecisions(doc: ImrDocument): DecisionCounts {
  const counts: DecisionCounts = { items: doc.items.length, upheld: 0, overturned: 0, invalid: 0 };
  for (const item of doc.items) {
    const value = item.decision?.value;
    if (value === 'Upheld') counts.upheld++;
    else if (value === 'Overturned') counts.overturned++;
    else counts.invalid++;
  }
  return counts;
}

/** `8 disputed items · 8 upheld · 0 overturned`, `1 disputed item · 0 upheld · 0 overturned · 1 invalid`. */
export function lensTitle(counts: DecisionCounts): string {
  const parts = [`${counts.items} disputed ${counts.items === 1 ? 'item' : 'items'}`, `${counts.upheld} upheld`, `${counts.overturned} overturned`];
  if (counts.invalid > 0) parts.push(`${counts.invalid} invalid`);
  return parts.join(' · ');
}

export function pickableItem(item: DisputedItem): PickableItem {
  return { label: `${item.index}. ${itemName(item)}`, description: decisionLabel(item), decision: outlineDecision(item), range: item.headingRange };
}

export function pickableItems(doc: ImrDocument): PickableItem[] {
  return doc.items.map(pickableItem);
}

/** The lens for a document, or none when it has no decisions heading and no item. */
export function decisionLenses(doc: ImrDocument, uri: string): CodeLens[] {
  const heading = doc.sections.find((s) => s.kind === 'decisions')?.headingRange;
  const anchor = heading ?? doc.items[0]?.headingRange;
  if (!anchor) return [];
  const range = { start: anchor.start, end: anchor.start.line === anchor.end.line ? anchor.end : anchor.start };
  const title = lensTitle(countDecisions(doc));
  return [{ range, command: { title, command: PICK_ITEM_COMMAND, arguments: [uri, pickableItems(doc)] } }];
}

export const codeLensFeature: Feature = {
  name: 'codeLens',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(context) {
    context.connection.onCodeLens(
      handler(context, 'codeLens', (): CodeLens[] => [], (params: CodeLensParams) => {
        const open = openAnalysis(context, params.textDocument.uri);
        if (!open) return [];
        return decisionLenses(open.analysis.document, params.textDocument.uri);
      }),
    );
  },
};
