// Decisions told apart without colour: a gutter icon of its own shape on each item's decision line (the
// badges of decisionIcons.ts), with the decision in the hover. Items come from `imr/documentItems`, refreshed
// shortly after edits.
import * as vscode from 'vscode';
import { redrawAfterEdits } from './afterEdits';
import { DocumentItemsRequest } from '../../server/src/protocol';
import {
  DECISION_ICONS,
  decisionIconFiles,
  decisionMarks,
  type DecisionIcon,
  type DecisionMark,
} from './decisionIcons';
import type { ServerHost } from './serverHost';

const EDIT_DELAY_MS = 300;
type Shape = DecisionIcon;
const noLines = (): Record<Shape, number[]> => ({ upheld: [], overturned: [], invalid: [], missing: [] });

const toDecoration = ({ line, hover }: DecisionMark): vscode.DecorationOptions => ({
  range: new vscode.Range(line, 0, line, 0),
  hoverMessage: hover,
});

export interface DecisionDecorations {
  /** The decorated heading lines of a document by shape (for tests). */
  linesOf(uri: vscode.Uri): Record<Shape, number[]> | undefined;
}

export function registerDecisionDecorations(context: vscode.ExtensionContext, host: ServerHost): DecisionDecorations {
  const types = Object.fromEntries(
    DECISION_ICONS.map((shape) => {
      const files = decisionIconFiles(shape);
      return [
        shape,
        vscode.window.createTextEditorDecorationType({
          gutterIconSize: 'contain',
          light: { gutterIconPath: context.asAbsolutePath(files.light) },
          dark: { gutterIconPath: context.asAbsolutePath(files.dark) },
        }),
      ];
    }),
  ) as Record<Shape, vscode.TextEditorDecorationType>;
  const applied = new Map<string, Record<Shape, number[]>>();

  const decorate = async (editor: vscode.TextEditor) => {
    const doc = editor.document;
    const client = host.running;
    if (doc.languageId !== 'imr' || !client) return;
    const version = doc.version;
    const result = await client.sendRequest(DocumentItemsRequest, { uri: doc.uri.toString() }).catch(() => undefined);
    if (!result || doc.version !== version) return;
    const marks = decisionMarks(result.items);
    const lines = noLines();
    for (const shape of DECISION_ICONS) {
      lines[shape] = marks[shape].map((mark) => mark.line);
      editor.setDecorations(types[shape], marks[shape].map(toDecoration));
    }
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
    redrawAfterEdits(EDIT_DELAY_MS, (e) => void decorate(e)),
    vscode.workspace.onDidCloseTextDocument((doc) => applied.delete(doc.uri.toString())),
  );
  decorateAll();
  return { linesOf: (uri) => applied.get(uri.toString()) };
}
