// The README's screenshots, taken in the same run as the other real-editor tests (code-server only; see
// screenshot.ts). Each shows a feature once the workbench draws it: the runner waits for the named element.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import { pngSize, screenshot, screenshotsDir } from './screenshot';
import type { ExtensionApi } from '../../../client/src/api';
import { EXTENSION_ID, determinationsUntil, diagnosticsWith, documentSymbols, fixture, open, openAsImr } from './util';
import { defined } from '../../support/elements';

/** The runner's page size (scripts/code-server-test-runner.js). */
const VIEWPORT = { width: 1400, height: 900 };

/** Settings for `imr` documents (`[imr]`). */
const imrSettings = () => vscode.workspace.getConfiguration('', { languageId: 'imr' });

suite('README screenshots', () => {
  suiteSetup(async function () {
    if (!screenshotsDir) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar'); // an empty chat side bar
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a letter with its decision icons, and the Determinations view', async () => {
    const uri = fixture('CM16-0230548.txt');
    await openAsImr(uri);
    assert.equal((await documentSymbols(uri, (s) => s.length === 2)).length, 2);
    const api = await defined(vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)).activate();
    await determinationsUntil(api.determinations, (nodes) => nodes.some((n) => n.letter.uri === uri.toString()));
    // Both decisions (lines 49 and 77) in sight with their gutter icons: unwrapped lines for this picture.
    await imrSettings().update('editor.wordWrap', 'off', vscode.ConfigurationTarget.Global, true);
    try {
      const editor = await open(uri);
      editor.revealRange(new vscode.Range(47, 0, 47, 0), vscode.TextEditorRevealType.AtTop);
      await vscode.commands.executeCommand('imr.determinations.focus');
      // A side bar wide enough for each letter's whole description (counts and appeal estimate): the editor
      // gives up the width.
      await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
      for (let i = 0; i < 4; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      const file = await screenshot('determinations', '.monaco-list-row:has-text("appeal by")');
      assert.deepEqual(pngSize(file), VIEWPORT);
    } finally {
      await imrSettings().update('editor.wordWrap', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });

  test('a finding in Problems, on its line', async () => {
    const uri = fixture('CM16-0238035-missing-rationale.txt');
    await openAsImr(uri);
    const [finding] = await diagnosticsWith(uri, 'IMR001');
    assert.ok(finding);
    const editor = await open(uri);
    editor.selection = new vscode.Selection(finding.range.start, finding.range.start);
    editor.revealRange(finding.range, vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const file = await screenshot('problems', '.monaco-list-row:has-text("IMR001")');
    assert.deepEqual(pngSize(file), VIEWPORT);
  });

  test('hover help on an abbreviation', async () => {
    const uri = fixture('CM16-0238035.txt');
    const document = await openAsImr(uri);
    await documentSymbols(uri);
    const line = 56;
    const column = document.lineAt(line).text.indexOf('MTUS');
    assert.ok(column >= 0, `no MTUS on line ${line}`);
    const editor = await open(uri);
    const at = new vscode.Position(line, column + 1);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('editor.action.showHover');
    const file = await screenshot('hover', '.monaco-hover:has-text("Medical Treatment Utilization Schedule")');
    assert.deepEqual(pngSize(file), VIEWPORT);
  });
});
