// What server.ts answers to `initialize` and does on `initialized`, apart from the features' own hooks: the
// merged capabilities, the workspace folders, and the registrations the server itself needs (the `.imr.json`
// watcher and configuration changes).
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type InitializeParams,
  type ServerCapabilities,
  type WorkspaceFolder,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { SETTINGS_SECTION } from '../core/service/settings';
import { isRecord } from '../core/values';
import { CONFIG_FILE_NAME } from '../node/files';
import type { Feature, ServerContext } from './context';
import { filePathOf } from './settings';

/** Deep merge of capability objects: objects merged key by key, arrays concatenated, anything else replaced. */
function mergeCapabilities(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isList(existing) && isList(value)) target[key] = [...existing, ...value];
    else if (isRecord(existing) && isRecord(value)) target[key] = mergeCapabilities({ ...existing }, value);
    else if (value !== undefined) target[key] = value;
  }
  return target;
}

/** Array.isArray, narrowing to unknown elements rather than `any`. */
function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

/**
 * The union of the features' capabilities (in their order; one that throws is logged and left out), with
 * incremental text sync, workspace folders for a client that has them, and the features' commands.
 */
export function serverCapabilities(
  context: ServerContext,
  features: readonly Feature[],
  commands: readonly string[],
): ServerCapabilities {
  const capabilities: Record<string, unknown> = {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  };
  if (context.clientCapabilities.workspace?.workspaceFolders) {
    mergeCapabilities(capabilities, {
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    });
  }
  for (const feature of features) {
    try {
      mergeCapabilities(capabilities, feature.capabilities(context) as Record<string, unknown>);
    } catch (error) {
      context.logger.error(`${feature.name}: capabilities failed`, error);
    }
  }
  if (commands.length) mergeCapabilities(capabilities, { executeCommandProvider: { commands: [...commands] } });
  return capabilities as ServerCapabilities;
}

function folderPaths(folders: readonly WorkspaceFolder[] | null | undefined): string[] {
  return (folders ?? []).map((f) => filePathOf(f.uri)).filter((p): p is string => p !== undefined);
}

/** The workspace folders' paths on `initialize`: the folders, else the root. */
export function initialFolders(params: InitializeParams): string[] {
  const folders = folderPaths(params.workspaceFolders);
  const root = params.rootUri ? filePathOf(params.rootUri) : (params.rootPath ?? undefined);
  return folders.length ? folders : root ? [root] : [];
}

/** `current` after a `workspace/didChangeWorkspaceFolders` event. */
export function changedFolders(current: readonly string[], event: WorkspaceFoldersChangeEvent): string[] {
  const removed = new Set(folderPaths(event.removed));
  return [...current.filter((f) => !removed.has(f)), ...folderPaths(event.added)];
}

/** Dynamic registrations of the server's own: the `.imr.json` watcher, and configuration changes for a client that is asked for settings. */
export function registerServerNotifications(context: ServerContext): void {
  const { connection, logger } = context;
  const workspace = context.clientCapabilities.workspace;
  if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] })
      .catch((error: unknown) => logger.error('file watcher registration failed', error));
  }
  // A client that is asked for settings still has to say when they change.
  if (workspace?.configuration && workspace.didChangeConfiguration?.dynamicRegistration) {
    connection.client
      .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
      .catch((error: unknown) => logger.error('configuration registration failed', error));
  }
}
