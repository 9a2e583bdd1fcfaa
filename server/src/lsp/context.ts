// What every feature module gets, and the pattern each one follows.
//
// A feature is one module in server/src/lsp/ exporting a `Feature` (listed in features.ts; a feature with
// per-server state exports a factory instead, like `createDiagnosticsFeature()`):
//
//   export const foldingFeature: Feature = {
//     name: 'folding',
//     capabilities: (ctx) => ({ foldingRangeProvider: true }),
//     register(ctx) {
//       ctx.connection.onFoldingRanges(
//         handler(ctx, 'folding', () => [], (params, token) =>
//           ctx.service                                   // core/service: plain data ([] when not open or too large)
//             .folding(params.textDocument.uri, options, isCancelledBy(token))
//             .map((range) => ({ ...range, kind: FoldingRangeKind.Region })),   // then LSP types
//         ),
//       );
//     },
//   };
//
// Rules for features:
//  * `register` runs once at start-up, before `initialize`; read `ctx.clientCapabilities` inside handlers,
//    never in `register`. `capabilities` runs on `initialize`, when the client's capabilities are known.
//  * Wrap every request handler in `handler(...)`: it answers a cancelled request with `RequestCancelled`,
//    and turns any exception into a text-free log line plus the empty result, so the server never crashes.
//  * Ask `ctx.service` (core/service's language service over the shared analyses, see languageService.ts):
//    the feature's logic lives there (pure, plain data); the module here only converts to LSP types.
//  * A document over `imr.maxDocumentSize` or `imr.maxLineLength` gets its diagnostic and a partial outline
//    only (largeDocuments.ts): the service has no letter for it (`openAnalysis` returns undefined), so
//    features answer empty.
//  * Only one handler per LSP method can be installed. Methods that several features care about are
//    owned by server.ts, which calls the optional hooks below (`initialized`, `settingsChanged`,
//    `watchedFilesChanged`, `workspaceFoldersChanged`, `dispose`) and routes `workspace/executeCommand` to the
//    feature's `commands`. A hook that throws is logged and does not stop the others.
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type FileEvent,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, type IsCancelled } from '../core/cancel';
import type { LanguageService } from '../core/service';
import type { Degradation } from '../core/service/largeDocuments';
import type { Analysis, AnalysisCache } from './analysis';
import { degradationOf, headAnalysis } from './largeDocuments';
import type { Logger } from './log';
import type { DocumentConfiguration, SettingsStore } from './settings';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: AnalysisCache;
  settings: SettingsStore;
  logger: Logger;
  /** Set once `initialize` has been received; `{}` before. */
  clientCapabilities: ClientCapabilities;
  /** Workspace folder paths (file system), set on initialize and on folder changes; else the root path. */
  workspaceFolders: string[];
  /** The extension's root folder (the parent of dist/): rule docs live in `docs/rules/` under it. */
  extensionRoot: string;
  /** Every feature's logic over the open documents (core/service); adapters convert its answers to LSP types. */
  service: LanguageService;
  /**
   * The transport writes an `EncodedJsonArray` result as it is (stdio, messageWriter.ts): a feature with a
   * large answer may build it encoded. Any other transport serialises it whole.
   */
  encodedResults?: boolean;
  /**
   * Settings (`settings`) or `.imr.json` files (`files`) changed: forget cached configuration and tell every
   * feature (`settingsChanged`). server.ts calls it on `workspace/didChangeConfiguration` and
   * `workspace/didChangeWatchedFiles`; a feature that changes a config file itself may call it too.
   */
  configurationChanged(kind: 'settings' | 'files'): void;
}

export type CommandHandler = (context: ServerContext, args: unknown[], token: CancellationToken) => unknown; // a value or a promise of one

/** A feature module: registers its handlers and says which server capabilities it provides. */
export interface Feature {
  /** For logs: `symbols`, `folding`, … */
  name: string;
  /** Merged with the other features' into the `initialize` result (objects merged, arrays concatenated). */
  capabilities(context: ServerContext): ServerCapabilities;
  register(context: ServerContext): void;
  /** After the client's `initialized` notification: dynamic registrations and the like. */
  initialized?(context: ServerContext): void | Promise<void>;
  /** Settings or a `.imr.json` changed; open documents may need re-checking. */
  settingsChanged?(context: ServerContext): void;
  /**
   * Every `workspace/didChangeWatchedFiles` event, whichever feature registered the watcher (server.ts itself
   * watches the `.imr.json` files and handles those before calling this).
   */
  watchedFilesChanged?(context: ServerContext, changes: readonly FileEvent[]): void;
  /** After `context.workspaceFolders` changed (`workspace/didChangeWorkspaceFolders`). */
  workspaceFoldersChanged?(context: ServerContext): void;
  /** `workspace/executeCommand` handlers by command id; server.ts advertises and routes them. */
  commands?: Record<string, CommandHandler>;
  /** On shutdown: stop timers. */
  dispose?(): void;
}

/** The core's cancellation check for a request's token. */
export function isCancelledBy(token: CancellationToken | undefined): IsCancelled {
  return () => token?.isCancellationRequested === true;
}

/** Throws the core's CancelledError, which `handler` turns into a `RequestCancelled` response. */
export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new CancelledError();
}

function cancelledResponse(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

// Crash-containment tests only: the server started with `--test-inject-failure=<handler name>` makes that
// handler throw an error whose message quotes the document, as a real error might, to prove that failures are
// answered with the empty result and logged without text. Not a user-facing option.
let injectedFailure: string | undefined;

export function injectFailureFor(handlerName: string | undefined): void {
  injectedFailure = handlerName;
}

function injectedError(context: ServerContext, params: unknown): Error {
  const uri = (params as { textDocument?: { uri?: string } } | undefined)?.textDocument?.uri;
  const text = uri === undefined ? '' : (context.documents.get(uri)?.getText() ?? '');
  return new Error(`injected failure quoting the document: ${text.slice(0, 2000)}`);
}

/**
 * Wraps a request handler: cancelled → `RequestCancelled` error; any other failure → logged by name (no
 * text) and answered with `empty()`. Use for every request a feature serves.
 */
export function handler<P, R>(
  context: ServerContext,
  name: string,
  empty: () => R,
  run: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token?.isCancellationRequested) throw cancelledResponse();
    try {
      if (name === injectedFailure) throw injectedError(context, params);
      const result = await run(params, token);
      if (token?.isCancellationRequested) throw new CancelledError();
      return result;
    } catch (error) {
      if (error instanceof CancelledError) throw cancelledResponse();
      if (error instanceof ResponseError) throw error;
      context.logger.error(`${name} failed`, error);
      return empty();
    }
  };
}

export interface OpenAnalysis {
  document: TextDocument;
  analysis: Analysis;
}

/** Why a document gets the outline only (largeDocuments.ts), under its settings as last resolved. */
export function degradedDocument(context: ServerContext, document: TextDocument): Degradation | undefined {
  return degradationOf(document, context.settings.settingsNow(document.uri));
}

/**
 * The open document at `uri` with its shared analysis. Undefined when the client has not opened it, or when
 * it is degraded (over `imr.maxDocumentSize` or `imr.maxLineLength`): it is never parsed whole.
 */
export function openAnalysis(context: ServerContext, uri: string): OpenAnalysis | undefined {
  const document = context.documents.get(uri);
  if (!document || degradedDocument(context, document)) return undefined;
  return { document, analysis: context.analyses.get(document) };
}

/** What the outline of the open document at `uri` is drawn from: its analysis, or a degraded one's head. */
export function outlineAnalysis(context: ServerContext, uri: string): Analysis | undefined {
  const document = context.documents.get(uri);
  if (!document) return undefined;
  const settings = context.settings.settingsNow(uri);
  return degradationOf(document, settings) ? headAnalysis(document, settings) : context.analyses.get(document);
}

/**
 * The configuration of the document at `uri` once fetched, or undefined when meanwhile the document was closed
 * or changed from `version` (a check of the newer version is on its way then).
 */
export async function configurationIfCurrent(
  context: ServerContext,
  uri: string,
  version: number,
): Promise<DocumentConfiguration | undefined> {
  const configuration = await context.settings.configurationFor(uri);
  return context.documents.get(uri)?.version === version ? configuration : undefined;
}
