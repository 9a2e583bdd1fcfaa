// The Determinations view, through the provider the extension returns (the same objects the tree shows):
// letters of the fixture workspace with their counts and dates, items with icons of different shapes, the
// decision and text filters, revealing an item, and updating when a letter file appears and disappears.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { suite, suiteSetup, teardown, test } from 'mocha';
import type { ExtensionApi } from '../../../client/src/api';
import type { DeterminationNode } from '../../../client/src/determinationsView';
import { NO_FILTERS } from '../../../client/src/determinationsModel';
import { EXTENSION_ID, compact, determinationsUntil, fixture, openAsImr, poll, runCommand } from './util';
import { at, defined } from '../../support/elements';

const MIXED = fixture('CM16-0230548.txt');
const COPY = fixture('zz-new-letter.txt');

suite('Determinations view', () => {
  let api: ExtensionApi;
  suiteSetup(async () => {
    const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(ext);
    api = await ext.activate();
  });
  teardown(() => api.determinations.setFilters(NO_FILTERS));

  const rootsUntil = (ok: (nodes: DeterminationNode[]) => boolean) => determinationsUntil(api.determinations, ok);
  const fileOf = (n: DeterminationNode) => path.basename(vscode.Uri.parse(n.letter.uri).fsPath);
  const files = (nodes: DeterminationNode[]) => nodes.map(fileOf).sort();

  test('each letter: case number, decision date, counts and the appeal estimate; items with shaped icons', async () => {
    const roots = await rootsUntil(
      (n) => files(n).includes('CM16-0230548.txt') && files(n).includes('CM16-0238035.txt'),
    );
    for (const f of ['CM16-0230548.txt', 'CM16-0238035.txt', 'CM16-0238035-missing-rationale.txt'])
      assert.ok(files(roots).includes(f), `${f} in ${files(roots).join(', ')}`);
    assert.ok(!files(roots).includes('notes.txt') && !files(roots).includes('README.txt'));
    const mixed = defined(roots.find((n) => fileOf(n) === 'CM16-0230548.txt'));
    const item = api.determinations.getTreeItem(mixed);
    assert.equal(item.label, 'CM16-0230548');
    assert.equal(item.description, '01/04/2017 · 2 items · 1 overturned · appeal by ≈02/03/2017');
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.ok(tooltip.includes('Appeal to the WCAB by **02/03/2017** (estimate)'), tooltip);
    assert.ok(tooltip.includes('Labor Code 4610.6(h)'), tooltip);
    const letter = defined(roots.find((n) => fileOf(n) === 'CM16-0238035.txt'));
    assert.equal(
      api.determinations.getTreeItem(letter).description,
      '01/20/2017 · 8 items · 0 overturned · appeal by ≈02/19/2017',
    );

    const children = (await api.determinations.getChildren(mixed)).map((n) => api.determinations.getTreeItem(n));
    // The gutter's badges, a drawing for light and one for dark themes.
    const icon = (c: vscode.TreeItem) => {
      const { light, dark } = c.iconPath as { light: vscode.Uri; dark: vscode.Uri };
      const root = defined(vscode.extensions.getExtension(EXTENSION_ID)).extensionPath;
      return [light, dark].map((u) => path.relative(root, u.fsPath).split(path.sep).join('/'));
    };
    assert.deepEqual(
      children.map((c) => [c.label, c.description, ...icon(c)]),
      [
        [
          '1. MRI of neck and right hand without contrast',
          'Upheld',
          'media/decisions/upheld-light.svg',
          'media/decisions/upheld-dark.svg',
        ],
        [
          '2. Acupuncture 3 times a week for 2 weeks, neck…',
          'Overturned',
          'media/decisions/overturned-light.svg',
          'media/decisions/overturned-dark.svg',
        ],
      ],
    );
  });

  test('clicking an item reveals it', async () => {
    const roots = await rootsUntil((n) => files(n).includes('CM16-0230548.txt'));
    const mixed = defined(roots.find((n) => fileOf(n) === 'CM16-0230548.txt'));
    const second = at(await api.determinations.getChildren(mixed), 1);
    const command = defined(api.determinations.getTreeItem(second).command);
    await runCommand(command);
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), MIXED.toString());
    assert.equal(compact(editor.selection), '77:0-77:77');
  });

  test('the decision filter keeps letters with such an item, and only those items; the text filter matches items', async () => {
    await rootsUntil((n) => files(n).includes('CM16-0230548.txt'));
    api.determinations.setFilters({ decision: 'Overturned', text: '' });
    const overturned = await api.determinations.getChildren();
    assert.ok(files(overturned).includes('CM16-0230548.txt'));
    assert.ok(!files(overturned).includes('CM16-0238035.txt'));
    for (const n of overturned) {
      const decisions = (await api.determinations.getChildren(n)).map((c) =>
        c.kind === 'item' ? c.item.decision : 'letter',
      );
      assert.deepEqual([...new Set(decisions)], ['Overturned'], fileOf(n));
    }
    api.determinations.setFilters({ decision: 'all', text: 'ACUPUNCTURE 3 times' });
    const byText = await api.determinations.getChildren();
    assert.deepEqual(files(byText), ['CM16-0230548.txt']);
    assert.deepEqual(
      (await api.determinations.getChildren(byText[0])).map((c) => (c.kind === 'item' ? c.item.label : '')),
      ['2. Acupuncture 3 times a week for 2 weeks, neck…'],
    );
    const [acupuncture] = await api.determinations.getChildren(byText[0]);
    assert.ok(acupuncture);
    assert.equal(
      api.determinations.getTreeItem(acupuncture).tooltip,
      '2. Acupuncture 3 times a week for 2 weeks, neck, right hand and head — Overturned',
    );
  });

  test("decision gutter icons: a different shape per decision, on each item's decision line", async () => {
    await openAsImr(MIXED);
    await vscode.window.showTextDocument(MIXED);
    const lines = await poll(
      () => api.decorations.linesOf(MIXED),
      (l) => l !== undefined && l.upheld.length + l.overturned.length === 2,
    );
    assert.deepEqual(lines, { upheld: [49], overturned: [77], invalid: [], missing: [] });
  });

  test('page breaks: the form feeds hidden, the page they start marked; the text unchanged', async () => {
    await openAsImr(MIXED);
    const editor = await vscode.window.showTextDocument(MIXED);
    // Line 51 starts page 2 with a form feed; the form feed on the last line ends the text and starts no page.
    const marked = await poll(
      () => api.pageBreaks.of(MIXED),
      (m) => m !== undefined && m.hidden > 0,
    );
    assert.deepEqual(marked, { starts: [[51, 2]], hidden: 2 });
    assert.equal(editor.document.lineAt(51).text.slice(0, 9), '\fClaims A');
    assert.equal(editor.document.lineAt(91).text, '\f');
  });

  test('a letter file added to the workspace appears, and disappears when deleted', async () => {
    const text = await vscode.workspace.fs.readFile(MIXED);
    try {
      await vscode.workspace.fs.writeFile(COPY, text);
      const added = await rootsUntil((n) => files(n).includes('zz-new-letter.txt'));
      assert.ok(files(added).includes('zz-new-letter.txt'), files(added).join(', '));
      await vscode.workspace.fs.delete(COPY);
      const removed = await rootsUntil((n) => !files(n).includes('zz-new-letter.txt'));
      assert.ok(!files(removed).includes('zz-new-letter.txt'), files(removed).join(', '));
    } finally {
      await vscode.workspace.fs.delete(COPY).then(undefined, () => undefined);
    }
  });
});
