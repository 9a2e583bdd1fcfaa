// The language status item of `imr` documents: the active letter's counts and problems, and the server's
// state, with the command that helps (show the output while it runs, restart it once it stopped).
import * as vscode from 'vscode';
import {
  DocumentItemsRequest,
  IndexProgressNotification,
  IndexReadyNotification,
  type IndexProgress,
} from '../../server/src/protocol';
import type { ServerHost } from './serverHost';
import { letterText, stateText } from './statusText';

export const RESTART_COMMAND = 'imr.restartServer';
export const SHOW_OUTPUT_COMMAND = 'imr.showOutput';

export function registerStatusItem(context: vscode.ExtensionContext, host: ServerHost): vscode.LanguageStatusItem {
  const item = vscode.languages.createLanguageStatusItem('imr.status', { language: 'imr' });
  item.name = 'IMR Determinations';
  let indexing = true;
  let progress: IndexProgress | undefined;
  let generation = 0;

  const update = async () => {
    const run = ++generation;
    const state = host.state;
    item.severity =
      state === 'stopped' ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    item.busy = state === 'starting' || (state === 'running' && indexing);
    item.command =
      state === 'stopped'
        ? { command: RESTART_COMMAND, title: 'Restart', tooltip: 'Restart the IMR language server' }
        : { command: SHOW_OUTPUT_COMMAND, title: 'Output', tooltip: 'Show the IMR language server output' };
    const doc = vscode.window.activeTextEditor?.document;
    const server = `Server: ${stateText(state, indexing, progress)}`;
    const client = host.running;
    if (!doc || doc.languageId !== 'imr' || !client) {
      item.text = 'IMR';
      item.detail = server;
      return;
    }
    const result = await client.sendRequest(DocumentItemsRequest, { uri: doc.uri.toString() }).catch(() => undefined);
    if (run !== generation || !result) return;
    item.text = letterText(result.counts, vscode.languages.getDiagnostics(doc.uri).length);
    item.detail = server;
  };
  const refresh = () => void update();

  context.subscriptions.push(
    item,
    host.onDidChangeState(refresh),
    host.onDidStart((client) => {
      client.onNotification(IndexProgressNotification, (report) => {
        indexing = true;
        progress = report;
        refresh();
      });
      client.onNotification(IndexReadyNotification, () => {
        indexing = false;
        progress = undefined;
        refresh();
      });
    }),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.languages.onDidChangeDiagnostics(refresh),
    vscode.commands.registerCommand(RESTART_COMMAND, async () => {
      indexing = true;
      progress = undefined;
      await host.restart();
    }),
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => host.output.show(true)),
  );
  refresh();
  return item;
}
