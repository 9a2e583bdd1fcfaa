// The custom requests behind the VS Code client's item picker and Determinations view (types in
// server/src/protocol.ts, content in core/service/determinations.ts):
//  * `imr/documentItems`: the disputed items of an open letter, as the code lens lists them;
//  * `imr/determinations`: every letter of the workspace index (open documents over their files; each letter of
//    a file that holds several) with its case number, decision date, an appeal-deadline estimate, its decision
//    counts and items. The index sends `imr/indexReady` / `imr/indexChanged` when there is more to fetch.
import { documentItems } from '../core/service/determinations';
import {
  DeterminationsRequest,
  DocumentItemsRequest,
  type DeterminationsResult,
  type DocumentItemsResult,
} from '../protocol';
import { isCancelledBy, type Feature } from './context';
import { onCustomRequest } from './customMessages';
import type { WorkspaceSymbolsFeature } from './workspaceSymbols';

/** How long the first request waits for a running index build before answering with what is indexed. */
const FIRST_WAIT_MS = 1000;

export function createDeterminationsFeature(symbols: WorkspaceSymbolsFeature): Feature {
  return {
    name: 'determinations',
    capabilities: () => ({}),
    register(context) {
      onCustomRequest(
        context,
        DocumentItemsRequest,
        (): DocumentItemsResult => documentItems([]),
        (params) => context.service.documentItems(params.uri),
      );
      onCustomRequest(
        context,
        DeterminationsRequest,
        (): DeterminationsResult => ({ letters: [], indexing: false, truncated: false }),
        async (_params, token) => {
          const entries = await symbols.currentEntries(context, token, FIRST_WAIT_MS);
          const letters = context.service.determinations(entries, isCancelledBy(token));
          return { letters, indexing: symbols.index.isBuilding, truncated: symbols.index.stats?.truncated ?? false };
        },
      );
    },
  };
}
