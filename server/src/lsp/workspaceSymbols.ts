// workspace/symbol: the disputed items and case numbers of every determination letter in the workspace
// folders (index in workspaceIndex.ts, file walking in node/walker.ts).
//
//  * The index is built in the background after `initialized` and rebuilt when the workspace folders change
//    (noticed on `workspaceFoldersChanged`, or at the next query). When a build finishes the server sends the
//    custom notification `imr/indexReady` with counts only: `{ files, letters, items, truncated, ms }`.
//  * A query that arrives during a build waits for it (at most INDEX_WAIT_MS, and never past its
//    cancellation), so the first `#` search after opening a folder is complete.
//  * Files: the feature registers a watcher for the letter files (`LETTER_GLOB`, clients with dynamic registration) and
//    updates the index on `watchedFilesChanged` (server.ts forwards `workspace/didChangeWatchedFiles`).
//    Open documents take precedence over the disk: they are read from the shared analyses at query time.
//  * Symbols: an item is a symbol of the document-symbol item kind (Event, or Function for clients without
//    it), named as in the outline; a case number is a Module symbol (as the header in the outline).
//    `containerName` = `<case number> · <file name>`, or the file name alone.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  WatchKind,
  type CancellationToken,
  type FileEvent,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import type { Analysis } from './analysis';
import { handler, isCancelledBy, openAnalysis, type Feature, type ServerContext } from './context';
import { sendCustomNotification } from './customMessages';
import { symbolKindMapper, toSymbolInformation } from './symbols';
import { isLetterFileName, LETTER_GLOB } from '../node/files';
import { entryFor, withOpenLetters, type IndexEntry } from '../core/service/workspaceSearch';
import {
  IndexChangedNotification,
  IndexProgressNotification,
  IndexReadyNotification,
  type IndexStats,
} from '../protocol';
import { filePathOf } from './settings';
import { fileNameOf, WorkspaceIndex } from './workspaceIndex';
/** How long a query waits for a running build before answering from what is indexed. */
const INDEX_WAIT_MS = 5000;
export const MAX_RESULTS = 1000;

/** One spelling per file: `file:` URIs re-encoded from their path (VS Code writes `c%3A`, Node `C:`). */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href;
  } catch {
    return uri;
  }
}

/** The URI under which the editor holds the letter at `uri` (spellings of one file differ), else `uri`. */
export function openUriOf(context: ServerContext): (uri: string) => string {
  const open = new Map(context.documents.all().map((d) => [canonicalUri(d.uri), d.uri]));
  return (uri) => open.get(canonicalUri(uri)) ?? uri;
}

const openEntries = new WeakMap<Analysis, IndexEntry | null>();

function entryOfOpen(analysis: Analysis, uri: string): IndexEntry | undefined {
  let entry = openEntries.get(analysis);
  if (entry === undefined) {
    entry = entryFor(uri, fileNameOf(uri), analysis.document) ?? null;
    openEntries.set(analysis, entry);
  }
  return entry ?? undefined;
}

/** The open documents' entries by their files' URIs; a degraded document is never parsed whole and has none. */
function openLetterEntries(context: ServerContext): Map<string, IndexEntry | undefined> {
  const open = new Map<string, IndexEntry | undefined>();
  for (const { uri } of context.documents.all()) {
    const analysis = openAnalysis(context, uri)?.analysis;
    open.set(canonicalUri(uri), analysis && entryOfOpen(analysis, uri));
  }
  return open;
}

function sameFolders(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sa = [...a].map((p) => path.resolve(p)).sort();
  const sb = [...b].map((p) => path.resolve(p)).sort();
  return sa.every((p, i) => p === sb[i]);
}

function waitFor(promise: Promise<unknown>, ms: number, token: CancellationToken): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(finish, ms);
    const subscription = token.onCancellationRequested(finish);
    promise.then(finish, finish);
    function finish() {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
}

export interface WorkspaceSymbolsFeature extends Feature {
  /** server.ts: forwarded `workspace/didChangeWatchedFiles` events. */
  watchedFilesChanged(context: ServerContext, changes: readonly FileEvent[]): void;
  /** server.ts: after `context.workspaceFolders` changed. */
  workspaceFoldersChanged(context: ServerContext): void;
  /** For tests and the benchmark: the index itself. */
  readonly index: WorkspaceIndex;
  /**
   * Every indexed letter, open documents in place of their files; waits (at most `waitMs`) for a running
   * build and for pending file updates.
   */
  currentEntries(context: ServerContext, token: CancellationToken, waitMs?: number): Promise<IndexEntry[]>;
  /** The indexed letter files that are not open, once the index is current (as `currentEntries`). */
  closedLetterUris(context: ServerContext, token: CancellationToken): Promise<string[]>;
}

export function createWorkspaceSymbolsFeature(): WorkspaceSymbolsFeature {
  let context: ServerContext | undefined;
  const index = new WorkspaceIndex({
    onReady(stats: IndexStats) {
      context?.logger.info(
        `workspace index: ${stats.letters} letters, ${stats.items} items from ${stats.files} files in ${stats.ms.toFixed(0)} ms`,
      );
      if (context) sendCustomNotification(context.connection, IndexReadyNotification, stats);
    },
    onProgress(progress) {
      if (context) sendCustomNotification(context.connection, IndexProgressNotification, progress);
    },
    onError(error) {
      context?.logger.error('workspace index failed', error);
    },
  });
  let started = false;

  const ensureCurrent = (ctx: ServerContext) => {
    if (!started || !sameFolders(index.folders, ctx.workspaceFolders)) {
      started = true;
      void index.rebuild(ctx.workspaceFolders);
    }
  };

  const currentEntries = async (
    ctx: ServerContext,
    token: CancellationToken,
    waitMs = INDEX_WAIT_MS,
  ): Promise<IndexEntry[]> => {
    ensureCurrent(ctx);
    if (index.isBuilding) await waitFor(index.ready(), waitMs, token);
    await waitFor(index.settled(), waitMs, token);
    return token.isCancellationRequested ? [] : withOpenLetters(index.all(), openLetterEntries(ctx));
  };

  const closedLetterUris = async (ctx: ServerContext, token: CancellationToken): Promise<string[]> => {
    await currentEntries(ctx, token);
    const open = new Set(ctx.documents.all().map((d) => canonicalUri(d.uri)));
    return token.isCancellationRequested ? [] : [...index.all()].map((e) => e.uri).filter((uri) => !open.has(uri));
  };

  const query = async (
    ctx: ServerContext,
    params: WorkspaceSymbolParams,
    token: CancellationToken,
  ): Promise<SymbolInformation[]> => {
    const entries = await currentEntries(ctx, token);
    if (token.isCancellationRequested) return [];
    const kindOf = symbolKindMapper(ctx.clientCapabilities.workspace?.symbol?.symbolKind?.valueSet);
    const symbols = ctx.service.workspaceSymbols(entries, params.query ?? '', MAX_RESULTS, isCancelledBy(token));
    return symbols.map((symbol) => toSymbolInformation(symbol, kindOf));
  };

  return {
    name: 'workspaceSymbols',
    index,
    currentEntries,
    closedLetterUris,
    capabilities: () => ({ workspaceSymbolProvider: true }),
    register(ctx) {
      context = ctx;
      ctx.connection.onWorkspaceSymbol(
        handler(
          ctx,
          'workspaceSymbol',
          (): SymbolInformation[] => [],
          (params: WorkspaceSymbolParams, token) => query(ctx, params, token),
        ),
      );
      // A closed document may have been left unsaved: its file on disk is the truth again.
      ctx.documents.onDidClose(({ document }) => {
        const file = filePathOf(document.uri);
        if (file !== undefined) void index.fileChanged(file).catch(() => undefined);
      });
    },
    async initialized(ctx) {
      context = ctx;
      ensureCurrent(ctx);
      if (ctx.clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await ctx.connection.client.register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: LETTER_GLOB, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete }],
        });
      }
    },
    watchedFilesChanged(ctx, changes) {
      for (const change of changes) {
        const file = filePathOf(change.uri);
        if (file === undefined) continue;
        if (change.type === FileChangeType.Deleted) index.fileDeleted(file);
        else if (isLetterFileName(file))
          void index
            .fileChanged(file)
            .catch((error: unknown) => ctx.logger.error('workspace index update failed', error));
      }
      void index.settled().then(() => sendCustomNotification(ctx.connection, IndexChangedNotification));
    },
    workspaceFoldersChanged(ctx) {
      ensureCurrent(ctx);
    },
    dispose() {
      index.cancel();
    },
  };
}
