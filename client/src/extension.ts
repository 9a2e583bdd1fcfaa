// VS Code glue: starts the IMR language server, switches determination letters opened as plain text
// to the IMR language, and offers the item picker that the decisions code lens opens.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { headPattern, looksLikeDetermination } from './sniff';

let client: LanguageClient | undefined;

interface PickableItem {
  label: string;
  description?: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

function switchIfDetermination(doc: vscode.TextDocument, opening: RegExp): void {
  if (doc.languageId !== 'plaintext') return;
  const head = doc.getText(new vscode.Range(0, 0, Math.min(doc.lineCount, 80), 0));
  if (looksLikeDetermination(head, opening)) void vscode.languages.setTextDocumentLanguage(doc, 'imr');
}

/** The disputed items of a letter, from the server's document symbols (items are Event symbols). */
async function itemsOf(uri: vscode.Uri): Promise<PickableItem[]> {
  const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
  const items: PickableItem[] = [];
  const walk = (list: readonly vscode.DocumentSymbol[]) => {
    for (const s of list) {
      if (s.kind === vscode.SymbolKind.Event) {
        items.push({ label: `${items.length + 1}. ${s.name}`, description: s.detail.split(' · ')[0], range: s.selectionRange });
      } else walk(s.children ?? []);
    }
  };
  walk(symbols);
  return items;
}

/** The code lens passes the letter and its items; from the command palette, the active letter is used. */
async function pickItem(uri?: string, items?: PickableItem[]): Promise<void> {
  if (!uri || !items) {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'imr') {
      void vscode.window.showInformationMessage('Open a determination letter to go to one of its disputed items.');
      return;
    }
    uri = doc.uri.toString();
    items = await itemsOf(doc.uri);
  }
  const choice = await vscode.window.showQuickPick(
    items.map((item) => ({ label: item.label, description: item.description, item })),
    { placeHolder: items.length ? 'Go to a disputed item' : 'This letter has no disputed item', matchOnDescription: true },
  );
  if (!choice) return;
  const { start, end } = choice.item.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const opening = headPattern(context.extension.packageJSON.contributes.languages[0].firstLine);
  const sniff = (doc: vscode.TextDocument) => switchIfDetermination(doc, opening);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(sniff),
    vscode.commands.registerCommand('imr.pickItem', pickItem),
  );
  vscode.workspace.textDocuments.forEach(sniff);

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
