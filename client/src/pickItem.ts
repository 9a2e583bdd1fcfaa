// `IMR: Go to Disputed Item`: a quick pick of the letter's items. The code lens passes the letter and its
// items; from the command palette the server is asked for the active letter's items (`imr/documentItems`).
import * as vscode from 'vscode';
import { DocumentItemsRequest, PICK_ITEM_COMMAND, type PickableItem } from '../../server/src/protocol';
import type { ServerHost } from './serverHost';
import { toRange } from './convert';

export function registerPickItem(context: vscode.ExtensionContext, host: ServerHost): void {
  const pickItem = async (uri?: string, items?: PickableItem[]): Promise<void> => {
    if (!uri || !items) {
      const doc = vscode.window.activeTextEditor?.document;
      if (!doc || doc.languageId !== 'imr') {
        void vscode.window.showInformationMessage('Open a determination letter to go to one of its disputed items.');
        return;
      }
      uri = doc.uri.toString();
      const client = await host.start();
      ({ items } = await client.sendRequest(DocumentItemsRequest, { uri }));
    }
    const choice = await vscode.window.showQuickPick(
      items.map((item) => ({ label: item.label, description: item.description, detail: item.wholeName, item })),
      {
        placeHolder: items.length ? 'Go to a disputed item' : 'This letter has no disputed item',
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    if (choice) await reveal(vscode.Uri.parse(uri), toRange(choice.item.range));
  };
  context.subscriptions.push(vscode.commands.registerCommand(PICK_ITEM_COMMAND, pickItem));
}

/** Opens the document with `range` selected and in view. */
export async function reveal(uri: vscode.Uri, range: vscode.Range): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri, { selection: range, preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
