// `imr/export`: Export Disputed Items in the editor, with the rows and the formatting of `imr export`
// (core/exportRows.ts). The `file` column is the letter's path (its URI when it has none). Open documents are
// exported as they stand in the editor; the others (and degraded open ones) are read from their files, a PDF's
// `imr-pdf:` document from its PDF. Cancellable between letters.
import type { CancellationToken } from 'vscode-languageserver';
import { parse, type ImrDocument } from '../core';
import { exportRows, formatRows, type ExportRow } from '../core/exportRows';
import { ExportRequest, type ExportParams, type ExportResult } from '../protocol';
import { handler, openAnalysis, throwIfCancelled, type Feature, type ServerContext } from './context';
import { onCustomRequest } from './customMessages';
import { filePathOf } from './settings';
import { readIndexedLetter } from './workspaceIndex';
import { canonicalUri, type WorkspaceSymbolsFeature } from './workspaceSymbols';

/** The letter at `uri` as the editor holds it when open, else as read from its file; or why it cannot be read. */
async function letterAt(
  context: ServerContext,
  uri: string,
  openUris: Map<string, string>,
): Promise<ImrDocument | string> {
  const open = openUris.get(canonicalUri(uri));
  const analysis = open === undefined ? undefined : openAnalysis(context, open)?.analysis;
  if (analysis) return analysis.document;
  const read = await readIndexedLetter(uri);
  return read.ok ? parse(read.text) : read.reason;
}

async function exportLetters(
  context: ServerContext,
  uris: readonly string[],
  format: ExportParams['format'],
  token: CancellationToken,
): Promise<ExportResult> {
  const openUris = new Map(context.documents.all().map((d) => [canonicalUri(d.uri), d.uri]));
  const rows: ExportRow[] = [];
  const errors: string[] = [];
  for (const uri of uris) {
    throwIfCancelled(token);
    const file = filePathOf(uri) ?? uri;
    const letter = await letterAt(context, uri, openUris);
    if (typeof letter === 'string') errors.push(`${file}: ${letter}`);
    else rows.push(...exportRows(file, letter));
  }
  return { text: formatRows(rows, format), rows: rows.length, errors };
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
            return exportLetters(context, uris, params.format, token);
          },
        ),
      );
    },
  };
}
