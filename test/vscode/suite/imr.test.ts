// Real-editor tests: the extension and its language server in VS Code 1.139 (code-server) or desktop
// VS Code. Fixtures (test/vscode/fixtures/ws, the workspace the runner opens):
//   CM16-0238035.txt                      a real letter, 8 items, all Upheld, no findings
//   CM16-0238035-missing-rationale.txt    the same with item 2's `Decision rationale:` (2 lines) removed
//   CM16-0230548.txt                      a real letter, one Upheld and one Overturned item
//   CM17-0004738                          a real letter without a file extension
//   notes.txt                             plain notes that mention IMR but are no letter
//   .imr.json                             `{}`: default rules, whatever lies above the checkout
// Every wait is on a condition (poll with a deadline), never a fixed time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { suite, suiteSetup, test } from 'mocha';
import {
  EXTENSION_ID,
  codeOf,
  compact,
  diagnosticsWith,
  documentSymbols,
  fixture,
  hoverText,
  hoversWith,
  languageOf,
  open,
  openAsImr,
  poll,
  runCommand,
} from './util';
import { at, only } from '../../support/elements';

const LETTER = fixture('CM16-0238035.txt');
const DEFECT = fixture('CM16-0238035-missing-rationale.txt');
const MIXED = fixture('CM16-0230548.txt');
const NO_EXTENSION = fixture('CM17-0004738');
const NOTES = fixture('notes.txt');

/** CM16-0238035: item names, details and heading lines (0-based), as the outline gives them. */
const LETTER_ITEMS: [name: string, detail: string, line: number][] = [
  ['Right shoulder arthroscopy RCR (rotator cuff…', 'Upheld · MTUS Shoulder Complaints 2004', 52],
  ['Medical Clearance', 'Upheld · no medical evidence cited', 68],
  ['Labs to include: EKG', 'Upheld · no medical evidence cited', 74],
  ['Labs to include: Chest X-ray', 'Upheld · no medical evidence cited', 80],
  ['Post-op physical therapy 2 times a week for 4…', 'Upheld · no medical evidence cited', 87],
  ['Associated surgical service: Cold compression…', 'Upheld · no medical evidence cited', 93],
  ['Associated surgical service: Shoulder wrap for…', 'Upheld · no medical evidence cited', 99],
  ['Associated surgical service: Shoulder sling…', 'Upheld · no medical evidence cited', 105],
];

/** The IMR001 finding planted in CM16-0238035-missing-rationale.txt, and its fix. */
const IMR001 = {
  message: 'Item 2 "Medical Clearance" (Upheld) has no Decision rationale.',
  range: '68:0-68:25', // the heading `Medical Clearance: Upheld`
  fixTitle: 'Insert a Decision rationale skeleton for item 2',
  fixAt: new vscode.Position(71, 90), // end of item 2's `MAXIMUS guideline:` line
  fixText: '\nDecision rationale: <rationale>. As such, the request is not medically necessary.',
};

suite('IMR extension in a real editor', () => {
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    await ext.activate();
  });

  suite('language', () => {
    test('the imr language and the imr.pickItem command are contributed', async () => {
      assert.ok((await vscode.languages.getLanguages()).includes('imr'));
      assert.ok((await vscode.commands.getCommands(true)).includes('imr.pickItem'));
      assert.equal(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, true);
    });

    test('a .txt determination letter is switched from plaintext to imr', async () => {
      await open(LETTER);
      assert.equal(
        await poll(
          () => languageOf(LETTER),
          (v) => v === 'imr',
        ),
        'imr',
      );
    });

    test('a letter without a file extension is imr', async () => {
      await open(NO_EXTENSION);
      assert.equal(
        await poll(
          () => languageOf(NO_EXTENSION),
          (v) => v === 'imr',
        ),
        'imr',
      );
    });

    test('a .txt that is no letter stays plaintext', async () => {
      // Opened before another letter: once that letter has been switched, the sniffer has seen both
      // open events in order, so the notes' language is final (no fixed wait needed).
      await open(NOTES);
      await open(MIXED);
      assert.equal(
        await poll(
          () => languageOf(MIXED),
          (v) => v === 'imr',
        ),
        'imr',
      );
      assert.equal(languageOf(NOTES), 'plaintext');
    });
  });

  suite('language server', () => {
    // Once: the server answers at all (it starts with the first imr document). Without this, a dead server
    // would make every test below wait its full deadline; a failed hook fails the suite at once.
    suiteSetup(async () => {
      await openAsImr(LETTER);
      const items = await documentSymbols(LETTER, (s) => s.length > 0, 45000);
      assert.ok(items.length > 0, 'the language server gave no item symbols for CM16-0238035.txt within 45 s');
    });

    test('document symbols: the 8 items of CM16-0238035 with exact names, details and lines', async () => {
      await openAsImr(LETTER);
      const items = await documentSymbols(LETTER, (s) => s.length >= LETTER_ITEMS.length);
      assert.equal(items.length, 8);
      assert.equal(at(items, 0).name, 'Right shoulder arthroscopy RCR (rotator cuff…');
      assert.deepEqual(
        items.map((s) => [s.name, s.detail, s.selectionRange.start.line]),
        LETTER_ITEMS,
      );
      for (const s of items) assert.ok(s.detail.startsWith('Upheld'), `${s.name}: ${s.detail}`);
    });

    test('document symbols: Upheld and Overturned details (CM16-0230548)', async () => {
      await openAsImr(MIXED);
      const items = await documentSymbols(MIXED, (s) => s.length >= 2);
      assert.deepEqual(
        items.map((s) => [s.name, s.detail]),
        [
          ['MRI of neck and right hand without contrast', 'Upheld · MTUS Neck and Upper Back Complaints 2004'],
          ['Acupuncture 3 times a week for 2 weeks, neck…', 'Overturned · MTUS Acupuncture Treatment 2007'],
        ],
      );
    });

    test('document symbols of the extension-less letter', async () => {
      await openAsImr(NO_EXTENSION);
      const items = await documentSymbols(NO_EXTENSION);
      assert.deepEqual(
        items.map((s) => [s.name, s.detail]),
        [['Chiropractic care for the low back; six sessions', 'Overturned · MTUS Chronic Pain Medical Treatment 2016']],
      );
    });

    test('diagnostics: IMR001 on the heading of the item without a rationale', async () => {
      await openAsImr(DEFECT);
      const found = await diagnosticsWith(DEFECT, 'IMR001');
      const d = only(found, `IMR001 diagnostics: ${found.map((d) => d.message).join(' | ')}`);
      assert.equal(d.source, 'imr');
      assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(compact(d.range), IMR001.range);
      assert.equal(d.message, IMR001.message);
      if (typeof d.code === 'object') assert.equal(String(d.code.value), 'IMR001');
    });

    test('diagnostics: the clean letter has no error', async () => {
      // The defect letter's IMR001 shows the server checks letters; by then this one has been checked too
      // (it was opened earlier), and it must have no error at all.
      await openAsImr(LETTER);
      await diagnosticsWith(DEFECT, 'IMR001');
      const errors = vscode.languages
        .getDiagnostics(LETTER)
        .filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(
        errors.map((d) => `${codeOf(d)} ${compact(d.range)}`),
        [],
      );
    });

    test('code action: the IMR001 quick fix offers a rationale skeleton', async () => {
      await openAsImr(DEFECT);
      const [d] = await diagnosticsWith(DEFECT, 'IMR001');
      assert.ok(d, 'no IMR001 diagnostic');
      const actions = await poll(
        () =>
          vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider',
            DEFECT,
            d.range,
            undefined,
            10,
          ),
        (a) => (a ?? []).some((x) => x.title === IMR001.fixTitle),
      );
      const fix = (actions ?? []).find((x): x is vscode.CodeAction => x.title === IMR001.fixTitle);
      assert.ok(fix, `code actions: ${(actions ?? []).map((x) => x.title).join(' | ')}`);
      assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
      assert.ok(fix.edit, 'the quick fix has no edit');
      // A snippet edit, which WorkspaceEdit's get/has/size do not list: its text, place and tab stop are checked
      // below, where it is applied.
    });

    test('code action applied in an untitled letter: <rationale> is selected (a tab stop), IMR001 goes away', async () => {
      const text = (await vscode.workspace.openTextDocument(DEFECT)).getText();
      const doc = await vscode.workspace.openTextDocument({ language: 'imr', content: text });
      const editor = await vscode.window.showTextDocument(doc);
      try {
        const [d] = await diagnosticsWith(doc.uri, 'IMR001');
        assert.ok(d, 'no IMR001 diagnostic on the untitled letter');
        const actions = await poll(
          () =>
            vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
              'vscode.executeCodeActionProvider',
              doc.uri,
              d.range,
              undefined,
              10,
            ),
          (a) => (a ?? []).some((x) => x.title === IMR001.fixTitle),
        );
        const fix = (actions ?? []).find((x): x is vscode.CodeAction => x.title === IMR001.fixTitle);
        assert.ok(fix?.edit, 'no IMR001 quick fix with an edit');
        assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
        // The plain text (no snippet syntax) after the untouched line, its first slot selected for typing over.
        assert.equal(compact(doc.lineAt(71).range), compact(new vscode.Range(71, 0, 71, IMR001.fixAt.character)));
        assert.equal(doc.lineAt(72).text, IMR001.fixText.slice(1));
        const selected = await poll(
          () => editor.selection,
          (sel) => sel.start.line === 72 && !sel.isEmpty,
        );
        assert.equal(compact(selected), compact(new vscode.Range(72, 20, 72, 31)));
        assert.equal(doc.getText(selected), '<rationale>');
        const after = await poll(
          () => vscode.languages.getDiagnostics(doc.uri),
          (ds) => !ds.some((x) => codeOf(x) === 'IMR001'),
        );
        assert.deepEqual(
          after.filter((x) => codeOf(x) === 'IMR001').map((x) => x.message),
          [],
        );
      } finally {
        // Leave no dirty editor behind (a save prompt would block the workbench on exit).
        await vscode.window.showTextDocument(doc);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });

    test('folding: one range per item, from its heading to its last line', async () => {
      await openAsImr(LETTER);
      const expected: [number, number][] = [
        [52, 67],
        [68, 73],
        [74, 79],
        [80, 86],
        [87, 92],
        [93, 98],
        [99, 104],
        [105, 110],
      ];
      const ranges = await poll(
        () => vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', LETTER),
        (r) => (r ?? []).length > 0,
      );
      const byStart = new Map((ranges ?? []).map((r) => [r.start, r.end]));
      assert.deepEqual(
        expected.map(([start]) => [start, byStart.get(start)]),
        expected,
      );
    });

    test('hover: MTUS is explained, over exactly the abbreviation', async () => {
      const doc = await openAsImr(LETTER);
      const line = 56; // MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s):
      const at = doc.lineAt(line).text.indexOf('MTUS');
      const word = new vscode.Range(line, at, line, at + 4);
      assert.equal(doc.getText(word), 'MTUS');
      const hovers = await hoversWith(
        LETTER,
        new vscode.Position(line, at + 1),
        'Medical Treatment Utilization Schedule',
      );
      const text = hoverText(hovers);
      assert.ok(text.startsWith('**MTUS** — Medical Treatment Utilization Schedule'), `hover: ${JSON.stringify(text)}`);
      const ranges = (hovers ?? []).map((h) => (h.range ? compact(h.range) : undefined)).filter((r) => r !== undefined);
      assert.deepEqual(ranges, [compact(word)]);
    });

    test('code lens: the decision counts, and imr.pickItem reveals the picked item', async () => {
      const editor = await open(LETTER);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const lenses = await poll(
        () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', LETTER, 10),
        (l) => (l ?? []).some((x) => x.command?.command === 'imr.pickItem'),
      );
      const picks = (lenses ?? []).filter((x) => x.command?.command === 'imr.pickItem');
      const { command, range } = only(picks, `lenses: ${(lenses ?? []).map((x) => x.command?.title).join(' | ')}`);
      assert.ok(command);
      assert.equal(command.title, '8 disputed items · 8 upheld · 0 overturned');
      assert.equal(range.start.line, 49); // IMR ISSUES, DECISIONS AND RATIONALES
      const [uri, items] = command.arguments as [
        string,
        { label: string; description: string; range: { start: { line: number } } }[],
      ];
      assert.equal(uri, LETTER.toString());
      assert.deepEqual(
        items.map((i) => [i.label, i.description, i.range.start.line]),
        LETTER_ITEMS.map(([name, , line], k) => [`${k + 1}. ${name}`, 'Upheld', line]),
      );

      // Run the command as a click on the lens would, and accept the first entry of its quick pick. The pick
      // appears asynchronously: accept until the command has settled (a no-op while no pick is open). Each
      // accept is a round trip to the workbench, which paces the loop.
      let settled = false;
      const run = Promise.resolve(runCommand(command)).finally(() => {
        settled = true;
      });
      for (let tries = 0; !settled && tries < 10_000; tries++)
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await run;
      const active = vscode.window.activeTextEditor;
      assert.equal(active?.document.uri.toString(), LETTER.toString());
      assert.equal(compact(active.selection), '52:1-52:79'); // item 1's heading (after a form feed)
    });

    test('IMR: Go to Disputed Item from the command palette jumps to an item of the active letter', async () => {
      const editor = await open(LETTER);
      await documentSymbols(LETTER); // the server has the letter
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      let settled = false;
      const run = Promise.resolve(vscode.commands.executeCommand('imr.pickItem')).finally(() => {
        settled = true;
      });
      // Accept the first entry once the pick is open; each accept is a round trip to the workbench.
      for (let tries = 0; !settled && tries < 10_000; tries++)
        await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await run;
      const active = vscode.window.activeTextEditor;
      assert.equal(active?.document.uri.toString(), LETTER.toString());
      assert.equal(compact(active.selection), '52:1-52:79'); // item 1's heading, from the document symbols
    });
  });
});
