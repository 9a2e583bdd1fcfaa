// The custom requests behind the VS Code client's item picker and Determinations view (types in
// server/src/protocol.ts):
//  * `imr/documentItems`: the disputed items of an open letter, as the code lens lists them;
//  * `imr/determinations`: every letter of the workspace index (open documents over their files; each letter of
//    a file that holds several) with its case number, decision date, an appeal-deadline estimate, its decision
//    counts and items. The index sends
//    `imr/indexReady` / `imr/indexChanged` when there is more to fetch.
import { addDays, formatDate, readHeaderDate } from '../core/rules/support/dates';
import { countDecisions } from '../core/service/lens';
import type { IndexEntry } from '../core/service/workspaceSearch';
import {
  DeterminationsRequest,
  DocumentItemsRequest,
  type DeterminationsResult,
  type DocumentItemsResult,
  type LetterSummary,
} from '../protocol';
import { handler, throwIfCancelled, type Feature } from './context';
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

/** One summary per letter of the file, each with its own case number, decision date, deadline and items. */
export function letterSummaries(entry: IndexEntry): LetterSummary[] {
  return entry.letters.map((letter) => {
    const items = letter.items.map((i) => i.pick);
    const summary: LetterSummary = { uri: entry.uri, fileName: entry.fileName, counts: countDecisions(items), items };
    if (letter.caseNumber) summary.caseNumber = letter.caseNumber;
    if (letter.decisionDate) {
      summary.decisionDate = letter.decisionDate;
      const appealBy = appealByEstimate(letter.decisionDate);
      if (appealBy) summary.appealByEstimate = appealBy;
    }
    if (entry.letters.length > 1)
      summary.letter = { index: letter.index, count: entry.letters.length, range: letter.range };
    return summary;
  });
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
            const items = context.service.items(params.uri);
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
            const letters = entries.flatMap(letterSummaries);
            // By file, then in file order (a stable sort keeps a file's letters as they stand).
            letters.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
            return { letters, indexing: symbols.index.isBuilding, truncated: symbols.index.stats?.truncated ?? false };
          },
        ),
      );
    },
  };
}
