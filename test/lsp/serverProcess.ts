// The server as a child process: its stderr, its exit, and waits that fail on a timeout or when the
// process dies first (never a sleep).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { SERVER_JS } from './files';

/** How long a wait may take before it fails the test. Generous: CI machines are slow; passing tests never wait it out. */
export const DEFAULT_TIMEOUT_MS = 15_000;

export class ServerProcess {
  private output = '';
  private exit?: { code: number | null; signal: NodeJS.Signals | null };
  private readonly exitListeners = new Set<() => void>();

  private constructor(readonly child: ChildProcessWithoutNullStreams) {
    child.stderr.on('data', (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
    });
    child.on('exit', (code, signal) => {
      this.exit = { code, signal };
      for (const listener of [...this.exitListeners]) listener();
    });
  }

  /** `node dist/server.js --stdio ...args`. */
  static spawn(args: readonly string[]): ServerProcess {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run npm run build first`);
    return new ServerProcess(
      spawn(process.execPath, [SERVER_JS, '--stdio', ...args], { stdio: ['pipe', 'pipe', 'pipe'] }),
    );
  }

  /** Server stderr so far (for failure messages). */
  get stderr(): string {
    return this.output;
  }

  get exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    return this.exit;
  }

  private failure(): Error | undefined {
    if (!this.exit) return undefined;
    return new Error(
      `The server exited (code ${this.exit.code}, signal ${this.exit.signal}).\n--- server stderr ---\n${this.output}`,
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
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}\n--- server stderr ---\n${this.output}`));
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

  /** Resolves with the exit code once the process has ended; fails after `timeoutMs`. */
  exitCode(timeoutMs = DEFAULT_TIMEOUT_MS): Promise<number | null> {
    if (this.exit) return Promise.resolve(this.exit.code);
    let timer: NodeJS.Timeout | undefined;
    return new Promise<number | null>((resolve, reject) => {
      const listener = () => {
        clearTimeout(timer);
        this.exitListeners.delete(listener);
        resolve(this.exit?.code ?? null);
      };
      this.exitListeners.add(listener);
      timer = setTimeout(() => {
        this.exitListeners.delete(listener);
        reject(new Error('Timed out waiting for the server to exit'));
      }, timeoutMs);
    });
  }
}
