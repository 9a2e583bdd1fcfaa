// A real LSP client for protocol tests: spawns `node dist/server.js --stdio` and talks JSON-RPC to it, the
// way an editor does. One server per suite: `serverForSuite` starts it over a fresh temporary folder in
// `before` and stops it in `after`:
//
//   const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
//   let lsp: LspHarness;
//   before(() => ({ lsp } = server));                      // the running server, by a short name
//   test('…', async () => { const uri = await server.openLetter(text); … lsp.request(…) … });
//
// or, by hand:
//
//   const lsp = await LspHarness.start({ capabilities: NEOVIM_CAPABILITIES });
//   lsp.open(uri, text);
//   const published = await lsp.waitForDiagnostics(uri);            // the next publishDiagnostics for uri
//   const symbols = await lsp.request(DocumentSymbolRequest.type, { textDocument: { uri } });
//   await lsp.shutdown();
//
// The harness answers the server's requests like a client: `workspace/configuration` from `settings`
// (change them with `setSettings`), `workspace/applyEdit` (recorded, then applied to open documents, with a
// didChange, or to files on disk), `client/registerCapability` (recorded), `window/showMessage(Request)`
// (recorded), `workspace/diagnostic/refresh` (counted). Waits are event-driven with a failing timeout,
// never sleeps. Build first: the harness runs dist/server.js (`npm run build`).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { after, before } from 'node:test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CancellationTokenSource,
  ConfigurationRequest,
  DiagnosticRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShowMessageNotification,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  createProtocolConnection,
  type ApplyWorkspaceEditParams,
  type ClientCapabilities,
  type FileEvent,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Registration,
  type ShowMessageParams,
  type SymbolKind,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const FIXTURES = path.join(__dirname, 'fixtures');

/** How long a wait may take before it fails the test. Generous: CI machines are slow; passing tests never wait it out. */
export const DEFAULT_TIMEOUT_MS = 15_000;

// ---- fixtures (real letters: test/support/letters.ts) ----

export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

// ---- client capability presets ----

const SYMBOL_KINDS = Array.from({ length: 26 }, (_, i) => (i + 1) as SymbolKind);
const CODE_ACTION_KINDS = [
  '',
  'quickfix',
  'refactor',
  'refactor.extract',
  'refactor.inline',
  'refactor.rewrite',
  'source',
  'source.organizeImports',
];

/** What VS Code 1.9x with vscode-languageclient 11 sends: pull diagnostics, dynamic registration, workspace configuration. */
export const VSCODE_CAPABILITIES: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    workspaceEdit: {
      documentChanges: true,
      resourceOperations: ['create', 'rename', 'delete'],
      failureHandling: 'textOnlyTransactional',
      normalizesLineEndings: true,
      changeAnnotationSupport: { groupsOnLabel: true },
    },
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    symbol: {
      dynamicRegistration: true,
      symbolKind: { valueSet: SYMBOL_KINDS },
      tagSupport: { valueSet: [1] },
      resolveSupport: { properties: ['location.range'] },
    },
    codeLens: { refreshSupport: true },
    executeCommand: { dynamicRegistration: true },
    configuration: true,
    workspaceFolders: true,
    semanticTokens: { refreshSupport: true },
    inlayHint: { refreshSupport: true },
    diagnostics: { refreshSupport: true },
  },
  textDocument: {
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: false,
      tagSupport: { valueSet: [1, 2] },
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    completion: {
      dynamicRegistration: true,
      contextSupport: true,
      completionItem: {
        snippetSupport: true,
        commitCharactersSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        deprecatedSupport: true,
        preselectSupport: true,
        tagSupport: { valueSet: [1] },
        insertReplaceSupport: true,
        resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] },
        insertTextModeSupport: { valueSet: [1, 2] },
        labelDetailsSupport: true,
      },
      insertTextMode: 2,
      completionItemKind: { valueSet: Array.from({ length: 25 }, (_, i) => (i + 1) as 1) },
      completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] },
    },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: {
      dynamicRegistration: true,
      symbolKind: { valueSet: SYMBOL_KINDS },
      hierarchicalDocumentSymbolSupport: true,
      tagSupport: { valueSet: [1] },
      labelSupport: true,
    },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: CODE_ACTION_KINDS } },
      honorsChangeAnnotations: true,
    },
    codeLens: { dynamicRegistration: true },
    foldingRange: {
      dynamicRegistration: true,
      rangeLimit: 5000,
      lineFoldingOnly: true,
      foldingRangeKind: { valueSet: ['comment', 'imports', 'region'] },
      foldingRange: { collapsedText: false },
    },
    selectionRange: { dynamicRegistration: true },
    semanticTokens: {
      dynamicRegistration: true,
      tokenTypes: [
        'namespace',
        'type',
        'class',
        'enum',
        'interface',
        'struct',
        'typeParameter',
        'parameter',
        'variable',
        'property',
        'enumMember',
        'event',
        'function',
        'method',
        'macro',
        'keyword',
        'modifier',
        'comment',
        'string',
        'number',
        'regexp',
        'operator',
        'decorator',
      ],
      tokenModifiers: [
        'declaration',
        'definition',
        'readonly',
        'static',
        'deprecated',
        'abstract',
        'async',
        'modification',
        'documentation',
        'defaultLibrary',
      ],
      formats: ['relative'],
      requests: { range: true, full: { delta: true } },
      multilineTokenSupport: false,
      overlappingTokenSupport: false,
      serverCancelSupport: true,
      augmentsSyntaxTokens: true,
    },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
  },
  window: {
    showMessage: { messageActionItem: { additionalPropertiesSupport: true } },
    showDocument: { support: true },
    workDoneProgress: true,
  },
  general: {
    staleRequestSupport: {
      cancel: true,
      retryOnContentModified: [
        'textDocument/semanticTokens/full',
        'textDocument/semanticTokens/range',
        'textDocument/semanticTokens/full/delta',
      ],
    },
    regularExpressions: { engine: 'ECMAScript', version: 'ES2020' },
    markdown: { parser: 'marked', version: '1.1.0' },
    positionEncodings: ['utf-16'],
  },
};

/**
 * Neovim 0.7's `make_client_capabilities()`, minus workspace folders and `workspace/configuration` (0.7 sends
 * both; leaving them out exercises the fallbacks other clients need): push diagnostics only, no dynamic
 * registration, no folding or selection ranges, code action literals, settings via didChangeConfiguration.
 */
export const NEOVIM_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false, willSave: false, willSaveWaitUntil: false, didSave: true },
    codeAction: {
      dynamicRegistration: false,
      codeActionLiteralSupport: { codeActionKind: { valueSet: CODE_ACTION_KINDS } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    completion: {
      dynamicRegistration: false,
      completionItem: {
        snippetSupport: false,
        commitCharactersSupport: false,
        preselectSupport: false,
        deprecatedSupport: false,
        documentationFormat: ['markdown', 'plaintext'],
      },
      completionItemKind: { valueSet: Array.from({ length: 25 }, (_, i) => (i + 1) as 1) },
      contextSupport: false,
    },
    declaration: { linkSupport: true },
    definition: { linkSupport: true },
    implementation: { linkSupport: true },
    typeDefinition: { linkSupport: true },
    hover: { dynamicRegistration: false, contentFormat: ['markdown', 'plaintext'] },
    signatureHelp: {
      dynamicRegistration: false,
      signatureInformation: {
        activeParameterSupport: true,
        documentationFormat: ['markdown', 'plaintext'],
        parameterInformation: { labelOffsetSupport: true },
      },
    },
    references: { dynamicRegistration: false },
    documentHighlight: { dynamicRegistration: false },
    documentSymbol: {
      dynamicRegistration: false,
      symbolKind: { valueSet: SYMBOL_KINDS },
      hierarchicalDocumentSymbolSupport: true,
    },
    rename: { dynamicRegistration: false, prepareSupport: true },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] } },
  },
  workspace: {
    symbol: { dynamicRegistration: false, symbolKind: { valueSet: SYMBOL_KINDS } },
    applyEdit: true,
    workspaceEdit: { resourceOperations: ['rename', 'create', 'delete'] },
  },
  window: {
    workDoneProgress: true,
    showMessage: { messageActionItem: { additionalPropertiesSupport: false } },
    showDocument: { support: false },
  },
};

// ---- the harness ----

export type SettingsProvider = (scopeUri: string | undefined, section: string | undefined) => unknown;

export interface HarnessOptions {
  capabilities: ClientCapabilities;
  /** Answers `workspace/configuration`: the `imr` section, or a function of (scopeUri, section). */
  settings?: unknown;
  initializationOptions?: unknown;
  /** Workspace folders (paths). Sent as `workspaceFolders` only when the capabilities claim support. */
  workspaceFolders?: string[];
  /** `rootUri` (a path); defaults to the first workspace folder. */
  rootPath?: string;
  /** Extra arguments for the server, after `--stdio`. */
  serverArgs?: string[];
}

interface Waiter<T> {
  accept: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** A stream of events that tests can wait on; every event is also kept in `history`. */
class Signal<T> {
  private waiters: Waiter<T>[] = [];
  readonly history: T[] = [];

  fire(value: T): void {
    this.history.push(value);
    const ready = this.waiters.filter((w) => w.accept(value));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(value);
  }

  add(waiter: Waiter<T>): () => void {
    this.waiters.push(waiter);
    return () => {
      this.waiters = this.waiters.filter((w) => w !== waiter);
    };
  }
}

export class LspHarness {
  readonly applyEdits: ApplyWorkspaceEditParams[] = [];
  readonly registrations: Registration[] = [];
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly diagnostics = new Signal<PublishDiagnosticsParams>();
  readonly messages = new Signal<ShowMessageParams>();
  readonly refreshes = new Signal<number>();
  readonly edits = new Signal<ApplyWorkspaceEditParams>();
  readonly registered = new Signal<Registration>();
  initializeResult!: InitializeResult;
  private readonly open_ = new Map<string, TextDocument>();
  private settings: unknown;
  private stderr = '';
  private exited?: { code: number | null; signal: NodeJS.Signals | null };
  private readonly exitListeners = new Set<() => void>();

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
    readonly options: HarnessOptions,
  ) {
    this.settings = options.settings;
  }

  /** Spawns the server and completes initialize/initialized. */
  static async start(options: HarnessOptions): Promise<LspHarness> {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build first`);
    const child = spawn(process.execPath, [SERVER_JS, '--stdio', ...(options.serverArgs ?? [])], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const harness = new LspHarness(child, connection, options);
    harness.wire();
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    const root = options.rootPath ?? folders[0];
    harness.initializeResult = await harness.withTimeout(
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        clientInfo: { name: 'imr-test-harness', version: '1' },
        rootUri: root ? pathToFileURL(root).href : null,
        capabilities: options.capabilities,
        initializationOptions: options.initializationOptions,
        workspaceFolders: options.capabilities.workspace?.workspaceFolders
          ? folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) }))
          : null,
      }),
      'the initialize response',
    );
    await connection.sendNotification(InitializedNotification.type, {});
    return harness;
  }

  private wire(): void {
    const { connection, child } = this;
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr += chunk.toString('utf8');
    });
    child.on('exit', (code, signal) => {
      this.exited = { code, signal };
      for (const listener of [...this.exitListeners]) listener();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.diagnostics.fire(p));
    connection.onNotification(ShowMessageNotification.type, (p) => this.messages.fire(p));
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p);
    });
    connection.onRequest(ShowMessageRequest.type, (p) => {
      this.messages.fire(p);
      return null;
    });
    connection.onRequest(ConfigurationRequest.type, (p) => {
      return p.items.map((item) => {
        this.configurationRequests.push({ scopeUri: item.scopeUri, section: item.section });
        const s = this.settings;
        return typeof s === 'function' ? (s as SettingsProvider)(item.scopeUri, item.section) : (s ?? null);
      });
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
      for (const registration of p.registrations) this.registered.fire(registration);
    });
    connection.onRequest(UnregistrationRequest.type, () => undefined);
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes.fire(this.refreshes.history.length + 1);
    });
    connection.onRequest(ApplyWorkspaceEditRequest.type, async (p) => {
      this.applyEdits.push(p);
      try {
        await this.applyWorkspaceEdit(p.edit);
        this.edits.fire(p);
        return { applied: true };
      } catch (error) {
        this.edits.fire(p);
        return { applied: false, failureReason: error instanceof Error ? error.message : String(error) };
      }
    });
    connection.onError(() => undefined);
    connection.onClose(() => undefined);
  }

  private failure(): Error | undefined {
    if (!this.exited) return undefined;
    return new Error(
      `The server exited (code ${this.exited.code}, signal ${this.exited.signal}).\n--- server stderr ---\n${this.stderr}`,
    );
  }

  /**
   * Settles with `promise`, or rejects when it takes longer than `timeoutMs` (a failing timeout, not a sleep)
   * or when the server process dies first.
   */
  withTimeout<T>(promise: Thenable<T>, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const early = this.failure();
      if (early) return reject(early);
      const done = () => {
        clearTimeout(timer);
        this.exitListeners.delete(onExit);
      };
      const onExit = () => {
        done();
        reject(this.failure() ?? new Error(`The server exited while waiting for ${what}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}\n--- server stderr ---\n${this.stderr}`));
      }, timeoutMs);
      this.exitListeners.add(onExit);
      promise.then(
        (v) => {
          done();
          resolve(v);
        },
        (e: unknown) => {
          done();
          reject(e);
        },
      );
    });
  }

  /** The next event of `signal` (after this call) that `accept`s; fails on timeout or server death. */
  private waitOn<T>(signal: Signal<T>, accept: (value: T) => boolean, what: string, timeoutMs: number): Promise<T> {
    let remove = () => {};
    const event = new Promise<T>((resolve) => {
      remove = signal.add({ accept, resolve });
    });
    return this.withTimeout(event, what, timeoutMs).finally(() => remove());
  }

  // ---- settings ----

  /** What `workspace/configuration` answers from now on (the `imr` section, or a SettingsProvider). */
  setSettings(settings: unknown): void {
    this.settings = settings;
  }

  async changeConfiguration(settings: unknown): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  async changeWatchedFiles(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  // ---- documents ----

  async open(uri: string, text: string, languageId = 'imr', version = 1): Promise<void> {
    this.open_.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Incremental (or full, without `range`) changes, as an editor sends them. */
  async change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    const doc = this.open_.get(uri);
    if (!doc) throw new Error(`change: ${uri} is not open`);
    this.open_.set(uri, TextDocument.update(doc, contentChanges, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges,
    });
  }

  async close(uri: string): Promise<void> {
    this.open_.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The harness's copy of an open document (edits applied). */
  document(uri: string): TextDocument | undefined {
    return this.open_.get(uri);
  }

  // ---- requests ----

  request<R>(type: string | { method: string }, params: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<R> {
    const method = typeof type === 'string' ? type : type.method;
    return this.withTimeout(this.connection.sendRequest(method, params), `the ${method} response`, timeoutMs);
  }

  /** Sends a request and, right behind it, `$/cancelRequest` for it. Resolves with the result or the error. */
  async requestAndCancel<R>(
    method: string,
    params: unknown,
  ): Promise<{ result?: R; error?: { code: number; message: string } }> {
    const source = new CancellationTokenSource();
    const pending = this.connection.sendRequest(method, params, source.token) as Thenable<R>;
    source.cancel();
    try {
      return { result: await this.withTimeout(pending, `the cancelled ${method} response`) };
    } catch (error) {
      const e = error as { code?: number; message?: string };
      if (typeof e.code === 'number') return { error: { code: e.code, message: e.message ?? '' } };
      throw error;
    }
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  // ---- waiting ----

  /** The next publishDiagnostics for `uri` (received after this call) that satisfies `predicate`. */
  waitForDiagnostics(
    uri: string,
    predicate: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<PublishDiagnosticsParams> {
    return this.waitOn(
      this.diagnostics,
      (p) => p.uri === uri && predicate(p),
      `publishDiagnostics for ${uri}`,
      timeoutMs,
    );
  }

  /** The latest publishDiagnostics received for `uri`, if any. */
  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    const history = this.diagnostics.history;
    for (let i = history.length - 1; i >= 0; i--) {
      const published = history[i];
      if (published?.uri === uri) return published;
    }
    return undefined;
  }

  waitForMessage(
    predicate: (p: ShowMessageParams) => boolean = () => true,
    timeoutMs = DEFAULT_TIMEOUT_MS,
  ): Promise<ShowMessageParams> {
    return this.waitOn(this.messages, predicate, 'window/showMessage', timeoutMs);
  }

  waitForRefresh(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number> {
    return this.waitOn(this.refreshes, () => true, 'workspace/diagnostic/refresh', timeoutMs);
  }

  /** A `client/registerCapability` for `method`, already received or the next one. */
  waitForRegistration(method: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Registration> {
    const seen = this.registrations.find((r) => r.method === method);
    if (seen) return Promise.resolve(seen);
    return this.waitOn(
      this.registered,
      (r) => r.method === method,
      `client/registerCapability for ${method}`,
      timeoutMs,
    );
  }

  waitForApplyEdit(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ApplyWorkspaceEditParams> {
    return this.waitOn(this.edits, () => true, 'workspace/applyEdit', timeoutMs);
  }

  // ---- applying edits like a client ----

  private async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<void> {
    if (edit.documentChanges) {
      for (const change of edit.documentChanges) {
        if ('kind' in change) {
          if (change.kind === 'create') {
            const file = fileURLToPath(change.uri);
            if (fs.existsSync(file)) {
              if (change.options?.overwrite) fs.writeFileSync(file, '');
              else if (!change.options?.ignoreIfExists) throw new Error(`${file} exists`);
            } else {
              fs.mkdirSync(path.dirname(file), { recursive: true });
              fs.writeFileSync(file, '');
            }
          } else {
            throw new Error(`unsupported resource operation ${change.kind}`);
          }
        } else {
          await this.applyTextEdits(change.textDocument.uri, change.edits as TextEdit[]);
        }
      }
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) await this.applyTextEdits(uri, edits);
  }

  private async applyTextEdits(uri: string, edits: TextEdit[]): Promise<void> {
    const doc = this.open_.get(uri);
    if (doc) {
      const text = TextDocument.applyEdits(doc, edits);
      await this.change(uri, doc.version + 1, [{ text }]);
      return;
    }
    const file = fileURLToPath(uri);
    const before = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, TextDocument.applyEdits(TextDocument.create(uri, 'json', 0, before), edits));
  }

  // ---- lifecycle ----

  /** shutdown + exit, then waits for the process to end; resolves with its exit code. */
  async shutdown(): Promise<number | null> {
    if (this.exited) return this.exited.code;
    let exitTimer: NodeJS.Timeout | undefined;
    const exited = new Promise<number | null>((resolve, reject) => {
      const listener = () => {
        clearTimeout(exitTimer);
        this.exitListeners.delete(listener);
        resolve(this.exited?.code ?? null);
      };
      this.exitListeners.add(listener);
      exitTimer = setTimeout(() => {
        this.exitListeners.delete(listener);
        reject(new Error('Timed out waiting for the server to exit after shutdown + exit'));
      }, DEFAULT_TIMEOUT_MS);
    });
    exited.catch(() => undefined);
    try {
      await this.withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'the shutdown response');
      await this.connection.sendNotification(ExitNotification.type);
      return await exited;
    } catch (error) {
      this.child.kill();
      throw error;
    } finally {
      this.connection.dispose();
    }
  }

  /** Server stderr so far (for failure messages). */
  get serverStderr(): string {
    return this.stderr;
  }

  get hasExited(): boolean {
    return this.exited !== undefined;
  }
}

/** A `file:` URI for a path. */
export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** A fresh temporary workspace folder (removed by the caller with `fs.rmSync(dir, { recursive: true })`). */
export function tempWorkspace(prefix = 'imr-lsp-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

// ---- one server per suite ----

export interface SuiteServerOptions extends Omit<HarnessOptions, 'workspaceFolders' | 'rootPath'> {
  /** Fills the temporary folder before the server starts (letters for the workspace index, say). */
  populate?: (ws: string) => void;
  /** The reason the suite's tests are skipped (`corpusSkip()`): then the folder stays empty and no server starts. */
  skip?: string | false;
}

export interface SuiteServer {
  /** The running server; inside tests and hooks only (it starts in the suite's `before`). */
  readonly lsp: LspHarness;
  /** The suite's temporary folder. */
  readonly ws: string;
  /**
   * Opens `text` as `name` (relative to the folder; by default `letter-<n>.txt`, n counting up) and resolves
   * with its URI. A function property, not a method: suites destructure it.
   */
  readonly openLetter: (text: string, name?: string) => Promise<string>;
}

/**
 * Registers `before`/`after` hooks for the enclosing `describe`: a fresh `tempWorkspace()`, a server started
 * over it, and afterwards shutdown (unless a test already ended the server) and removal of the folder. The
 * folder is the workspace folder and the rootUri; the harness sends `workspaceFolders` only to clients whose
 * capabilities claim them, so a Neovim 0.7 client gets the rootUri alone.
 */
export function serverForSuite(options: SuiteServerOptions): SuiteServer {
  const { populate, skip, ...harnessOptions } = options;
  let lsp: LspHarness | undefined;
  let ws: string | undefined;
  let n = 0;

  before(async () => {
    ws = tempWorkspace();
    if (skip) return;
    populate?.(ws);
    lsp = await LspHarness.start({ ...harnessOptions, workspaceFolders: [ws] });
  });
  after(async () => {
    try {
      await lsp?.shutdown();
    } finally {
      if (ws) fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  const server: SuiteServer = {
    get lsp() {
      if (!lsp) throw new Error('serverForSuite: the server is not running (use `lsp` inside tests and hooks only)');
      return lsp;
    },
    get ws() {
      if (!ws) throw new Error('serverForSuite: no folder yet (use `ws` inside tests and hooks only)');
      return ws;
    },
    openLetter: async (text, name = `letter-${++n}.txt`) => {
      const uri = fileUri(path.join(server.ws, name));
      await server.lsp.open(uri, text);
      return uri;
    },
  };
  return server;
}
