// PDFs in a real editor: "Open as IMR Determination" on a letter's PDF (CM16-0219557.pdf, a 2-page letter
// from the shared corpus, copied as the one PDF fixture) opens a read-only `imr-pdf:` document whose text
// the server extracted, with the letter's symbols and its one finding, and no quick fix to edit it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import type { ExtensionApi } from '../../../client/src/api';
import { EXTENSION_ID, compact, diagnosticsWith, documentSymbols, fixture, hoversWith, poll } from './util';
import { defined, only } from '../../support/elements';

const PDF = fixture('CM16-0219557.pdf');

/** Open as IMR Determination on the PDF: its read-only document's editor. */
async function openPdf(): Promise<vscode.TextEditor> {
  await vscode.commands.executeCommand('imr.openPdf', PDF);
  const editor = await poll(
    () => vscode.window.activeTextEditor,
    (e) => e?.document.uri.scheme === 'imr-pdf',
  );
  assert.ok(editor);
  return editor;
}

suite('PDF letters', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
  });

  test('"Open as IMR Determination" is on the Explorer menu of .pdf files; VS Code keeps its own PDF handling', () => {
    type MenuEntry = { command: string; when?: string };
    type Contributes = { menus: Record<string, MenuEntry[]>; customEditors?: unknown };
    const packageJson = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: Contributes };
    const contributes = packageJson.contributes;
    assert.deepEqual(
      contributes.menus['explorer/context']?.filter((m) => m.command === 'imr.openPdf').map((m) => m.when),
      ['resourceExtname =~ /^\\.pdf$/i'],
    );
    assert.equal(contributes.customEditors, undefined);
  });

  test('a PDF opens as a read-only imr document with its items, its finding and no quick fix', async () => {
    const editor = await openPdf();
    const uri = editor.document.uri;
    assert.equal(uri.path, PDF.path);
    assert.equal(editor.document.languageId, 'imr');
    assert.match(editor.document.lineAt(0).text, /^Case Number: +CM16-0219557$/);

    const items = await documentSymbols(uri);
    assert.deepEqual(
      items.map((s) => [s.name, s.detail.split(' · ')[0]]),
      [['Facet joint injections L4-5, L5-S1', 'Upheld']],
    );

    const finding = only(await diagnosticsWith(uri, 'IMR012'));
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(compact(finding.range), '24:51-24:67');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      finding.range,
    );
    assert.deepEqual(
      (actions ?? []).map((a) => a.title),
      [],
    );
  });

  test("a PDF's page breaks: page 2 marked where its form feed starts it, the text keeping the form feeds", async () => {
    const editor = await openPdf();
    const api = await defined(vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)).activate();
    const marked = await poll(
      () => api.pageBreaks.of(editor.document.uri),
      (m) => m !== undefined && m.hidden > 0,
    );
    assert.deepEqual(marked, { starts: [[42, 2]], hidden: 2 });
    assert.match(editor.document.lineAt(42).text, /^\f +IMR ISSUES, DECISIONS AND RATIONALES$/);
    assert.equal(editor.document.lineAt(73).text, '\f');
  });

  test('hover and code lens on the read-only document; the status bar shows the PDF page of the caret line', async () => {
    const editor = await openPdf();
    const uri = editor.document.uri;
    // Once its finding is in, the server has read the letter: hover and lens answer from then on.
    assert.equal((await diagnosticsWith(uri, 'IMR012')).length, 1);
    const line = 47; // Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.
    const at = editor.document.lineAt(line).text.indexOf('MTUS');
    const hovers = await hoversWith(uri, new vscode.Position(line, at + 1), 'Medical Treatment Utilization Schedule');
    assert.deepEqual(
      (hovers ?? []).flatMap((h) => (h.range ? [compact(h.range)] : [])),
      [`${line}:${at}-${line}:${at + 4}`],
    );
    const lenses = await poll(
      () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10),
      (l) => (l ?? []).some((x) => x.command?.command === 'imr.pickItem'),
    );
    assert.deepEqual(
      (lenses ?? []).map((l) => [l.range.start.line, l.command?.title]),
      [[42, '1 disputed item · 1 upheld · 0 overturned']],
    );

    const api = await defined(vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)).activate();
    // The caret moved to `line`: the status text once it shows `page`, or what it last showed after the poll.
    const statusAt = (line: number, page: number) => {
      editor.selection = new vscode.Selection(line, 0, line, 0);
      return poll(
        () => api.pdfPage.text,
        (t) => t === `$(file-pdf) Page ${page}`,
      );
    };
    assert.deepEqual([await statusAt(50, 2), await statusAt(3, 1)], ['$(file-pdf) Page 2', '$(file-pdf) Page 1']);
  });

  test('Save Extracted Text As… writes the document text, form feeds included, to the file chosen', async () => {
    const editor = await openPdf();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-saved-'));
    try {
      const target = vscode.Uri.file(path.join(dir, 'CM16-0219557.imr.txt'));
      await vscode.commands.executeCommand('imr.saveExtractedText', editor.document.uri, target);
      const saved = fs.readFileSync(target.fsPath, 'utf8');
      assert.equal(saved, editor.document.getText());
      assert.match(saved, /^Case Number: +CM16-0219557\n/);
      assert.equal(saved.split('\f').length, 3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
