// `imr/export`: Export Disputed Items in the editor, with the rows and the formatting of `imr export`
// (core/service/workspaceFiles.ts, core/exportRows.ts). The `file` column is the letter's path (its URI when it
// has none). Open documents are exported as they stand in the editor; the others (and degraded open ones) are
// read from their files, a PDF's `imr-pdf:` document from its PDF. Cancellable between letters.
import { ExportRequest, type ExportResult } from '../protocol';
import { isCancelledBy, type Feature } from './context';
import { onCustomRequest } from './customMessages';
import { openUriOf, type WorkspaceSymbolsFeature } from './workspaceSymbols';

export function createExportFeature(symbols: WorkspaceSymbolsFeature): Feature {
  return {
    name: 'export',
    capabilities: () => ({}),
    register(context) {
      onCustomRequest(
        context,
        ExportRequest,
        (): ExportResult => ({ text: '', rows: 0, errors: ['The export failed; see the output.'] }),
        async (params, token) => {
          const uris = params.uris ?? (await symbols.currentEntries(context, token)).map((e) => e.uri).sort();
          return context.service.exportLetters(uris.map(openUriOf(context)), params.format, isCancelledBy(token));
        },
      );
    },
  };
}
