// Rule documentation from a diagnostic's link: a read-only virtual document (`imr-rule:`), shown as a rendered
// Markdown preview in place of its source; never the editable file in the extension's folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, test } from 'mocha';
import { codeOf, diagnosticsWith, fixture, poll } from './util';

const LETTER = fixture('CM16-0238035.txt');

const tabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);

suite('rule documentation', () => {
  test("a diagnostic's rule link opens the rule's documentation rendered and read-only", async () => {
    const text = (await vscode.workspace.openTextDocument(LETTER))
      .getText()
      .replace('Medical Clearance: Upheld', 'Medical Clearance: Uphold');
    const doc = await vscode.workspace.openTextDocument({ language: 'imr', content: text });
    await vscode.window.showTextDocument(doc);
    const [finding] = await diagnosticsWith(doc.uri, 'IMR003');
    assert.ok(finding);
    assert.equal(codeOf(finding), 'IMR003');
    const code = finding.code;
    assert.ok(typeof code === 'object' && code.target);
    assert.equal(code.target.toString(), 'imr-rule:/IMR003.md');

    const source = await vscode.workspace.openTextDocument(code.target);
    assert.equal(source.languageId, 'markdown');
    assert.equal(source.getText().split('\n')[0], '# IMR003 invalid-decision');

    await vscode.commands.executeCommand('vscode.open', code.target);
    const preview = await poll(
      () => tabs().find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes('IMR003.md')),
      (tab) => tab !== undefined,
    );
    assert.ok(preview, 'a Markdown preview of IMR003.md');
    assert.match((preview.input as vscode.TabInputWebview).viewType, /markdown\.preview/);
    // Its source is not left open as a text editor, and no file of the install folder is opened.
    const textTabs = await poll(
      () =>
        tabs().filter(
          (tab) =>
            tab.input instanceof vscode.TabInputText &&
            (tab.input.uri.scheme === 'imr-rule' || tab.input.uri.path.includes('/docs/rules/')),
        ),
      (list) => list.length === 0,
    );
    assert.deepEqual(textTabs, []);
    await vscode.window.tabGroups.close(preview);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
