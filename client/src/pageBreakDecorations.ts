// Page breaks as a reader expects them: the form feed that starts a page (which the editor would paint as a
// box) is made invisible, and the line it starts gets a dashed rule above it and `page N` after it, with the
// page in the hover. The text is not changed: positions, parsing, the PDF status item's page and Save
// Extracted Text As… all see the form feeds as before. For `imr` documents, refreshed shortly after edits.
import * as vscode from 'vscode';
import { redrawAfterEdits } from './afterEdits';
import { pageBreaks } from './pageBreaks';

const EDIT_DELAY_MS = 300;

export interface PageBreakDecorations {
  /** The lines a page starts on, with its number, and the form feeds hidden, for tests. */
  of(uri: vscode.Uri): { starts: [line: number, page: number][]; hidden: number } | undefined;
}

export function registerPageBreakDecorations(context: vscode.ExtensionContext): PageBreakDecorations {
  const hidden = vscode.window.createTextEditorDecorationType({ opacity: '0' });
  const pageStart = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    borderStyle: 'dashed',
    borderWidth: '1px 0 0 0',
    borderColor: new vscode.ThemeColor('editorLineNumber.foreground'),
    after: { color: new vscode.ThemeColor('editorLineNumber.foreground'), fontStyle: 'italic', margin: '0 0 0 2em' },
  });
  const applied = new Map<string, { starts: [number, number][]; hidden: number }>();

  const decorate = (editor: vscode.TextEditor) => {
    const doc = editor.document;
    const breaks = doc.languageId === 'imr' ? pageBreaks(doc.getText()) : [];
    const starts: [number, number][] = [];
    const lines: vscode.DecorationOptions[] = [];
    const glyphs: vscode.Range[] = [];
    for (const { offset, page } of breaks) {
      const at = doc.positionAt(offset);
      glyphs.push(new vscode.Range(at, at.translate(0, 1)));
      if (page === undefined) continue;
      starts.push([at.line, page]);
      lines.push({
        range: new vscode.Range(at.line, 0, at.line, 0),
        hoverMessage: `Page ${page} starts here (a form feed in the text).`,
        renderOptions: { after: { contentText: `page ${page}` } },
      });
    }
    editor.setDecorations(hidden, glyphs);
    editor.setDecorations(pageStart, lines);
    if (doc.languageId === 'imr') applied.set(doc.uri.toString(), { starts, hidden: glyphs.length });
    else applied.delete(doc.uri.toString());
  };
  const decorateAll = () => vscode.window.visibleTextEditors.forEach(decorate);

  context.subscriptions.push(
    hidden,
    pageStart,
    vscode.window.onDidChangeVisibleTextEditors(decorateAll),
    // A text file detected as a letter becomes `imr` after it is shown (VS Code reopens it in the new language).
    vscode.workspace.onDidOpenTextDocument((doc) =>
      vscode.window.visibleTextEditors
        .filter((e) => e.document.uri.toString() === doc.uri.toString())
        .forEach(decorate),
    ),
    redrawAfterEdits(EDIT_DELAY_MS, decorate),
    vscode.workspace.onDidCloseTextDocument((doc) => applied.delete(doc.uri.toString())),
  );
  decorateAll();
  return { of: (uri) => applied.get(uri.toString()) };
}
