// `IMR: Export Disputed Items…`: the current letter or every letter of the workspace, as CSV or JSON, with the
// columns and the code of `imr export` (the server's `imr/export`). Tests pass `{ scope, format, target }`
// to skip the pickers and the save dialog.
import * as vscode from 'vscode';
import { ExportRequest, type ExportParams } from '../../server/src/protocol';
import { exportedText } from './exportText';
import type { ServerHost } from './serverHost';

export const EXPORT_COMMAND = 'imr.export';

export interface ExportOptions {
  scope?: 'letter' | 'workspace';
  format?: ExportParams['format'];
  target?: vscode.Uri;
}

async function choose(options: ExportOptions): Promise<Required<ExportOptions> | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const hasLetter = active?.languageId === 'imr';
  let scope = options.scope;
  if (!scope) {
    const scopes = [
      ...(hasLetter ? [{ label: 'This letter', value: 'letter' as const }] : []),
      { label: 'All letters in the workspace', value: 'workspace' as const },
    ];
    scope = (await vscode.window.showQuickPick(scopes, { placeHolder: 'Export the disputed items of' }))?.value;
    if (!scope) return undefined;
  }
  const format =
    options.format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'CSV', description: 'one row per item, for spreadsheets', value: 'csv' as const },
          { label: 'JSON', description: 'an array of rows', value: 'json' as const },
        ],
        { placeHolder: 'Format' },
      )
    )?.value;
  if (!format) return undefined;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target =
    options.target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, `imr-export.${format}`) : undefined,
      filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] },
      saveLabel: 'Export',
    }));
  if (!target) return undefined;
  return { scope, format, target };
}

export function registerExport(context: vscode.ExtensionContext, host: ServerHost): void {
  const run = async (options: ExportOptions = {}): Promise<number | undefined> => {
    const choice = await choose(options);
    if (!choice) return undefined;
    const active = vscode.window.activeTextEditor?.document;
    if (choice.scope === 'letter' && active?.languageId !== 'imr') {
      void vscode.window.showInformationMessage('Open a determination letter to export its disputed items.');
      return undefined;
    }
    const client = await host.start();
    const params: ExportParams = { format: choice.format };
    if (choice.scope === 'letter' && active) params.uris = [active.uri.toString()];
    const result = await client.sendRequest(ExportRequest, params);
    await vscode.workspace.fs.writeFile(choice.target, new TextEncoder().encode(result.text));
    for (const error of result.errors) host.output.warn(`export: ${error}`);
    void vscode.window.showInformationMessage(exportedText(result));
    return result.rows;
  };
  context.subscriptions.push(vscode.commands.registerCommand(EXPORT_COMMAND, run));
}
