// Decisions told apart without colour: a gutter icon of its own shape on each item's heading line (a slashed
// circle for Upheld, a check mark for Overturned, a triangle for a missing or invalid decision), with the
// decision in the hover. Items come from `imr/documentItems`, refreshed shortly after edits.
import * as vscode from 'vscode';
import { DocumentItemsRequest, type ItemDecision } from '../../server/src/protocol';
import type { ServerHost } from './serverHost';

const EDIT_DELAY_MS = 300;
type Shape = 'upheld' | 'overturned' | 'invalid';
const SHAPE_OF: Record<ItemDecision, Shape> = {
  Upheld: 'upheld',
  Overturned: 'overturned',
  invalid: 'invalid',
  missing: 'invalid',
};

export interface DecisionDecorations {
  /** The decorated heading lines of a document by shape (for tests). */
  linesOf(uri: vscode.Uri): Record<Shape, number[]> | undefined;
}

export function registerDecisionDecorations(context: vscode.ExtensionContext, host: ServerHost): DecisionDecorations {
  const types = Object.fromEntries(
    (['upheld', 'overturned', 'invalid'] as const).map((shape) => [
      shape,
      vscode.window.createTextEditorDecorationType({
        gutterIconPath: context.asAbsolutePath(`media/${shape}.svg`),
        gutterIconSize: 'contain',
      }),
    ]),
  ) as Record<Shape, vscode.TextEditorDecorationType>;
  const applied = new Map<string, Record<Shape, number[]>>();
  const timers = new Map<string, NodeJS.Timeout>();

  const decorate = async (editor: vscode.TextEditor) => {
    const doc = editor.document;
    const client = host.running;
    if (doc.languageId !== 'imr' || !client) return;
    const version = doc.version;
    const result = await client.sendRequest(DocumentItemsRequest, { uri: doc.uri.toString() }).catch(() => undefined);
    if (!result || doc.version !== version) return;
    const lines: Record<Shape, number[]> = { upheld: [], overturned: [], invalid: [] };
    const options: Record<Shape, vscode.DecorationOptions[]> = { upheld: [], overturned: [], invalid: [] };
    for (const item of result.items) {
      const shape = SHAPE_OF[item.decision];
      const line = item.range.end.line;
      lines[shape].push(line);
      options[shape].push({
        range: new vscode.Range(line, 0, line, 0),
        hoverMessage: `${item.label}: ${item.description}`,
      });
    }
    for (const shape of Object.keys(types) as Shape[]) editor.setDecorations(types[shape], options[shape]);
    // No items yet may mean the server has not seen the document: its diagnostics will bring another try.
    if (result.items.length) applied.set(doc.uri.toString(), lines);
    else applied.delete(doc.uri.toString());
  };
  const decorateAll = () => vscode.window.visibleTextEditors.forEach((e) => void decorate(e));

  context.subscriptions.push(
    ...Object.values(types),
    vscode.window.onDidChangeVisibleTextEditors(decorateAll),
    // A letter's first diagnostics say the server has it: the items asked for on opening may have come too early.
    vscode.languages.onDidChangeDiagnostics(({ uris }) => {
      const changed = new Set(uris.map((u) => u.toString()));
      vscode.window.visibleTextEditors
        .filter((e) => changed.has(e.document.uri.toString()) && !applied.has(e.document.uri.toString()))
        .forEach((e) => void decorate(e));
    }),
    host.onDidChangeState((state) => state === 'running' && decorateAll()),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (document.languageId !== 'imr') return;
      const key = document.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          vscode.window.visibleTextEditors.filter((e) => e.document === document).forEach((e) => void decorate(e));
        }, EDIT_DELAY_MS),
      );
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => applied.delete(doc.uri.toString())),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  decorateAll();
  return { linesOf: (uri) => applied.get(uri.toString()) };
}
