// Activation and detection, run first (files run in name order, and no `imr` document is open yet):
//   * a README.txt neither switches language nor starts the language server;
//   * `.imr.txt` files are `imr` by their extension;
//   * a letter pasted into an untitled plain-text editor is switched to `imr`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import type { ExtensionApi } from '../../../client/src/api';
import { EXTENSION_ID, fixture, languageOf, open, poll } from './util';

const README = fixture('README.txt');
const DRAFT = fixture('draft.imr.txt');
const LETTER = fixture('CM16-0230548.txt');

suite('activation and detection', () => {
  let api: ExtensionApi;
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    api = await ext.activate();
  });

  test('a README.txt stays plaintext and does not start the language server', async () => {
    assert.deepEqual(
      vscode.workspace.textDocuments.filter((d) => d.languageId === 'imr').map((d) => d.uri.toString()),
      [],
      'an imr document was open before the test',
    );
    await open(README);
    // The sniffer runs in the open event, before openTextDocument resolves: its decision is final now.
    assert.equal(api.detector.decided.get(README.toString()), 'plaintext');
    assert.equal(languageOf(README), 'plaintext');
    assert.equal(api.server.state, 'not started');
  });

  test('a .imr.txt file is imr by its extension, and opening it starts the server', async () => {
    await open(DRAFT);
    assert.equal(languageOf(DRAFT), 'imr');
    assert.equal(api.detector.decided.has(DRAFT.toString()), false, 'the sniffer should not have needed to look at it');
    const states: string[] = [api.server.state];
    await new Promise<void>((resolve) => {
      if (api.server.state === 'running') return resolve();
      const sub = api.server.onDidChangeState((s) => {
        states.push(s);
        if (s === 'running') {
          sub.dispose();
          resolve();
        }
      });
    });
    assert.equal(api.server.state, 'running', `states: ${states.join(' → ')}`);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a letter pasted into an untitled plain-text editor becomes imr', async () => {
    const text = (await vscode.workspace.openTextDocument(LETTER)).getText();
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    try {
      assert.equal(doc.languageId, 'plaintext');
      assert.equal(await editor.edit((e) => e.insert(new vscode.Position(0, 0), text)), true);
      assert.equal(
        await poll(
          () => languageOf(doc.uri),
          (v) => v === 'imr',
        ),
        'imr',
      );
    } finally {
      await vscode.window.showTextDocument(doc.uri);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
