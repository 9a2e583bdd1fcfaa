// Commands and the status item: Check All Letters (problems of a letter never opened), the language status
// item's text, Fix All Safe Problems, New Determination, Restart Language Server.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import type { ExtensionApi } from '../../../client/src/api';
import { EXTENSION_ID, codeOf, compact, diagnosticsWith, documentSymbols, fixture, openAsImr, poll } from './util';
import { defined } from '../../support/elements';

const LETTER = fixture('CM16-0238035.txt');
const NEVER_OPENED = fixture('unopened/never-opened.txt');

async function closeWithoutSaving(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('commands and status', () => {
  let api: ExtensionApi;
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
  });

  test('Check All Letters lists the problems of a letter that was never opened', async () => {
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === NEVER_OPENED.toString()),
      'the letter is open',
    );
    const checked = await vscode.commands.executeCommand<number>('imr.checkWorkspace');
    assert.ok(checked >= 3, `checked ${checked} letters`); // the fixture letters not open yet
    const found = vscode.languages.getDiagnostics(NEVER_OPENED).filter((d) => codeOf(d) === 'IMR001');
    assert.deepEqual(
      found.map((d) => [d.source, d.severity, compact(d.range), d.message]),
      [
        [
          'imr',
          vscode.DiagnosticSeverity.Error,
          '68:0-68:25',
          'Item 2 "Medical Clearance" (Upheld) has no Decision rationale.',
        ],
      ],
    );
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === NEVER_OPENED.toString()),
      'checking opened the letter',
    );
  });

  test("the status item shows the active letter's counts and problems, and the server state", async () => {
    await openAsImr(LETTER);
    const text = await poll(
      () => api.status.text,
      (t) =>
        t ===
        `8 items · 0 overturned · ${vscode.languages.getDiagnostics(LETTER).length} problem${vscode.languages.getDiagnostics(LETTER).length === 1 ? '' : 's'}`,
    );
    assert.match(text, /^8 items · 0 overturned · \d+ problems?$/);
    // `indexing N of M` while the workspace index runs (see test/client/statusText.test.ts), then ready.
    assert.equal(
      await poll(
        () => api.status.detail,
        (d) => d === 'Server: ready',
      ),
      'Server: ready',
    );
    assert.equal(api.status.command?.command, 'imr.showOutput');
  });

  test('Fix All Safe Problems applies the safe fix of an invalid decision word', async () => {
    const text = (await vscode.workspace.openTextDocument(LETTER))
      .getText()
      .replace('Medical Clearance: Upheld', 'Medical Clearance: Uphold');
    const doc = await vscode.workspace.openTextDocument({ language: 'imr', content: text });
    await vscode.window.showTextDocument(doc);
    try {
      await diagnosticsWith(doc.uri, 'IMR003');
      assert.equal(await vscode.commands.executeCommand('imr.fixAll', doc.uri), true);
      assert.equal(doc.lineAt(68).text, 'Medical Clearance: Upheld');
      const after = await poll(
        () => vscode.languages.getDiagnostics(doc.uri),
        (ds) => !ds.some((d) => codeOf(d) === 'IMR003'),
      );
      assert.deepEqual(
        after.filter((d) => codeOf(d) === 'IMR003').map((d) => d.message),
        [],
      );
    } finally {
      await closeWithoutSaving(doc);
    }
  });

  test('New Determination opens an untitled imr letter with the case number as the first tab stop', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('imr.newDetermination');
    const doc = editor.document;
    try {
      assert.equal(doc.isUntitled, true);
      assert.equal(doc.languageId, 'imr');
      assert.equal(doc.lineAt(0).text, 'Case Number:');
      assert.equal(doc.getText(editor.selection), 'CM00-0000000');
      assert.equal(compact(editor.selection), '5:0-5:12');
      assert.ok(doc.getText().includes('IMR ISSUES, DECISIONS AND RATIONALES\n'), 'no decisions heading');
    } finally {
      await closeWithoutSaving(doc);
    }
  });

  test('Export Disputed Items writes what imr export writes for the same letter (CSV and JSON)', async () => {
    await openAsImr(LETTER);
    await vscode.window.showTextDocument(LETTER);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-export-'));
    try {
      const cli = path.join(defined(vscode.extensions.getExtension(EXTENSION_ID)).extensionPath, 'dist', 'cli.js');
      for (const format of ['csv', 'json'] as const) {
        const target = vscode.Uri.file(path.join(dir, `out.${format}`));
        const rows = await vscode.commands.executeCommand<number>('imr.export', { scope: 'letter', format, target });
        assert.equal(rows, 8);
        const expected = execFileSync(process.execPath, [cli, 'export', '-f', format, LETTER.fsPath], {
          encoding: 'utf8',
          env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        });
        assert.equal(fs.readFileSync(target.fsPath, 'utf8'), expected, format);
      }
      assert.ok(
        fs
          .readFileSync(path.join(dir, 'out.csv'), 'utf8')
          .startsWith('file,caseNumber,decisionDate,layout,index,item,'),
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Restart Language Server: the server stops and runs again, and answers', async () => {
    const states: string[] = [];
    const sub = api.server.onDidChangeState((s) => states.push(s));
    try {
      await vscode.commands.executeCommand('imr.restartServer');
      assert.equal(api.server.state, 'running');
      assert.deepEqual(states.slice(-2), ['starting', 'running'], states.join(' → '));
    } finally {
      sub.dispose();
    }
    const items = await documentSymbols(LETTER);
    assert.equal(items.length, 8);
  });
});
