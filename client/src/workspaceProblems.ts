// Problems for letters that are not open: `IMR: Check All Letters` asks the server (`imr/checkWorkspace`),
// with a cancellable progress notification, and lists the findings under their files. The check also runs by
// itself each time the server's workspace index is built. A letter's entries leave this collection when it is
// opened: the language client's own diagnostics then cover it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckWorkspaceRequest, IndexReadyNotification } from '../../server/src/protocol';
import { ruleDocsFolder, withRuleDocLink } from './ruleDocs';
import type { ServerHost } from './serverHost';

export const CHECK_WORKSPACE_COMMAND = 'imr.checkWorkspace';

export interface WorkspaceProblems {
  /** Runs the check with a progress notification; resolves with the number of letters checked. */
  checkAll(): Promise<number>;
}

export function registerWorkspaceProblems(context: vscode.ExtensionContext, host: ServerHost): WorkspaceProblems {
  const collection = vscode.languages.createDiagnosticCollection('imr-workspace');
  const docsFolder = ruleDocsFolder(context);
  let running: vscode.CancellationTokenSource | undefined;

  const check = async (client: LanguageClient, token: vscode.CancellationToken): Promise<number> => {
    const result = await client.sendRequest(CheckWorkspaceRequest, {}, token);
    if (token.isCancellationRequested) return 0;
    const open = new Set(
      vscode.workspace.textDocuments.filter((d) => d.languageId === 'imr').map((d) => d.uri.toString()),
    );
    collection.clear();
    for (const letter of result.letters) {
      const uri = vscode.Uri.parse(letter.uri);
      if (open.has(uri.toString())) continue;
      const diagnostics = await client.protocol2CodeConverter.asDiagnostics(letter.diagnostics, token);
      collection.set(
        uri,
        diagnostics.map((d) => withRuleDocLink(d, docsFolder)),
      );
    }
    return result.checked;
  };

  /** One check at a time: a new one cancels the one running. */
  const run = async (withProgress: boolean): Promise<number> => {
    running?.cancel();
    const source = (running = new vscode.CancellationTokenSource());
    try {
      const client = await host.start();
      if (!withProgress) return await check(client, source.token);
      return await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'IMR: checking all letters', cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(() => source.cancel());
          return check(client, source.token);
        },
      );
    } finally {
      if (running === source) running = undefined;
      source.dispose();
    }
  };

  context.subscriptions.push(
    collection,
    { dispose: () => running?.cancel() },
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === 'imr') collection.delete(doc.uri);
    }),
    host.onDidStart((client) => {
      // A check already running waited for the index itself: the automatic one does not cancel it.
      client.onNotification(IndexReadyNotification, () => {
        if (!running) void run(false).catch(() => undefined);
      });
    }),
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, () => run(true)),
  );
  return { checkAll: () => run(true) };
}
