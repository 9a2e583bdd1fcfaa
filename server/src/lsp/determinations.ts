// The custom requests behind the VS Code client's item picker and Determinations view (types in
// server/src/protocol.ts):
//  * `imr/documentItems`: the disputed items of an open letter, as the code lens lists them;
//  * `imr/determinations`: every letter of the workspace index (open documents over their files) with its case
//    number, decision date, an appeal-deadline estimate, its decision counts and items. The index sends
//    `imr/indexReady` / `imr/indexChanged` when there is more to fetch.
import { addDays, formatDate, readHeaderDate } from '../core/rules/support/dates';
import { countDecisions, pickableItems } from '../core/service/lens';
import type { IndexEntry } from '../core/service/workspaceSearch';
import {
  DeterminationsRequest,
  DocumentItemsRequest,
  type DeterminationsResult,
  type DocumentItemsResult,
  type LetterSummary,
} from '../protocol';
import { handler, openAnalysis, throwIfCancelled, type Feature } from './context';
import { onCustomRequest } from './customMessages';
import type { WorkspaceSymbolsFeature } from './workspaceSymbols';

/** Labor Code 4610.6(h): an appeal to the WCAB within 30 days of the mailing of the determination. */
export const APPEAL_DAYS = 30;
/** How long the first request waits for a running index build before answering with what is indexed. */
const FIRST_WAIT_MS = 1000;

/** Decision date + 30 days, `MM/DD/YYYY`; undefined when the date is not a real `MM/DD/YYYY`. */
export function appealByEstimate(decisionDate: string | undefined): string | undefined {
  if (!decisionDate) return undefined;
  const read = readHeaderDate(decisionDate);
  return read.kind === 'date' ? formatDate(addDays(read.date, APPEAL_DAYS)) : undefined;
}

export function letterSummary(entry: IndexEntry): LetterSummary {
  const items = entry.items.map((i) => i.pick);
  const summary: LetterSummary = { uri: entry.uri, fileName: entry.fileName, counts: countDecisions(items), items };
  if (entry.caseNumber) summary.caseNumber = entry.caseNumber;
  if (entry.decisionDate) {
    summary.decisionDate = entry.decisionDate;
    const appealBy = appealByEstimate(entry.decisionDate);
    if (appealBy) summary.appealByEstimate = appealBy;
  }
  return summary;
}

export function createDeterminationsFeature(symbols: WorkspaceSymbolsFeature): Feature {
  return {
    name: 'determinations',
    capabilities: () => ({}),
    register(context) {
      onCustomRequest(
        context.connection,
        DocumentItemsRequest,
        handler(
          context,
          'documentItems',
          (): DocumentItemsResult => ({ items: [], counts: { items: 0, upheld: 0, overturned: 0, invalid: 0 } }),
          (params) => {
            const open = openAnalysis(context, params.uri, { includeTooLarge: true });
            if (!open) return { items: [], counts: { items: 0, upheld: 0, overturned: 0, invalid: 0 } };
            const items = pickableItems(open.analysis.document);
            return { items, counts: countDecisions(items) };
          },
        ),
      );
      onCustomRequest(
        context.connection,
        DeterminationsRequest,
        handler(
          context,
          'determinations',
          (): DeterminationsResult => ({ letters: [], indexing: false, truncated: false }),
          async (_params, token) => {
            const entries = await symbols.currentEntries(context, token, FIRST_WAIT_MS);
            throwIfCancelled(token);
            const letters = entries.map(letterSummary);
            letters.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
            return { letters, indexing: symbols.index.isBuilding, truncated: symbols.index.stats?.truncated ?? false };
          },
        ),
      );
    },
  };
}
