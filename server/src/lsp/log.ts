// Server-side logging through the client's output channel (`window/logMessage`), filtered by `imr.logLevel`.
//
// Privacy: nothing here may ever carry document text. Messages are written by us and name a feature, a URI
// scheme, a version or a count; errors are logged by name and stack frames only, because an error's message
// can quote the text that caused it. The default level, `error`, logs failures and nothing else.
// (`imr.trace.server` is the client library's own message trace; the server has nothing to do for it.)
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_LOG_LEVEL, LOG_LEVELS, type LogLevel } from '../core/service/settings';
import { describeError } from '../node/errors';

export interface Logger {
  level: LogLevel;
  error(message: string, error?: unknown): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/**
 * An error as node/errors.ts describes it (its code in plain words, or its class name) plus its stack frames,
 * never its message (which may quote document text).
 */
function errorForLog(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 8)
    .join('\n');
  return frames ? `${describeError(error)}\n${frames}` : describeError(error);
}

const OURS = '[imr] ';

/**
 * The libraries log through the same console, and vscode-jsonrpc logs a message it cannot place (neither a
 * request, a notification nor a response) whole, after a line break: a client's bug put a letter's text in the
 * output channel (issue 12). Their lines keep only their first line; ours (`[imr] …`) are written as they are.
 */
function libraryLinesCut(console: Connection['console']): void {
  for (const method of ['error', 'warn', 'info', 'log'] as const) {
    const write = console[method].bind(console);
    console[method] = (message: string) =>
      write(message.startsWith(OURS) ? message : (message.split('\n', 1)[0] ?? ''));
  }
}

/** The server's logger; also cuts the libraries' lines on `connection`'s console (libraryLinesCut). */
export function createLogger(
  connection: Pick<Connection, 'console'> | undefined,
  level: LogLevel = DEFAULT_LOG_LEVEL,
): Logger {
  if (connection) libraryLinesCut(connection.console);
  const enabled = (l: LogLevel) => logger.level !== 'off' && LOG_LEVELS.indexOf(l) <= LOG_LEVELS.indexOf(logger.level);
  const send = (write: (m: string) => void, message: string) => {
    try {
      write(`${OURS}${message}`);
    } catch {
      // The connection is gone: nowhere to log to.
    }
  };
  const logger: Logger = {
    level,
    error(message, error) {
      if (!connection || !enabled('error')) return;
      send((m) => connection.console.error(m), error === undefined ? message : `${message}: ${errorForLog(error)}`);
    },
    warn(message) {
      if (connection && enabled('warn')) send((m) => connection.console.warn(m), message);
    },
    info(message) {
      if (connection && enabled('info')) send((m) => connection.console.info(m), message);
    },
    debug(message) {
      if (connection && enabled('debug')) send((m) => connection.console.log(m), message);
    },
  };
  return logger;
}

/** A URI for logs: its scheme and a short hash, never the path (file names can identify a case). */
export function uriForLog(uri: string): string {
  let h = 0;
  for (let i = 0; i < uri.length; i++) h = (Math.imul(h, 31) + uri.charCodeAt(i)) | 0;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(uri)?.[1] ?? 'unknown';
  return `${scheme}:#${(h >>> 0).toString(16).padStart(8, '0')}`;
}
