// The language server as the benchmark drives it: spawned over stdio from dist/server.js, initialised as a
// plain push-diagnostics client, with waits that fail after a timeout and its resident memory from /proc. Also
// node's own start, the floor under the server's cold start, and the helpers every server figure uses.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_FLAGS } from '../../server/src/launch';
import { at } from '../support/elements';

export type Row = (label: string, value: string, target: string, ok: boolean) => void;

export const SERVER_JS = path.resolve(process.cwd(), 'dist', 'server.js');
const TIMEOUT_MS = 60_000;

/** A plain client: push diagnostics, no configuration requests (settings come from initializationOptions). */
const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { didSave: true },
    publishDiagnostics: { versionSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    semanticTokens: {
      requests: { full: true, range: true },
      tokenTypes: [],
      tokenModifiers: [],
      formats: ['relative'],
      multilineTokenSupport: false,
      overlappingTokenSupport: false,
    },
  },
  workspace: { workspaceFolders: true, symbol: {} },
};

export class Server {
  private readonly diagnosticWaiters: Array<{ uri: string; version: number; resolve: () => void }> = [];

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {}

  static async start(options: {
    folders?: string[];
    settings?: unknown;
    onNotificationBeforeInit?: (s: Server) => void;
    /** Environment variables to add, e.g. IMR_CACHE_DIR. */
    env?: Record<string, string>;
  }): Promise<Server> {
    // With the node flags the VS Code client gives it, so that the memory rows describe that process.
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_JS, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    child.stderr.resume();
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    const server = new Server(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      for (let i = server.diagnosticWaiters.length - 1; i >= 0; i--) {
        const w = at(server.diagnosticWaiters, i);
        if (w.uri === p.uri && p.version === w.version) {
          server.diagnosticWaiters.splice(i, 1);
          w.resolve();
        }
      }
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const folders = options.folders ?? [];
    await withTimeout(
      connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
        capabilities: CAPABILITIES,
        initializationOptions: { imr: options.settings ?? {} },
        workspaceFolders: folders.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      }),
      'initialize',
    );
    options.onNotificationBeforeInit?.(server);
    await connection.sendNotification('initialized', {});
    return server;
  }

  /** The next notification of `method` (call before the event can happen). */
  nextNotification(method: string): Promise<unknown> {
    return withTimeout(
      new Promise((resolve) => {
        const subscription = this.connection.onNotification(method, (params: unknown) => {
          subscription.dispose();
          resolve(params);
        });
      }),
      method,
    );
  }

  diagnosticsFor(uri: string, version: number): Promise<void> {
    return withTimeout(
      new Promise<void>((resolve) => this.diagnosticWaiters.push({ uri, version, resolve })),
      `diagnostics for v${version}`,
    );
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return withTimeout(this.connection.sendRequest<R>(method, params), method);
  }

  /** Peak and current resident set size of the server process, from /proc (Linux). */
  memory(): { hwm?: number; rss?: number } {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (name: string) => {
        const m = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
        return m ? Number(m[1]) * 1024 : undefined;
      };
      return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
    } catch {
      return {};
    }
  }

  /**
   * The server process's CPU time so far (user + system, all its threads), in ms, from /proc (Linux; clock
   * ticks taken as 100 a second, the kernel's USER_HZ): unlike wall time, barely moved by other processes
   * on a shared machine.
   */
  cpuMs(): number | undefined {
    try {
      const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return undefined;
    }
  }

  /**
   * Resets the peak (VmHWM) to the current RSS, so that a later `memory().hwm` is the peak of what came after
   * (Linux 4.0+, `/proc/pid/clear_refs`); false where that is not possible.
   */
  resetPeak(): boolean {
    try {
      fs.writeFileSync(`/proc/${this.child.pid}/clear_refs`, '5');
      return true;
    } catch {
      return false;
    }
  }

  async stop(): Promise<void> {
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 'shutdown', 10_000);
      await this.connection.sendNotification('exit');
    } catch {
      this.child.kill();
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.connection.dispose();
  }
}

export function withTimeout<T>(promise: Promise<T> | Thenable<T>, what: string, ms = TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bench: timed out waiting for ${what}`)), ms);
    Promise.resolve(promise).then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return at(sorted, sorted.length >> 1);
}

/** The median time to spawn `node -e 0` and see it exit: what any server in node pays before its own code. */
export async function bareNodeStart(runs: number): Promise<number> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const t0 = now();
    await new Promise((resolve) => spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' }).on('exit', resolve));
    samples.push(now() - t0);
  }
  return median(samples);
}
