// The language server's lifetime on the client side: started only when the first `imr` document opens (not
// for every plain-text file the sniffer looks at), restarted on demand, and observable as a state.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ruleDocMiddleware, ruleDocsFolder } from './ruleDocs';
import { PDF_SCHEME, WorkspaceTrustNotification, type TrustInitializationOptions } from '../../server/src/protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/launch';
import { pdfMiddleware } from './pdf';
import { withSnippetFixes } from './snippetFixes';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { crashHandler, RestartPolicy } from './restartPolicy';

export type ServerState = 'not started' | 'starting' | 'running' | 'stopped';

export class ServerHost implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private current: ServerState = 'not started';
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly readyEmitter = new vscode.EventEmitter<LanguageClient>();
  /** The server's state changes. */
  readonly onDidChangeState = this.stateEmitter.event;
  /** A (re)started client is running: attach notification handlers here. */
  readonly onDidStart = this.readyEmitter.event;
  readonly output: vscode.LogOutputChannel;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = vscode.window.createOutputChannel('IMR Determinations', { log: true });
    // Restricted Mode: the server reads no .imr.json until the user trusts the workspace (protocol.ts).
    context.subscriptions.push(
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.running?.sendNotification(WorkspaceTrustNotification, { trusted: true }).catch(() => undefined);
      }),
    );
  }

  get state(): ServerState {
    return this.current;
  }

  /** The running client, if any (never starts one). */
  get running(): LanguageClient | undefined {
    return this.current === 'running' ? this.client : undefined;
  }

  /** Starts the server when an `imr` document is open and it is not started yet. */
  startIfNeeded(): void {
    if (this.current !== 'not started') return;
    if (vscode.workspace.textDocuments.some((d) => d.languageId === 'imr')) void this.start();
  }

  /** The running client, starting it when needed. */
  start(): Promise<LanguageClient> {
    if (this.client && this.current === 'running') return Promise.resolve(this.client);
    this.starting ??= this.launch().finally(() => (this.starting = undefined));
    return this.starting;
  }

  async restart(): Promise<void> {
    const old = this.client;
    this.client = undefined;
    if (old) await old.stop().catch(() => undefined);
    void old?.dispose(); // stopped above: disposing only releases the client's resources
    this.setState('not started');
    await this.start();
  }

  private async launch(): Promise<LanguageClient> {
    this.setState('starting');
    const serverModule = this.context.asAbsolutePath(path.join('dist', 'server.js'));
    // Over stdio, as other editors and the bench run it: the server's own transport (lsp/stdio.ts) reads and
    // writes large messages with fewer copies than the library's IPC channel.
    const execArgv = [...SERVER_NODE_FLAGS];
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.stdio, options: { execArgv } },
      debug: {
        module: serverModule,
        transport: TransportKind.stdio,
        options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'] },
      },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'imr' },
        { scheme: 'untitled', language: 'imr' },
        { scheme: PDF_SCHEME, language: 'imr' },
      ],
      middleware: {
        ...pdfMiddleware,
        ...ruleDocMiddleware(ruleDocsFolder(this.context)),
        provideCodeActions: (document, range, context, token, next) =>
          pdfMiddleware.provideCodeActions?.(document, range, context, token, withSnippetFixes(next)),
      },
      // Read at each (re)start, so a server started after trust was granted is told so.
      initializationOptions: (): TrustInitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
      outputChannel: this.output,
      errorHandler: crashHandler(new RestartPolicy(), {
        show: (message, action) => vscode.window.showErrorMessage(message, action),
        restart: () => void this.restart(),
      }),
      // The server asks for the `imr` settings and registers its own change and file watchers.
    };
    const client = new LanguageClient('imr', 'IMR Determinations', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState(({ newState }) => {
      if (this.client !== client) return;
      if (newState === State.Stopped) this.setState('stopped');
      else if (newState === State.Starting) this.setState('starting');
      else if (newState === State.Running) this.setState('running');
    });
    try {
      await client.start();
    } catch (error) {
      if (this.client === client) this.setState('stopped');
      throw error;
    }
    this.setState('running');
    this.readyEmitter.fire(client);
    return client;
  }

  private setState(state: ServerState): void {
    if (this.current === state) return;
    this.current = state;
    this.stateEmitter.fire(state);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    await client?.stop().catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
    this.readyEmitter.dispose();
    this.output.dispose();
  }
}
