// The connection over stdin/stdout, with the server's own reader and writer (messageReader.ts,
// messageWriter.ts: large messages with fewer copies) in place of the library's. Given a reader and a
// writer, the library leaves out two things it does for `--stdio`, done here: the server exits when its
// input ends (0 after a shutdown request, else 1), and console output, which would corrupt the protocol on
// stdout, goes to the client's log.
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { LspStreamReader } from './messageReader';
import { LspStreamWriter } from './messageWriter';

export function createStdioConnection(shutdownReceived: () => boolean): Connection {
  const connection = createConnection(
    ProposedFeatures.all,
    new LspStreamReader(process.stdin),
    new LspStreamWriter(process.stdout),
  );
  const exit = () => process.exit(shutdownReceived() ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  consoleToClient(connection);
  return connection;
}

function consoleToClient(connection: Connection): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = console.trace = (...args: unknown[]) => connection.console.error(text(args));
  // The one other method that writes to stdout itself; table, group, count, time… go through console.log.
  console.dir = (item: unknown, options?: object) => connection.console.log(inspect(item, options));
}
