// `imr/checkWorkspace`: the findings of every letter in the workspace index that is not open, as LSP
// diagnostics, so that Problems lists letters nobody opened (open letters are checked by the diagnostics
// feature). Bounded like the index (its MAX_FILES letters, MAX_FILE_BYTES each), cancellable with the request,
// and throttled: the service reads the files in time slices (languageService.ts, core/service/workspaceFiles.ts).
import { CheckWorkspaceRequest, type CheckWorkspaceResult } from '../protocol';
import { isCancelledBy, type Feature } from './context';
import { onCustomRequest } from './customMessages';
import { toDiagnostic } from './diagnostics';
import type { WorkspaceSymbolsFeature } from './workspaceSymbols';

export function createWorkspaceCheckFeature(symbols: WorkspaceSymbolsFeature): Feature {
  return {
    name: 'workspaceCheck',
    capabilities: () => ({}),
    register(context) {
      onCustomRequest(
        context,
        CheckWorkspaceRequest,
        (): CheckWorkspaceResult => ({ letters: [], checked: 0, truncated: false }),
        async (_params, token): Promise<CheckWorkspaceResult> => {
          const uris = await symbols.closedLetterUris(context, token);
          const checked = await context.service.checkFiles(uris, isCancelledBy(token));
          const letters = checked.map(({ uri, findings }) => ({
            uri,
            diagnostics: findings.map((f) => toDiagnostic(f, 0, context.extensionRoot, uri)),
          }));
          return { letters, checked: letters.length, truncated: symbols.index.stats?.truncated ?? false };
        },
      );
    },
  };
}
