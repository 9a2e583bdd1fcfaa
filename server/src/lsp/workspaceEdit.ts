// Text edits of one document as an LSP WorkspaceEdit, in the form the client takes: versioned
// `documentChanges` when it supports them, else the plain `changes` map (Neovim 0.7).
import { TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { ServerContext } from './context';

/** `version`: the document version the edits refer to, or null for a file the client may not have open. */
export function workspaceEditOf(
  context: ServerContext,
  uri: string,
  version: number | null,
  edits: TextEdit[],
): WorkspaceEdit {
  if (context.clientCapabilities.workspace?.workspaceEdit?.documentChanges) {
    return { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] };
  }
  return { changes: { [uri]: edits } };
}

/** True when the client can create a file through a workspace edit (`documentChanges` with `create`). */
export function clientCreatesFiles(context: ServerContext): boolean {
  const caps = context.clientCapabilities.workspace?.workspaceEdit;
  return caps?.documentChanges === true && caps.resourceOperations?.includes('create') === true;
}

/** A workspace edit that creates the file at `uri` with `text` (never over an existing one). */
export function createFileEdit(uri: string, text: string): WorkspaceEdit {
  const start = { line: 0, character: 0 };
  return {
    documentChanges: [
      { kind: 'create', uri, options: { ignoreIfExists: true } },
      TextDocumentEdit.create({ uri, version: null }, [{ range: { start, end: start }, newText: text }]),
    ],
  };
}
