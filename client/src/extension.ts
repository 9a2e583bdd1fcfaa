// VS Code glue, wiring only: each feature lives in its own file.
//  * detect.ts         plain-text letters (opened, or pasted into untitled editors) switched to `imr`
//  * serverHost.ts     the language server, started when the first `imr` document opens
//  * pickItem.ts       IMR: Go to Disputed Item
//  * determinationsView.ts   the Determinations view (texts and filters in determinationsModel.ts)
import * as vscode from 'vscode';
import type { ExtensionApi } from './api';
import { registerDeterminationsView } from './determinationsView';
import { startDetection } from './detect';
import { registerPickItem } from './pickItem';
import { ServerHost } from './serverHost';

let host: ServerHost | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const detector = startDetection(context);
  host = new ServerHost(context);
  const server = host;
  context.subscriptions.push(
    server,
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === 'imr') server.startIfNeeded();
    }),
  );
  server.startIfNeeded();
  registerPickItem(context, server);
  const determinations = registerDeterminationsView(context, server);
  return { detector, server, determinations };
}

export async function deactivate(): Promise<void> {
  await host?.stop();
  host = undefined;
}
