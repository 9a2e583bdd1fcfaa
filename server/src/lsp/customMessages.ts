// Serves and sends the custom messages of server/src/protocol.ts with their types. The protocol file's type
// objects come from the client's vscode-languageserver-protocol, which differs from the server's own copy
// (vscode-languageserver pins another version), so the connection is given their method names; the
// parameter and result types are still checked here, against the shared definitions.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export function onCustomRequest<P, R>(
  connection: Connection,
  type: RequestType<P, R, void>,
  run: (params: P, token: CancellationToken) => Promise<R>,
): void {
  connection.onRequest(type.method, (params: P, token: CancellationToken) => run(params, token));
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
