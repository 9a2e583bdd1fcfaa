// The `imr.server.disableRule` command behind "Disable rule IMR0NN for this workspace": sets `"IMR0NN": "off"`
// in the `.imr.json` that governs the document, or, when there is none (or it lies outside the document's
// workspace folder), in a new one at the root of that folder (node/config.ts `disableRuleChange`). An existing
// file gets a minimal edit that keeps its comments and layout, sent as `workspace/applyEdit`; a new file goes
// through the client too (CreateFile + insert), or, for a client that cannot create files, is written here.
import { pathToFileURL } from 'node:url';
import { MessageType, ShowMessageNotification, type WorkspaceEdit } from 'vscode-languageserver';
import { disableRuleArgs } from '../core/service/disableRule';
import { CONFIG_FILE_NAME, createConfigFile, disableRuleChange, type ConfigChange } from '../node/config';
import type { ServerContext } from './context';
import { filePathOf } from './settings';
import { clientCreatesFiles, createFileEdit, workspaceEditOf } from './workspaceEdit';

export const DISABLE_RULE_COMMAND = 'imr.server.disableRule';

function warn(context: ServerContext, message: string): void {
  void context.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

/** The change as a workspace edit; undefined for a new file when the client cannot create files. */
function configEdit(context: ServerContext, change: ConfigChange): WorkspaceEdit | undefined {
  const uri = pathToFileURL(change.file).href;
  if ('edits' in change) return workspaceEditOf(context, uri, null, change.edits);
  return clientCreatesFiles(context) ? createFileEdit(uri, change.newText) : undefined;
}

/** For a client that cannot create files: the new file written here, never over an existing one. */
function writeConfigFile(context: ServerContext, { file, newText }: { file: string; newText: string }): void {
  const failure = createConfigFile(file, newText);
  if (failure === undefined) context.configurationChanged('files');
  else warn(context, failure);
}

async function applyConfigChange(context: ServerContext, change: ConfigChange, label: string): Promise<void> {
  const edit = configEdit(context, change);
  if (!edit) return 'newText' in change ? writeConfigFile(context, change) : undefined;
  const result = await context.connection.workspace.applyEdit({ label, edit });
  if (!result.applied) context.logger.warn(`applyEdit for ${CONFIG_FILE_NAME} was not applied`);
}

/** `args`: the rule (id or name) and the document's URI. */
export async function disableRule(context: ServerContext, args: unknown[]): Promise<void> {
  const request = disableRuleArgs(args);
  if (!request) return;
  const { ruleId, uri } = request;
  const change = disableRuleChange(
    ruleId,
    filePathOf(uri),
    context.workspaceFolders,
    context.settings.fileConfigFor(uri),
  );
  if (typeof change === 'string') warn(context, change);
  else if (change) await applyConfigChange(context, change, `Disable ${ruleId}`);
}
