// `imr/export`: Export Disputed Items in the editor, with the rows and the formatting of `imr export`
// (core/exportRows.ts). The `file` column is the letter's path (its URI when it has none). Open documents are
// exported as they stand in the editor; the others are read from disk. Cancellable between letters.
import { fileURLToPath } from 'node:url';
import { parse, type ImrDocument } from '../core';
import { exportRows, formatRows, type ExportRow } from '../core/exportRows';
import { readLetter } from '../node/letterReader';
import { ExportRequest, type ExportResult } from '../protocol';
import { degradedDocument, handler, throwIfCancelled, type Feature } from './context';
import { onCustomRequest } from './customMessages';
import { MAX_FILE_BYTES } from './workspaceIndex';
import { canonicalUri, type WorkspaceSymbolsFeature } from './workspaceSymbols';

function fileOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  } catch {
    return uri;
  }
}

export function createExportFeature(symbols: WorkspaceSymbolsFeature): Feature {
  return {
    name: 'export',
    capabilities: () => ({}),
    register(context) {
      onCustomRequest(
        context.connection,
        ExportRequest,
        handler(
          context,
          'export',
          (): ExportResult => ({ text: '', rows: 0, errors: ['The export failed; see the output.'] }),
          async (params, token) => {
            const uris = params.uris ?? (await symbols.currentEntries(context, token)).map((e) => e.uri).sort();
            const open = new Map(context.documents.all().map((d) => [canonicalUri(d.uri), d]));
            const rows: ExportRow[] = [];
            const errors: string[] = [];
            for (const uri of uris) {
              throwIfCancelled(token);
              const file = fileOf(uri);
              const document = open.get(canonicalUri(uri));
              let letter: ImrDocument;
              // A degraded open document is read from its file, under the index's size limit.
              if (document && !degradedDocument(context, document)) letter = context.analyses.get(document).document;
              else {
                const read = uri.startsWith('file:') ? await readLetter(file, { maxBytes: MAX_FILE_BYTES }) : undefined;
                if (!read?.ok) {
                  errors.push(`${file}: ${read && !read.ok ? read.reason : 'not open and not a file'}`);
                  continue;
                }
                letter = parse(read.text);
              }
              rows.push(...exportRows(file, letter));
            }
            return { text: formatRows(rows, params.format), rows: rows.length, errors };
          },
        ),
      );
    },
  };
}
