// Quick fixes that insert slots to fill in (`<rationale>`) apply as snippets: the cursor lands on the first
// slot and Tab moves to the next. The server marks such fixes in `CodeAction.data` (FixSnippetData); editors
// other than VS Code apply the plain edit.
import * as vscode from 'vscode';
import type { ProvideCodeActionsSignature } from 'vscode-languageclient/node';
import { isFixSnippetData, snippetText } from './snippetText';

/** The action with its edit as snippet edits, or the action unchanged when its data does not fit its edit. */
function asSnippetFix<T extends vscode.CodeAction | vscode.Command>(action: T): T {
  if (!(action instanceof vscode.CodeAction) || !action.edit) return action;
  const data: unknown = (action as { data?: unknown }).data;
  const entries = action.edit.entries();
  const entry = entries.length === 1 ? entries[0] : undefined;
  if (!isFixSnippetData(data) || !entry || entry[1].length !== data.placeholders.length) return action;
  const [uri, edits] = entry;
  const snippetEdits: (vscode.TextEdit | vscode.SnippetTextEdit)[] = [];
  for (const [k, edit] of edits.entries()) {
    const spans = data.placeholders[k] ?? [];
    const snippet = spans.length ? snippetText(edit.newText, spans) : undefined;
    if (spans.length && snippet === undefined) return action;
    snippetEdits.push(
      snippet === undefined ? edit : new vscode.SnippetTextEdit(edit.range, new vscode.SnippetString(snippet)),
    );
  }
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, snippetEdits);
  action.edit = edit;
  return action;
}

/** Wraps the next code action provider so that fixes with slots come back as snippet edits. */
export function withSnippetFixes(next: ProvideCodeActionsSignature): ProvideCodeActionsSignature {
  return async (document, range, context, token) => {
    const actions = await next(document, range, context, token);
    return actions?.map(asSnippetFix);
  };
}
