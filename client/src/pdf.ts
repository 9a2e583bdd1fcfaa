// Determination PDFs as read-only `imr` documents. "Open as IMR Determination" (Explorer context menu on
// .pdf files; VS Code's own PDF handling is left alone) opens `imr-pdf:<path>`, whose text the language
// server extracts (`imr/pdfText`), so pdfjs never loads in the extension host. The status bar shows the
// PDF page of the cursor's line; "Save Extracted Text As…" writes `<name>.imr.txt`. No quick fixes are
// offered on these documents (see serverHost.ts): there is nothing to edit; findings are still shown.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { PDF_SCHEME, PdfTextRequest } from '../../server/src/protocol';
import { extractedTextName, pageText, unreadablePdfMessage } from './pdfText';
import type { ServerHost } from './serverHost';

export const OPEN_PDF_COMMAND = 'imr.openPdf';
export const SAVE_EXTRACTED_TEXT_COMMAND = 'imr.saveExtractedText';

/** The read-only document of a PDF file. */
export function pdfDocumentUri(file: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: PDF_SCHEME, path: file.path });
}

/** Leaves out code actions on a PDF's text, which cannot be edited. */
export const pdfMiddleware: Middleware = {
  provideCodeActions: (document, range, context, token, next) =>
    document.uri.scheme === PDF_SCHEME ? [] : next(document, range, context, token),
};

/** Registers the PDF documents and their commands; returns the status item showing the caret's PDF page. */
export function registerPdfDocuments(context: vscode.ExtensionContext, host: ServerHost): vscode.StatusBarItem {
  /** Page of each line, by document URI. */
  const pagesOf = new Map<string, number[]>();
  const status = vscode.window.createStatusBarItem('imr.pdfPage', vscode.StatusBarAlignment.Right, 100);
  status.name = 'IMR PDF page';
  status.tooltip = 'The page of the PDF that the current line comes from';

  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const file = vscode.Uri.file(uri.path);
      const client = await host.start();
      const result = await client.sendRequest(PdfTextRequest, { uri: file.toString() });
      if ('reason' in result) {
        void vscode.window.showErrorMessage(unreadablePdfMessage(file.fsPath, result.reason));
        return '';
      }
      pagesOf.set(uri.toString(), result.pages);
      return result.text;
    },
  };

  const showPage = (editor: vscode.TextEditor | undefined) => {
    const page = editor && pageText(pagesOf.get(editor.document.uri.toString()) ?? [], editor.selection.active.line);
    if (!page) return status.hide();
    status.text = `$(file-pdf) ${page}`;
    status.show();
  };

  const open = async (file?: vscode.Uri) => {
    const target =
      file ??
      (await vscode.window.showOpenDialog({ filters: { 'Determination PDF': ['pdf'] }, canSelectMany: false }))?.[0];
    if (!target) return;
    const document = await vscode.languages.setTextDocumentLanguage(
      await vscode.workspace.openTextDocument(pdfDocumentUri(target)),
      'imr',
    );
    showPage(await vscode.window.showTextDocument(document, { preview: false }));
  };

  // `resource` is the tab's document when run from its title menu (else the active editor's); `target` skips the
  // dialog (the real-editor tests, other extensions).
  const saveText = async (resource?: vscode.Uri, target?: vscode.Uri) => {
    const document =
      vscode.workspace.textDocuments.find((d) => d.uri.toString() === resource?.toString()) ??
      vscode.window.activeTextEditor?.document;
    if (document?.uri.scheme !== PDF_SCHEME) {
      void vscode.window.showInformationMessage('Open a PDF as an IMR determination first.');
      return;
    }
    const name = extractedTextName(document.uri.path);
    const chosen =
      target ??
      (await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.file(path.join(path.dirname(vscode.Uri.file(document.uri.path).fsPath), name)),
        filters: { 'IMR letter text': ['txt'] },
      }));
    if (chosen) await vscode.workspace.fs.writeFile(chosen, Buffer.from(document.getText(), 'utf8'));
  };

  context.subscriptions.push(
    status,
    vscode.workspace.registerTextDocumentContentProvider(PDF_SCHEME, provider),
    vscode.commands.registerCommand(OPEN_PDF_COMMAND, open),
    vscode.commands.registerCommand(SAVE_EXTRACTED_TEXT_COMMAND, saveText),
    vscode.window.onDidChangeActiveTextEditor(showPage),
    vscode.window.onDidChangeTextEditorSelection((e) => showPage(e.textEditor)),
    vscode.workspace.onDidCloseTextDocument((d) => pagesOf.delete(d.uri.toString())),
  );
  return status;
}
