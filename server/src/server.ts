// The IMR language server: wiring only. Features live in server/src/lsp/ (listed in lsp/features.ts).
//
//   node dist/server.js --stdio          any LSP client over stdin/stdout (VS Code, Neovim, Helix, Emacs, …)
//   node dist/server.js --node-ipc       over a Node IPC channel (vscode-languageclient's TransportKind.ipc)
//   also --socket=<port> and --pipe=<name>; --version and --help print and exit without serving.
//
// Owned here (one handler per LSP method): initialize (the union of the features' capabilities),
// initialized (dynamic registrations), workspace/didChangeConfiguration, workspace/didChangeWatchedFiles,
// workspace folders, workspace/executeCommand (routed to the features' `commands`), `imr/workspaceTrust`,
// shutdown/exit (the library exits with 0 after shutdown, 1 without).
import * as path from 'node:path';
import {
  createConnection,
  ErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import { AnalysisCache } from './lsp/analysis';
import { handler, injectFailureFor, type Feature, type ServerContext } from './lsp/context';
import { createServerLanguageService } from './lsp/languageService';
import { changedFolders, initialFolders, registerServerNotifications, serverCapabilities } from './lsp/initialize';
import { createFeatures } from './lsp/features';
import { createLogger, type Logger } from './lsp/log';
import { enableExplicitCollection } from './lsp/memory';
import { onCustomNotification } from './lsp/customMessages';
import { createStdioConnection } from './lsp/stdio';
import { SettingsStore } from './lsp/settings';
import { imrSection, workspaceTrustedOf } from './core/service/settings';
import { CONFIG_FILE_NAME } from './node/files';
import { WorkspaceTrustNotification } from './protocol';

const SERVER_NAME = 'imr-language-server';

const USAGE = `${SERVER_NAME} ${version}: the IMR determination language server.

Usage: node dist/server.js <transport>
  --stdio           talk LSP over stdin/stdout (VS Code and most editors)
  --node-ipc        talk LSP over a Node IPC channel
  --socket=<port>   connect to a socket on <port>
  --pipe=<name>     connect to a named pipe
  --version         print the version and exit
  --help            print this help and exit

Settings (section "imr", via workspace/configuration, initializationOptions or didChangeConfiguration):
  imr.rules                   rule id or name -> severity | { severity, ...options }
  imr.maxDocumentSize         characters above which a document gets the outline only (default 2000000)
  imr.maxLineLength           a document with a longer line gets the outline only (default 200000)
  imr.diagnostics.debounceMs  delay before re-checking after an edit (default 200)
  imr.logLevel                off | error | warn | info | debug (default error; logs never contain text)
`;

const TRANSPORT = /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/;

/** After the first document opens, by when its first answers (outline, problems, highlighting) are given. */
const WARM_AFTER_FIRST_OPEN_MS = 2000;
let warmListener: (() => void) | undefined;

/**
 * Calls `listener` once, when the server is warm: it has served its first document, or it shuts down before.
 * The functions that took are compiled by then, so serverEntry.ts keeps V8's code cache of them.
 */
export function whenWarm(listener: () => void): void {
  warmListener = listener;
}

function warm(): void {
  const listener = warmListener;
  warmListener = undefined;
  listener?.();
}

function main(): void {
  const args = process.argv.slice(2);
  if (args.includes('--version')) {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  if (!args.some((a) => TRANSPORT.test(a))) {
    process.stderr.write(`No transport given.\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  serve();
}

/** Calls an optional hook on every feature; one that throws is logged and skipped. */
function eachFeature(features: readonly Feature[], logger: Logger, what: string, call: (feature: Feature) => void) {
  for (const feature of features) {
    try {
      call(feature);
    } catch (error) {
      logger.error(`${feature.name}: ${what} failed`, error);
    }
  }
}

function createContext(connection: Connection, logger: Logger, stdio: boolean, features: Feature[]): ServerContext {
  const context: ServerContext = {
    connection,
    documents: new TextDocuments(TextDocument),
    analyses: new AnalysisCache(),
    settings: new SettingsStore(
      connection,
      logger,
      () => context.clientCapabilities,
      () => context.workspaceFolders,
    ),
    logger,
    clientCapabilities: {},
    workspaceFolders: [],
    encodedResults: stdio,
    // dist/server.js → the extension root, where docs/rules/ is shipped.
    extensionRoot: path.resolve(__dirname, '..'),
    service: createServerLanguageService(() => context),
    configurationChanged(kind) {
      if (kind === 'settings') {
        context.settings.settingsChanged();
        void context.settings.refreshGlobal();
      } else context.settings.configFilesChanged();
      eachFeature(features, logger, 'settings change', (f) => f.settingsChanged?.(context));
    },
  };
  return context;
}

/** `workspace/executeCommand`, routed to the feature that owns the command; returns the command ids. */
function serveCommands(context: ServerContext, features: readonly Feature[]): string[] {
  const commands = new Map<string, NonNullable<Feature['commands']>[string]>();
  for (const feature of features) for (const [id, run] of Object.entries(feature.commands ?? {})) commands.set(id, run);
  context.connection.onExecuteCommand(
    handler(
      context,
      'executeCommand',
      (): unknown => null,
      async (params, token) => {
        const run = commands.get(params.command);
        if (!run) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${params.command}`);
        return (await run(context, params.arguments ?? [], token)) ?? null;
      },
    ),
  );
  return [...commands.keys()];
}

/** `initialize` (the client's capabilities, folders and settings; the merged capabilities) and `initialized`. */
function serveInitialize(context: ServerContext, features: readonly Feature[], commands: readonly string[]): void {
  const { connection, logger } = context;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    context.clientCapabilities = params.capabilities ?? {};
    context.workspaceFolders = initialFolders(params);
    context.settings.setGlobal(imrSection(params.initializationOptions));
    context.settings.setTrusted(workspaceTrustedOf(params.initializationOptions));
    const capabilities = serverCapabilities(context, features, commands);
    logger.info(`initialized for ${params.clientInfo?.name ?? 'an unnamed client'}`);
    return { capabilities, serverInfo: { name: SERVER_NAME, version } };
  });
  connection.onInitialized(() => {
    watchWorkspaceFolders(context, features);
    registerServerNotifications(context);
    void context.settings.refreshGlobal();
    for (const feature of features) {
      Promise.resolve()
        .then(() => feature.initialized?.(context))
        .catch((error: unknown) => logger.error(`${feature.name}: initialized failed`, error));
    }
  });
}

function watchWorkspaceFolders(context: ServerContext, features: readonly Feature[]): void {
  if (!context.clientCapabilities.workspace?.workspaceFolders) return;
  const onFoldersChanged = (event: WorkspaceFoldersChangeEvent) => {
    context.workspaceFolders = changedFolders(context.workspaceFolders, event);
    eachFeature(features, context.logger, 'workspace folders change', (f) => f.workspaceFoldersChanged?.(context));
  };
  try {
    context.connection.workspace.onDidChangeWorkspaceFolders(onFoldersChanged);
  } catch (error) {
    context.logger.error('workspace folder events unavailable', error);
  }
}

/** Settings, workspace trust and watched files: what changes the configuration, and what features watch. */
function serveConfigurationEvents(context: ServerContext, features: readonly Feature[]): void {
  const { connection, logger } = context;
  connection.onDidChangeConfiguration((params) => {
    try {
      // Clients that cannot be asked send the settings; the others may send them too, or null.
      const section = imrSection(params?.settings);
      if (section !== undefined) context.settings.setGlobal(section);
      context.configurationChanged('settings');
    } catch (error) {
      logger.error('didChangeConfiguration failed', error);
    }
  });
  // Trust granted (or, by a client that can, revoked): the `.imr.json` files apply, or no longer do.
  onCustomNotification(connection, WorkspaceTrustNotification, (params) => {
    try {
      if (typeof params?.trusted === 'boolean' && context.settings.setTrusted(params.trusted))
        context.configurationChanged('files');
    } catch (error) {
      logger.error('workspaceTrust failed', error);
    }
  });
  connection.onDidChangeWatchedFiles((params) => {
    try {
      if (params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE_NAME}`))) context.configurationChanged('files');
      eachFeature(features, logger, 'watched files change', (f) => f.watchedFilesChanged?.(context, params.changes));
    } catch (error) {
      logger.error('didChangeWatchedFiles failed', error);
    }
  });
}

function serve(): void {
  enableExplicitCollection();
  injectFailureFor(process.argv.find((a) => a.startsWith('--test-inject-failure='))?.split('=')[1]);
  let shutdownReceived = false;
  const stdio = process.argv.includes('--stdio');
  const connection = stdio ? createStdioConnection(() => shutdownReceived) : createConnection(ProposedFeatures.all);
  const logger = createLogger(connection);
  const features: Feature[] = createFeatures();
  const context = createContext(connection, logger, stdio, features);

  // A bug must never take the server down: log it (no text) and carry on.
  process.on('uncaughtException', (error) => logger.error('uncaught exception', error));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));

  serveInitialize(context, features, serveCommands(context, features));
  serveConfigurationEvents(context, features);
  context.documents.onDidClose(({ document }) => {
    context.analyses.delete(document.uri);
    context.settings.forget(document.uri);
  });
  const firstOpen = context.documents.onDidOpen(() => {
    firstOpen.dispose();
    setTimeout(warm, WARM_AFTER_FIRST_OPEN_MS).unref();
  });
  connection.onShutdown(() => {
    shutdownReceived = true;
    warm();
    eachFeature(features, logger, 'dispose', (f) => f.dispose?.());
  });

  eachFeature(features, logger, 'register', (f) => f.register(context));
  context.documents.listen(connection);
  connection.listen();
}

main();
