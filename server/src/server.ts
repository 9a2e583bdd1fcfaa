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
  type ClientCapabilities,
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
import { createLogger } from './lsp/log';
import { enableExplicitCollection } from './lsp/memory';
import { onCustomNotification } from './lsp/customMessages';
import { createStdioConnection } from './lsp/stdio';
import { imrSection, SettingsStore, workspaceTrustedOf } from './lsp/settings';
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

function serve(): void {
  enableExplicitCollection();
  injectFailureFor(process.argv.find((a) => a.startsWith('--test-inject-failure='))?.split('=')[1]);
  let shutdownReceived = false;
  const stdio = process.argv.includes('--stdio');
  const connection = stdio ? createStdioConnection(() => shutdownReceived) : createConnection(ProposedFeatures.all);
  const logger = createLogger(connection);
  const documents = new TextDocuments(TextDocument);
  const features: Feature[] = createFeatures();
  let clientCapabilities: ClientCapabilities = {};

  /** Calls an optional hook on every feature; one that throws is logged and skipped. */
  const eachFeature = (what: string, call: (feature: Feature) => void) => {
    for (const feature of features) {
      try {
        call(feature);
      } catch (error) {
        logger.error(`${feature.name}: ${what} failed`, error);
      }
    }
  };

  const context: ServerContext = {
    connection,
    documents,
    analyses: new AnalysisCache(),
    settings: new SettingsStore(
      connection,
      logger,
      () => clientCapabilities,
      () => context.workspaceFolders,
    ),
    logger,
    get clientCapabilities() {
      return clientCapabilities;
    },
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
      eachFeature('settings change', (f) => f.settingsChanged?.(context));
    },
  };

  // A bug must never take the server down: log it (no text) and carry on.
  process.on('uncaughtException', (error) => logger.error('uncaught exception', error));
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason));

  const commands = new Map<string, { feature: Feature; run: NonNullable<Feature['commands']>[string] }>();
  for (const feature of features) {
    for (const [id, run] of Object.entries(feature.commands ?? {})) commands.set(id, { feature, run });
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    clientCapabilities = params.capabilities ?? {};
    context.workspaceFolders = initialFolders(params);
    context.settings.setGlobal(imrSection(params.initializationOptions));
    context.settings.setTrusted(workspaceTrustedOf(params.initializationOptions));
    const capabilities = serverCapabilities(context, features, [...commands.keys()]);
    logger.info(`initialized for ${params.clientInfo?.name ?? 'an unnamed client'}`);
    return { capabilities, serverInfo: { name: SERVER_NAME, version } };
  });

  const onFoldersChanged = (event: WorkspaceFoldersChangeEvent) => {
    context.workspaceFolders = changedFolders(context.workspaceFolders, event);
    eachFeature('workspace folders change', (f) => f.workspaceFoldersChanged?.(context));
  };

  const watchWorkspaceFolders = () => {
    if (!clientCapabilities.workspace?.workspaceFolders) return;
    try {
      connection.workspace.onDidChangeWorkspaceFolders(onFoldersChanged);
    } catch (error) {
      logger.error('workspace folder events unavailable', error);
    }
  };

  connection.onInitialized(() => {
    watchWorkspaceFolders();
    registerServerNotifications(context);
    void context.settings.refreshGlobal();
    for (const feature of features) {
      Promise.resolve()
        .then(() => feature.initialized?.(context))
        .catch((error: unknown) => logger.error(`${feature.name}: initialized failed`, error));
    }
  });

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
      eachFeature('watched files change', (f) => f.watchedFilesChanged?.(context, params.changes));
    } catch (error) {
      logger.error('didChangeWatchedFiles failed', error);
    }
  });

  connection.onExecuteCommand(
    handler(
      context,
      'executeCommand',
      (): unknown => null,
      async (params, token) => {
        const command = commands.get(params.command);
        if (!command) throw new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${params.command}`);
        return (await command.run(context, params.arguments ?? [], token)) ?? null;
      },
    ),
  );

  documents.onDidClose(({ document }) => {
    context.analyses.delete(document.uri);
    context.settings.forget(document.uri);
  });

  connection.onShutdown(() => {
    shutdownReceived = true;
    eachFeature('dispose', (f) => f.dispose?.());
  });

  eachFeature('register', (f) => f.register(context));
  documents.listen(connection);
  connection.listen();
}

main();
