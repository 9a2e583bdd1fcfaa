// `workspace/applyEdit` answered as an editor would: text edits go to the open document (as a didChange)
// or else to the file on disk; `create` makes the file. Other resource operations are refused.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  TextEdit,
  type TextDocumentContentChangeEvent,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The client's open documents: read one, and change it as the editor would (sending didChange). */
export interface OpenDocuments {
  document(uri: string): TextDocument | undefined;
  change(uri: string, version: number, contentChanges: TextDocumentContentChangeEvent[]): Promise<void>;
}

/** Applies `edit`; throws (a failure reason for the server) on what a client would refuse. */
export async function applyWorkspaceEdit(edit: WorkspaceEdit, documents: OpenDocuments): Promise<void> {
  for (const change of edit.documentChanges ?? []) {
    if (!('kind' in change)) await applyTextEdits(change.textDocument.uri, textEditsOf(change.edits), documents);
    else if (change.kind === 'create') createFile(fileURLToPath(change.uri), change.options);
    else throw new Error(`unsupported resource operation ${change.kind}`);
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) await applyTextEdits(uri, edits, documents);
}

function createFile(file: string, options: { overwrite?: boolean; ignoreIfExists?: boolean } | undefined): void {
  if (fs.existsSync(file)) {
    if (options?.overwrite) fs.writeFileSync(file, '');
    else if (!options?.ignoreIfExists) throw new Error(`${file} exists`);
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, '');
}

/** The edits as plain text edits; a snippet edit (LSP 3.18), which no client here accepts, is refused. */
function textEditsOf(edits: TextDocumentEdit['edits']): TextEdit[] {
  return edits.map((edit) => {
    if (!TextEdit.is(edit)) throw new Error('unsupported snippet edit in a text document edit');
    return edit;
  });
}

async function applyTextEdits(uri: string, edits: TextEdit[], documents: OpenDocuments): Promise<void> {
  const doc = documents.document(uri);
  if (doc) {
    await documents.change(uri, doc.version + 1, [{ text: TextDocument.applyEdits(doc, edits) }]);
    return;
  }
  const file = fileURLToPath(uri);
  const before = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, TextDocument.applyEdits(TextDocument.create(uri, 'json', 0, before), edits));
}
