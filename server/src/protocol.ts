// The IMR server's custom requests and notifications: one typed definition shared by the language server
// (server/src/lsp) and the VS Code client (client/src, which imports this file by relative path; esbuild
// bundles it). Pure types and message type objects: no logic, no I/O. Method names start with `imr/`.
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-protocol';

// The item list types are the core's (core/service/lens.ts), sent as they are.
export type { DecisionCounts, ItemDecision, PickableItem } from './core/service/lens';
// So are the Determinations view's and the picker's (core/service/determinations.ts).
export type { DocumentItems, LetterSummary } from './core/service/determinations';
import type { DocumentItems, LetterSummary } from './core/service/determinations';
export type { PlaceholderSpan } from './core/rules/support/placeholders';
// The kind the client asks for to fix a whole letter (a module without imports: nothing else is bundled).
export { FIX_ALL_KIND } from './core/service/codeActionKinds';
import type { PlaceholderSpan } from './core/rules/support/placeholders';
// Export's format and answer are the core's (core/exportRows.ts, core/service/workspaceFiles.ts).
import type { ExportFormat } from './core/exportRows';
import type { ExportedLetters } from './core/service/workspaceFiles';

/**
 * The client command a decisions code lens runs (lsp/codeLens.ts), with `[uri, items: PickableItem[]]`: the VS
 * Code client's item picker (client/src/pickItem.ts). Other editors show the lens's counts only.
 */
export const PICK_ITEM_COMMAND = 'imr.pickItem';

/** `imr/documentItems`: the disputed items of an open letter, in order, and their counts. Empty when it is not open or has none. */
export interface DocumentItemsParams {
  uri: string;
}
export type DocumentItemsResult = DocumentItems;
export const DocumentItemsRequest = new RequestType<DocumentItemsParams, DocumentItemsResult, void>(
  'imr/documentItems',
);

export interface DeterminationsResult {
  letters: LetterSummary[];
  /** The index was still being built: more letters may follow (an `imr/indexChanged` notification says when). */
  indexing: boolean;
  /** The workspace holds more candidate files than the index reads. */
  truncated: boolean;
}

/** `imr/determinations`: every letter of the workspace (the index, with open documents over their files). */
export const DeterminationsRequest = new RequestType<Record<string, never>, DeterminationsResult, void>(
  'imr/determinations',
);

/** Counts only, never text. */
export interface IndexStats {
  files: number;
  letters: number;
  items: number;
  truncated: boolean;
  ms: number;
}

/** `imr/indexReady`: a full build of the workspace index finished. */
export const IndexReadyNotification = new NotificationType<IndexStats>('imr/indexReady');

/** Files read so far by a running build of the workspace index, of `total` candidate files. Counts only. */
export interface IndexProgress {
  done: number;
  total: number;
}

/**
 * `imr/indexProgress`: a build of the workspace index is under way (sent before the first file is read, then
 * about 20 times per build); `imr/indexReady` says when it is done.
 */
export const IndexProgressNotification = new NotificationType<IndexProgress>('imr/indexProgress');

/** `imr/indexChanged`: letters on disk changed and the index was updated (after file events). */
export const IndexChangedNotification = new NotificationType<void>('imr/indexChanged');

/** `imr/checkWorkspace`: the findings of every indexed letter that is not open (open ones have their own). */
export interface CheckWorkspaceResult {
  letters: { uri: string; diagnostics: Diagnostic[] }[];
  /** Letters checked. */
  checked: number;
  truncated: boolean;
}
export const CheckWorkspaceRequest = new RequestType<Record<string, never>, CheckWorkspaceResult, void>(
  'imr/checkWorkspace',
);

/** `imr/export`: the rows of `imr export` for the given letters (all indexed letters when `uris` is absent). */
export interface ExportParams {
  uris?: string[];
  format: ExportFormat;
}
export type ExportResult = ExportedLetters;
export const ExportRequest = new RequestType<ExportParams, ExportResult, void>('imr/export');

/** PDFs open as read-only `imr` documents on this scheme; the URI's path is the PDF file's path. */
export const PDF_SCHEME = 'imr-pdf';

export interface PdfTextParams {
  /** The PDF's `file:` URI. */
  uri: string;
}

/** The letter's text as the server reads it from the PDF, and the page of every line; or why it cannot be read. */
export type PdfTextResult = { text: string; pages: number[] } | { reason: string };

/** `imr/pdfText`: the server extracts a PDF's text (pdfjs stays out of the extension host). */
export const PdfTextRequest = new RequestType<PdfTextParams, PdfTextResult, void>('imr/pdfText');

/**
 * Workspace trust. VS Code sends `{ workspaceTrusted: false }` in `initializationOptions` in Restricted Mode;
 * other clients send nothing, and are trusted. Untrusted, the server reads no `.imr.json` from the workspace:
 * the rules run with their defaults and the user's `imr.rules` setting.
 */
export interface TrustInitializationOptions {
  workspaceTrusted?: boolean;
}

export interface WorkspaceTrustParams {
  trusted: boolean;
}

/**
 * `imr/workspaceTrust`: the user granted trust (VS Code's `onDidGrantWorkspaceTrust`); the server reads the
 * `.imr.json` files from now on and checks the open letters again. (VS Code reloads the window to revoke it.)
 */
export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrustParams>('imr/workspaceTrust');

/**
 * A quick fix's `CodeAction.data` when its inserted text holds slots to fill in (`<rationale>`): for each edit of
 * its workspace edit, in order, the slots' spans in that edit's `newText`. The VS Code client turns them into
 * snippet tab stops; other editors apply the plain edit.
 */
export interface FixSnippetData {
  placeholders: PlaceholderSpan[][];
}
