// Serves and sends the custom messages of server/src/protocol.ts with their types. The protocol file's type
// objects come from the client's vscode-languageserver-protocol, which differs from the server's own copy
// (vscode-languageserver pins another version), so the connection is given their method names; the
// parameter and result types are still checked here, against the shared definitions.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import { handler, type ServerContext } from './context';

/**
 * Serves a custom request through `handler` (context.ts): cancellation, and `empty()` for a failure, which is
 * logged under the method's name without its `imr/` (`determinations`).
 */
export function onCustomRequest<P, R>(
  context: ServerContext,
  type: RequestType<P, R, void>,
  empty: () => R,
  run: (params: P, token: CancellationToken) => R | Promise<R>,
): void {
  const serve = handler(context, type.method.replace(/^imr\//, ''), empty, run);
  context.connection.onRequest(type.method, (params: P, token: CancellationToken) => serve(params, token));
}

export function sendCustomNotification<P>(
  connection: Connection,
  type: NotificationType<P>,
  ...params: P extends void ? [] : [P]
): void {
  connection.sendNotification(type.method, ...params).catch(() => undefined);
}

export function onCustomNotification<P>(
  connection: Connection,
  type: NotificationType<P>,
  run: (params: P) => void,
): void {
  connection.onNotification(type.method, (params: P) => run(params));
}
