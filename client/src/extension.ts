// VS Code glue: starts the IMR language server, switches determination letters opened as plain text
// to the IMR language, and offers the item picker that the decisions code lens opens.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { looksLikeDetermination } from './sniff';

let client: LanguageClient | undefined;

interface PickableItem {
  label: string;
  description?: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function switchIfDetermination(doc: vscode.TextDocument): void {
  if (doc.languageId !== 'plaintext') return;
  const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 80), 0));
  if (looksLikeDetermination(head)) void vscode.languages.setTextDocumentLanguage(doc, 'imr');
}

async function pickItem(uri: string, items: PickableItem[]): Promise<void> {
  const choice = await vscode.window.showQuickPick(
    items.map((item) => ({ label: item.label, description: item.description, item })),
    { placeHolder: 'Go to a disputed item', matchOnDescription: true },
  );
  if (!choice) return;
  const { start, end } = choice.item.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(switchIfDetermination),
    vscode.commands.registerCommand('imr.pickItem', pickItem),
  );
  vscode.workspace.textDocuments.forEach(switchIfDetermination);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  // A small young generation keeps the server's memory close to what it holds (about 30 MB less with a
  // 10 MiB letter file open) at no cost for ordinary letters.
  const execArgv = ['--max-semi-space-size=2'];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...execArgv, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'imr' },
      { scheme: 'untitled', language: 'imr' },
    ],
    // The server asks for the `imr` settings and registers its own change and file watchers.
  };
  client = new LanguageClient('imr', 'IMR Determinations', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
