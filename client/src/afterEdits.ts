// Editor decorations that follow a letter's text are redrawn once its edits pause, not on every keystroke.
import * as vscode from 'vscode';

/** Calls `redraw` for each visible editor of an `imr` document `delayMs` after the document's last edit. */
export function redrawAfterEdits(delayMs: number, redraw: (editor: vscode.TextEditor) => void): vscode.Disposable {
  const timers = new Map<string, NodeJS.Timeout>();
  const listener = vscode.workspace.onDidChangeTextDocument(({ document }) => {
    if (document.languageId !== 'imr') return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        vscode.window.visibleTextEditors.filter((e) => e.document === document).forEach(redraw);
      }, delayMs),
    );
  });
  return {
    dispose: () => {
      listener.dispose();
      timers.forEach((t) => clearTimeout(t));
    },
  };
}
