// `imr/export`: Export Disputed Items in the editor, with the rows and the formatting of `imr export`
// (core/service/workspaceFiles.ts, core/exportRows.ts). The `file` column is the letter's path (its URI when it
// has none). Open documents are exported as they stand in the editor; the others (and degraded open ones) are
// read from their files, a PDF's `imr-pdf:` document from its PDF. Cancellable between letters. Each letter is
// read once, at most MAX_FILES of them (the index's bound); an entry of `uris` that is no URI is reported on its
// own line and the others are exported; params of another shape are refused with InvalidParams.
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { EXPORT_FORMATS, type ExportFormat } from '../core/exportRows';
import { ExportRequest, type ExportResult } from '../protocol';
import { isCancelledBy, type Feature } from './context';
import { onCustomRequest } from './customMessages';
import { MAX_FILES } from './workspaceIndex';
import { openUriOf, type WorkspaceSymbolsFeature } from './workspaceSymbols';

/** A scheme, then no control character (a line break would split the error line that names it). */
const URI_SHAPE = /^[A-Za-z][A-Za-z0-9+.-]*:[^\u0000-\u001f\u007f]*$/;
const MAX_URI_LENGTH = 8192;

interface ExportRequestParams {
  /** The entries of `uris` that are URIs, in order; undefined for every indexed letter. */
  uris?: string[];
  format: ExportFormat;
  /** `uris[<i>]: <reason>` for each other entry. */
  rejected: string[];
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' || typeof value === 'undefined' ? `an ${typeof value}` : `a ${typeof value}`;
}

function entryProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return `not a URI but ${kindOf(value)}`;
  if (value.length > MAX_URI_LENGTH) return `not a URI: longer than ${MAX_URI_LENGTH} characters`;
  if (!URI_SHAPE.test(value)) return 'not a URI';
  return undefined;
}

/** The request's params checked: a wrong shape throws InvalidParams, a bad entry of `uris` is rejected alone. */
function exportParams(params: unknown): ExportRequestParams {
  const refuse = (why: string) =>
    new ResponseError(
      ErrorCodes.InvalidParams,
      `imr/export: ${why}; expected { uris?: string[], format: "csv" | "json" }`,
    );
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw refuse(`params are ${kindOf(params)}`);
  const { uris, format } = params as { uris?: unknown; format?: unknown };
  if (!EXPORT_FORMATS.some((f) => f === format)) throw refuse('format is not "csv" or "json"');
  if (uris !== undefined && !Array.isArray(uris)) throw refuse(`uris is ${kindOf(uris)}`);
  const rejected: string[] = [];
  const valid = uris?.filter((uri: unknown, i) => {
    const problem = entryProblem(uri);
    if (problem) rejected.push(`uris[${i}]: ${problem}`);
    return problem === undefined;
  });
  return { uris: valid as string[] | undefined, format: format as ExportFormat, rejected };
}

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
          const { uris, format, rejected } = exportParams(params);
          const named = uris ?? (await symbols.currentEntries(context, token)).map((e) => e.uri).sort();
          const isCancelled = isCancelledBy(token);
          const result = await context.service.exportLetters(
            named.map(openUriOf(context)),
            format,
            isCancelled,
            MAX_FILES,
          );
          return { ...result, errors: [...rejected, ...result.errors] };
        },
      );
    },
  };
}
