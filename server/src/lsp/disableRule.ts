// The `imr.server.disableRule` command behind "Disable rule IMR0NN for this workspace": sets `"IMR0NN": "off"`
// in the `.imr.json` that governs the document, or, when there is none (or it lies outside the document's
// workspace folder), in a new one at the root of that folder (node/config.ts `disableRuleChange`). An existing
// file gets a minimal edit that keeps its comments and layout, sent as `workspace/applyEdit`; a new file goes
// through the client too (CreateFile + insert), or, for a client that cannot create files, is written here.
import { pathToFileURL } from 'node:url';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { findRule } from '../core/rules';
import { CONFIG_FILE_NAME, createConfigFile, disableRuleChange, type ConfigChange } from '../node/config';
import type { ServerContext } from './context';
import { filePathOf } from './settings';
import { clientCreatesFiles, createFileEdit, workspaceEditOf } from './workspaceEdit';

export const DISABLE_RULE_COMMAND = 'imr.server.disableRule';

function warn(context: ServerContext, message: string): void {
  void context.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

async function applyConfigChange(context: ServerContext, change: ConfigChange, label: string): Promise<void> {
  const uri = pathToFileURL(change.file).href;
  if ('edits' in change || clientCreatesFiles(context)) {
    const edit =
      'edits' in change ? workspaceEditOf(context, uri, null, change.edits) : createFileEdit(uri, change.newText);
    const result = await context.connection.workspace.applyEdit({ label, edit });
    if (!result.applied) context.logger.warn(`applyEdit for ${CONFIG_FILE_NAME} was not applied`);
    return;
  }
  // The client cannot create files through an edit: write it ourselves (never over an existing file).
  if (createConfigFile(change.file, change.newText) === undefined) context.configurationChanged('files');
  else warn(context, `Cannot create ${change.file}.`);
}

/** `args`: the rule (id or name) and the document's URI. */
export async function disableRule(context: ServerContext, args: unknown[]): Promise<void> {
  const [ruleArg, uri] = args;
  const ruleId = typeof ruleArg === 'string' ? findRule(ruleArg)?.meta.id : undefined;
  if (!ruleId || typeof uri !== 'string') return;
  const { workspaceFolders, settings } = context;
  const change = disableRuleChange(ruleId, filePathOf(uri), workspaceFolders, settings.fileConfigFor(uri));
  if (typeof change === 'string') warn(context, change);
  else if (change) await applyConfigChange(context, change, `Disable ${ruleId}`);
}
