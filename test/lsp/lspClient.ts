// The client side of a protocol test: a JSON-RPC connection to the server process that answers the
// server's requests as an editor does and records what the server sends (see ./harness.ts for usage).
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
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
  ResponseError,
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
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyWorkspaceEdit } from './clientEdits';
import { DEFAULT_TIMEOUT_MS, ServerProcess } from './serverProcess';
import { Signal } from './signal';

export type SettingsProvider = (scopeUri: string | undefined, section: string | undefined) => unknown;
/** What `workspace/configuration` answers: a JSON value (the `imr` section, or a wrong one on purpose) or a provider. */
export type ClientSettings = SettingsProvider | Record<string, unknown> | unknown[] | string | number | boolean | null;

export interface HarnessOptions {
  capabilities: ClientCapabilities;
  /** Answers `workspace/configuration`: the `imr` section, or a function of (scopeUri, section). */
  settings?: ClientSettings;
  initializationOptions?: unknown;
  /** Workspace folders (paths). Sent as `workspaceFolders` only when the capabilities claim support. */
  workspaceFolders?: string[];
  /** `rootUri` (a path); defaults to the first workspace folder. */
  rootPath?: string;
  /** Extra arguments for the server, after `--stdio`. */
  serverArgs?: string[];
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
  private settings: ClientSettings | undefined;

  private constructor(
    readonly server: ServerProcess,
    readonly connection: ProtocolConnection,
    readonly options: HarnessOptions,
  ) {
    this.settings = options.settings;
  }

  /** Spawns the server and completes initialize/initialized. */
  static async start(options: HarnessOptions): Promise<LspHarness> {
    const server = ServerProcess.spawn(options.serverArgs ?? []);
    const connection = createProtocolConnection(
      new StreamMessageReader(server.child.stdout),
      new StreamMessageWriter(server.child.stdin),
    );
    const harness = new LspHarness(server, connection, options);
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
    const { connection } = this;
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
        return typeof s === 'function' ? s(item.scopeUri, item.section) : (s ?? null);
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
        await applyWorkspaceEdit(p.edit, this);
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

  /**
   * Settles with `promise`, or rejects when it takes longer than `timeoutMs` (a failing timeout, not a sleep)
   * or when the server process dies first.
   */
  withTimeout<T>(promise: Thenable<T>, what: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return this.server.withTimeout(promise, what, timeoutMs);
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
  setSettings(settings: ClientSettings): void {
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
    const pending = this.connection.sendRequest<R>(method, params, source.token);
    source.cancel();
    try {
      return { result: await this.withTimeout(pending, `the cancelled ${method} response`) };
    } catch (error) {
      // An error response; anything else (a timeout, a closed connection) fails the test.
      if (error instanceof ResponseError) return { error: { code: error.code, message: error.message } };
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

  /** The next notification `method` (after this call), with its params; fails on timeout or server death. */
  waitForNotification<T = unknown>(method: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    let dispose = () => {};
    const next = new Promise<T>((resolve) => {
      const subscription = this.connection.onNotification(method, (params: T) => resolve(params));
      dispose = () => subscription.dispose();
    });
    return this.withTimeout(next, method, timeoutMs).finally(() => dispose());
  }

  waitForApplyEdit(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<ApplyWorkspaceEditParams> {
    return this.waitOn(this.edits, () => true, 'workspace/applyEdit', timeoutMs);
  }

  // ---- lifecycle ----

  /** shutdown + exit, then waits for the process to end; resolves with its exit code. */
  async shutdown(): Promise<number | null> {
    if (this.server.exited) return this.server.exited.code;
    const exited = this.server.exitCode();
    exited.catch(() => undefined);
    try {
      await this.withTimeout(this.connection.sendRequest(ShutdownRequest.type), 'the shutdown response');
      await this.connection.sendNotification(ExitNotification.type);
      return await exited;
    } catch (error) {
      this.server.child.kill();
      throw error;
    } finally {
      this.connection.dispose();
    }
  }

  /** The server process (tests end or watch it). */
  get child(): ChildProcessWithoutNullStreams {
    return this.server.child;
  }

  /** Server stderr so far (for failure messages). */
  get serverStderr(): string {
    return this.server.stderr;
  }

  get hasExited(): boolean {
    return this.server.exited !== undefined;
  }
}
