// The `imr.server.disableRule` command behind "Disable rule IMR0NN for this workspace": sets `"IMR0NN": "off"`
// in the `.imr.json` that governs the document, or, when there is none (or it lies outside the document's
// workspace folder), in a new one at the root of that folder (node/config.ts `configFileToEdit`). The text
// is core/service/disableRule.ts's: a minimal edit that keeps an existing file's comments and layout, sent as
// `workspace/applyEdit`; a new file goes through the client too (CreateFile + insert), or, for a client that
// cannot create files, is written here directly.
import { pathToFileURL } from 'node:url';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { findRule } from '../core/rules';
import { disableRuleEdits, newConfigText } from '../core/service/disableRule';
import { CONFIG_FILE_NAME, configFileToEdit, createConfigFile, readConfigText } from '../node/config';
import type { ServerContext } from './context';
import { filePathOf } from './settings';
import { clientCreatesFiles, createFileEdit, workspaceEditOf } from './workspaceEdit';

export const DISABLE_RULE_COMMAND = 'imr.server.disableRule';

function warn(context: ServerContext, message: string): void {
  void context.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

/** `args`: the rule (id or name) and the document's URI. */
export async function disableRule(context: ServerContext, args: unknown[]): Promise<void> {
  const [ruleArg, uri] = args;
  const ruleId = typeof ruleArg === 'string' ? findRule(ruleArg)?.meta.id : undefined;
  if (!ruleId || typeof uri !== 'string') return;
  const target = configFileToEdit(filePathOf(uri), context.workspaceFolders, context.settings.fileConfigFor(uri));
  if (!target) {
    warn(context, `Cannot disable ${ruleId}: the document has no folder to hold a ${CONFIG_FILE_NAME}.`);
    return;
  }
  const { file, seed } = target;
  const read = readConfigText(file);
  if (typeof read !== 'string' && !read.missing) return warn(context, `Cannot read ${file} (${read.error}).`);
  const label = `Disable ${ruleId}`;
  const fileUri = pathToFileURL(file).href;
  if (typeof read === 'string') {
    const edits = disableRuleEdits(read, ruleId);
    if (!edits) return; // already off
    const result = await context.connection.workspace.applyEdit({
      label,
      edit: workspaceEditOf(context, fileUri, null, edits),
    });
    if (!result.applied) context.logger.warn(`applyEdit for ${CONFIG_FILE_NAME} was not applied`);
    return;
  }
  const text = newConfigText(ruleId, seed);
  if (clientCreatesFiles(context)) {
    const result = await context.connection.workspace.applyEdit({ label, edit: createFileEdit(fileUri, text) });
    if (!result.applied) context.logger.warn(`applyEdit creating ${CONFIG_FILE_NAME} was not applied`);
    return;
  }
  // The client cannot create files through an edit: write it ourselves (never over an existing file).
  if (createConfigFile(file, text) === undefined) context.configurationChanged('files');
  else warn(context, `Cannot create ${file}.`);
}
