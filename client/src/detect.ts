// Switches determination letters opened as plain text to the `imr` language: `.txt` files when opened (VS Code
// ranks `firstLine` below the `.txt` association), and untitled editors while a letter is pasted or typed
// into them, checked cheaply on change while the document is small.
import * as vscode from 'vscode';
import { headPattern, imrFirstLine, looksLikeDetermination } from './sniff';

/** Lines of a document's head that the sniffer reads. */
const HEAD_LINES = 80;
/** Untitled documents larger than this are not sniffed on change (a paste lands well below it). */
export const MAX_SNIFF_ON_CHANGE = 200_000;

export interface Detector {
  /** Documents whose language the sniffer decided, with the decision (for tests and the status). */
  readonly decided: ReadonlyMap<string, 'imr' | 'plaintext'>;
}

export function startDetection(context: vscode.ExtensionContext): Detector {
  const decided = new Map<string, 'imr' | 'plaintext'>();
  const firstLine = imrFirstLine(context.extension.packageJSON);
  // Only a broken build lacks the pattern; then letters are recognised by their extension alone.
  if (firstLine === undefined) return { decided };
  const opening = headPattern(firstLine);
  const sniff = (doc: vscode.TextDocument): void => {
    if (doc.languageId !== 'plaintext') return;
    const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, HEAD_LINES), 0));
    const isLetter = looksLikeDetermination(head, opening);
    decided.set(doc.uri.toString(), isLetter ? 'imr' : 'plaintext');
    if (isLetter) void vscode.languages.setTextDocumentLanguage(doc, 'imr');
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(sniff),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (
        document.isUntitled &&
        document.languageId === 'plaintext' &&
        document.offsetAt(new vscode.Position(HEAD_LINES, 0)) <= MAX_SNIFF_ON_CHANGE
      ) {
        sniff(document);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((doc) => decided.delete(doc.uri.toString())),
  );
  vscode.workspace.textDocuments.forEach(sniff);
  return { decided };
}
