// When the language server crashes: restart it a few times, then stop and say so once, with a way to try
// again. No `vscode` import (the editor is reached through the `CrashUi` given), so that unit tests run it.
import type {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
} from 'vscode-languageclient/node';

/** Restarts allowed within WINDOW_MS; the next crash in that window stops the server. */
export const MAX_RESTARTS = 3;
export const WINDOW_MS = 3 * 60_000;

export const GAVE_UP_MESSAGE =
  `The IMR language server stopped unexpectedly ${MAX_RESTARTS + 1} times in a few minutes and will not be restarted ` +
  'automatically. Outline, diagnostics and hover are off until it runs again. Details are in the "IMR Determinations" output.';
export const RESTART_ACTION = 'Restart';

export type CrashDecision = 'restart' | 'give-up';

export class RestartPolicy {
  /** Times of the crashes still inside the window, oldest first. */
  private crashes: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** The server's connection closed without being asked to: restart it, or give up. */
  crashed(): CrashDecision {
    const time = this.now();
    this.crashes = this.crashes.filter((t) => time - t < WINDOW_MS);
    this.crashes.push(time);
    return this.crashes.length <= MAX_RESTARTS ? 'restart' : 'give-up';
  }

  /** The user restarted the server by hand: earlier crashes no longer count against it. */
  reset(): void {
    this.crashes = [];
  }
}

// vscode-languageclient's enum values, written out: importing the enums would load `vscode`, which unit tests
// cannot; the member types make the compiler check each value.
const CONTINUE: ErrorAction.Continue = 1;
const SHUT_DOWN: ErrorAction.Shutdown = 2;
const DO_NOT_RESTART: CloseAction.DoNotRestart = 1;
const RESTART: CloseAction.Restart = 2;

/** What the handler needs of the editor: an error message with one action, and a fresh start of the server. */
export interface CrashUi {
  show(message: string, action: string): PromiseLike<string | undefined>;
  restart(): void;
}

/**
 * The client's error handler: read/write errors as vscode-languageclient's default (a few tolerated, then a
 * shutdown); a closed connection restarted by `policy`, else stopped with one message that offers a restart.
 * Every close is `handled`, so the library adds no message of its own.
 */
export function crashHandler(policy: RestartPolicy, ui: CrashUi): ErrorHandler {
  return {
    error: (_error, _message, count): ErrorHandlerResult => ({
      action: count !== undefined && count <= 3 ? CONTINUE : SHUT_DOWN,
    }),
    closed: (): CloseHandlerResult => {
      if (policy.crashed() === 'restart') return { action: RESTART, handled: true };
      void ui.show(GAVE_UP_MESSAGE, RESTART_ACTION).then((choice) => {
        if (choice !== RESTART_ACTION) return;
        policy.reset();
        ui.restart();
      });
      return { action: DO_NOT_RESTART, handled: true };
    },
  };
}
