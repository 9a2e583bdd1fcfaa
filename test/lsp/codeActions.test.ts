// Code actions over the wire: quick fixes from Diagnostic.data, "Disable rule … for this workspace" (the
// workspace/applyEdit the server sends, applied by the harness to disk), source.fixAll.imr, context.only.
// Fixture lines (zero-based): item 1 heading 41 with its decision at 66–72; item 2 heading 50, decision at 21–31.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  TextEdit,
  type CodeAction,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type PublishDiagnosticsParams,
  type Range,
} from 'vscode-languageserver-protocol';
import {
  fileUri,
  fixtureText,
  LspHarness,
  NEOVIM_CAPABILITIES,
  serverForSuite,
  tempWorkspace,
  VSCODE_CAPABILITIES,
} from './harness';
import { at, ofKind } from '../support/elements';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});
const CLEAN = fixtureText('two-items.txt');
const UPHOLD = CLEAN.replace('lumbar spine: Upheld', 'lumbar spine: Uphold');
const UPHOLD_AND_OVERTURN = UPHOLD.replace('#60: Overturned', '#60: Overturn');
const WORD_1 = r(41, 66, 41, 72);
const WORD_2 = r(50, 21, 50, 29);

// Not serverForSuite: the workspace folder is a subfolder of the temporary one (see `root`).
describe('code actions (VS Code capabilities)', () => {
  let lsp: LspHarness;
  /** The workspace folder is `<root>/project`, so that a test can put a `.imr.json` above it. */
  let root: string;
  let ws: string;
  let n = 0;

  before(async () => {
    root = tempWorkspace();
    ws = path.join(root, 'project');
    fs.mkdirSync(ws);
    lsp = await LspHarness.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [ws], settings: {} });
  });
  after(async () => {
    await lsp?.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function openAndPull(
    text: string,
    dir = ws,
  ): Promise<{ uri: string; diagnostics: Diagnostic[]; resultId?: string }> {
    const uri = fileUri(path.join(dir, `letter-${++n}.txt`));
    await lsp.open(uri, text);
    const report = await lsp.request<DocumentDiagnosticReport & { items?: Diagnostic[]; resultId?: string }>(
      'textDocument/diagnostic',
      { textDocument: { uri } },
    );
    return { uri, diagnostics: report.items ?? [], resultId: report.resultId };
  }

  const actionsFor = (uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]) =>
    lsp.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, only, triggerKind: 1 },
    });

  test('initialize: quick fixes and source.fixAll.imr; the disable-rule command', () => {
    const caps = lsp.initializeResult.capabilities;
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.imr'] });
    assert.ok(caps.executeCommandProvider?.commands.includes('imr.server.disableRule'));
  });

  test('`Uphold`: Change to Upheld (preferred, the exact edit), Change to Overturned, Disable IMR003', async () => {
    const { uri, diagnostics } = await openAndPull(UPHOLD);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['IMR003', WORD_1]],
    );
    const actions = await actionsFor(uri, WORD_1, diagnostics);
    assert.deepEqual(actions, [
      {
        title: 'Change to Upheld',
        kind: 'quickfix',
        diagnostics,
        isPreferred: true,
        edit: {
          documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: WORD_1, newText: 'Upheld' }] }],
        },
      },
      {
        title: 'Change to Overturned',
        kind: 'quickfix',
        diagnostics,
        isPreferred: false,
        edit: {
          documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: WORD_1, newText: 'Overturned' }] }],
        },
      },
      {
        title: 'Disable rule IMR003 for this workspace',
        kind: 'quickfix',
        diagnostics,
        command: {
          title: 'Disable rule IMR003 for this workspace',
          command: 'imr.server.disableRule',
          arguments: ['IMR003', uri],
        },
      },
    ]);
    await lsp.close(uri);
  });

  test('a fix that inserts a slot carries its span in `data` (snippet tab stops in VS Code); the edit stays plain', async () => {
    // Item 2 (Overturned, heading line 50) without its rationale (lines 55–58).
    const lines = CLEAN.split('\n');
    const { uri, diagnostics } = await openAndPull([...lines.slice(0, 55), ...lines.slice(59)].join('\n'));
    const missing = diagnostics.filter((d) => d.code === 'IMR001');
    assert.deepEqual(
      missing.map((d) => d.range),
      [r(50, 0, 50, 31)],
    );
    const [fix] = await actionsFor(uri, at(missing, 0).range, missing);
    const end = { line: 54, character: 47 };
    assert.deepEqual(fix, {
      title: 'Insert a Decision rationale skeleton for item 2',
      kind: 'quickfix',
      diagnostics: missing,
      isPreferred: true,
      edit: {
        documentChanges: [
          {
            textDocument: { uri, version: 1 },
            edits: [
              {
                range: { start: end, end },
                newText: '\nDecision rationale: <rationale>. As such, the request is medically necessary.',
              },
            ],
          },
        ],
      },
      data: { placeholders: [[{ offset: 21, length: 11 }]] },
    });
    await lsp.close(uri);
  });

  test('a diagnostic whose data is missing or stale: the fix is found again by rule and range', async () => {
    const { uri, diagnostics } = await openAndPull(UPHOLD);
    const d = at(diagnostics, 0);
    const stripped: Diagnostic = { ...d, data: undefined };
    const stale: Diagnostic = {
      ...d,
      data: {
        ruleId: 'IMR003',
        version: 0,
        fixes: [{ title: 'Wrong', edits: [{ range: r(0, 0, 0, 1), newText: 'x' }], safe: true }],
      },
    };
    for (const diagnostic of [stripped, stale]) {
      const actions = await actionsFor(uri, WORD_1, [diagnostic]);
      assert.deepEqual(
        actions.map((a) => [a.title, a.isPreferred]),
        [
          ['Change to Upheld', true],
          ['Change to Overturned', false],
          ['Disable rule IMR003 for this workspace', undefined],
        ],
      );
    }
    // Diagnostics from other tools are not ours to fix.
    assert.deepEqual(await actionsFor(uri, WORD_1, [{ ...d, source: 'spell' }], ['quickfix']), []);
    await lsp.close(uri);
  });

  test('source.fixAll.imr applies every safe fix at once; context.only is honoured', async () => {
    const { uri, diagnostics } = await openAndPull(UPHOLD_AND_OVERTURN);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [
        ['IMR003', WORD_1],
        ['IMR003', WORD_2],
      ],
    );
    const fixAll: CodeAction = {
      title: 'Fix all 2 safe IMR problems',
      kind: 'source.fixAll.imr',
      edit: {
        documentChanges: [
          {
            textDocument: { uri, version: 1 },
            edits: [
              { range: WORD_1, newText: 'Upheld' },
              { range: WORD_2, newText: 'Overturned' },
            ],
          },
        ],
      },
    };
    assert.deepEqual(await actionsFor(uri, r(0, 0, 0, 0), [], ['source.fixAll']), [fixAll]);
    assert.deepEqual(await actionsFor(uri, r(0, 0, 0, 0), [], ['source']), [fixAll]);
    assert.deepEqual(await actionsFor(uri, r(0, 0, 0, 0), [], ['source.fixAll.imr']), [fixAll]);
    assert.deepEqual(await actionsFor(uri, WORD_1, diagnostics, ['refactor']), []);
    const quick = await actionsFor(uri, WORD_1, diagnostics, ['quickfix']);
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
    // No `only`: the quick fixes and the fix-all.
    const all = await actionsFor(uri, WORD_1, [at(diagnostics, 0)]);
    assert.deepEqual(
      all.map((a) => a.kind),
      ['quickfix', 'quickfix', 'quickfix', 'source.fixAll.imr'],
    );
    // Applying the fix-all leaves a clean letter.
    const edit = fixAll.edit?.documentChanges?.[0];
    assert.ok(edit && 'edits' in edit);
    const edits = edit.edits.map((e) => ofKind(e, TextEdit.is, 'a TextEdit'));
    await lsp.change(uri, 2, edits.map((e) => ({ range: e.range, text: e.newText })).reverse());
    assert.equal(lsp.document(uri)?.getText(), CLEAN);
    assert.deepEqual(await actionsFor(uri, r(0, 0, 0, 0), [], ['source.fixAll']), []);
    await lsp.close(uri);
  });

  test('Disable rule: creates .imr.json at the workspace folder root (CreateFile + insert), and the rule goes quiet', async () => {
    const dir = path.join(ws, 'cases', '2017');
    fs.mkdirSync(dir, { recursive: true });
    const { uri, diagnostics, resultId } = await openAndPull(UPHOLD, dir);
    assert.equal(diagnostics[0]?.code, 'IMR003');
    const config = path.join(ws, '.imr.json');
    assert.ok(!fs.existsSync(config));
    const applied = lsp.waitForApplyEdit();
    await lsp.request('workspace/executeCommand', { command: 'imr.server.disableRule', arguments: ['IMR003', uri] });
    const { edit, label } = await applied;
    assert.equal(label, 'Disable IMR003');
    assert.deepEqual(edit, {
      documentChanges: [
        { kind: 'create', uri: fileUri(config), options: { ignoreIfExists: true } },
        {
          textDocument: { uri: fileUri(config), version: null },
          edits: [{ range: r(0, 0, 0, 0), newText: '{\n  "rules": {\n    "IMR003": "off"\n  }\n}\n' }],
        },
      ],
    });
    assert.equal(fs.readFileSync(config, 'utf8'), '{\n  "rules": {\n    "IMR003": "off"\n  }\n}\n');
    // The editor's watcher reports the new file; the server asks for a fresh pull, which is clean.
    const refreshed = lsp.waitForRefresh();
    await lsp.changeWatchedFiles([{ uri: fileUri(config), type: 1 }]);
    await refreshed;
    const report = await lsp.request<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId: resultId,
    });
    assert.deepEqual(report.items, []);
    await lsp.close(uri);
    fs.rmSync(config);
  });

  test('Disable rule with a .imr.json above the workspace folder: that file does not apply (issue 12.5), a new one at the folder root', async () => {
    const outer = path.join(root, '.imr.json');
    fs.writeFileSync(outer, '{ "rules": { "probable-redaction-gap": "off" } }\n');
    try {
      const { uri } = await openAndPull(UPHOLD);
      const applied = lsp.waitForApplyEdit();
      await lsp.request('workspace/executeCommand', { command: 'imr.server.disableRule', arguments: ['IMR003', uri] });
      const { edit } = await applied;
      const created = path.join(ws, '.imr.json');
      assert.deepEqual(edit.documentChanges?.[0], {
        kind: 'create',
        uri: fileUri(created),
        options: { ignoreIfExists: true },
      });
      assert.equal(fs.readFileSync(created, 'utf8'), '{\n  "rules": {\n    "IMR003": "off"\n  }\n}\n');
      assert.equal(fs.readFileSync(outer, 'utf8'), '{ "rules": { "probable-redaction-gap": "off" } }\n');
      fs.rmSync(created);
      await lsp.close(uri);
    } finally {
      fs.rmSync(outer);
    }
  });

  test('Disable rule with a .imr.json already there: a minimal edit that keeps its comments', async () => {
    const dir = path.join(ws, 'commented');
    fs.mkdirSync(dir);
    const config = path.join(dir, '.imr.json');
    fs.writeFileSync(config, '{\n  // reviewed with the medical director\n  "rules": {\n    "IMR014": "off"\n  }\n}\n');
    const { uri } = await openAndPull(UPHOLD, dir);
    const applied = lsp.waitForApplyEdit();
    await lsp.request('workspace/executeCommand', { command: 'imr.server.disableRule', arguments: ['IMR003', uri] });
    const { edit } = await applied;
    assert.deepEqual(edit.documentChanges?.length, 1);
    assert.equal(
      fs.readFileSync(config, 'utf8'),
      '{\n  // reviewed with the medical director\n  "rules": {\n    "IMR014": "off",\n    "IMR003": "off"\n  }\n}\n',
    );
    // Already off: nothing to send (the command's response comes after any applyEdit it would send).
    const before = lsp.applyEdits.length;
    await lsp.request('workspace/executeCommand', {
      command: 'imr.server.disableRule',
      arguments: ['invalid-decision', uri],
    });
    assert.equal(lsp.applyEdits.length, before);
    await lsp.close(uri);
  });

  test('an unknown command is an error, and the server carries on', async () => {
    await assert.rejects(
      lsp.request('workspace/executeCommand', { command: 'imr.nope', arguments: [] }),
      /Unknown command/,
    );
    assert.deepEqual(
      await lsp.request('textDocument/codeAction', {
        textDocument: { uri: fileUri(path.join(ws, 'x.txt')) },
        range: r(0, 0, 0, 0),
        context: { diagnostics: [] },
      }),
      [],
    );
  });
});

describe('code actions (Neovim 0.7 capabilities: no documentChanges)', () => {
  const server = serverForSuite({ capabilities: NEOVIM_CAPABILITIES });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  test('quick fixes as `changes`; Disable rule writes the new .imr.json itself and re-checks', async () => {
    const uri = fileUri(path.join(ws, 'letter.txt'));
    const published = lsp.waitForDiagnostics(uri);
    await lsp.open(uri, UPHOLD);
    const { diagnostics } = await published;
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['IMR003'],
    );
    const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: WORD_1,
      context: { diagnostics },
    });
    assert.deepEqual(at(actions, 0).edit, { changes: { [uri]: [{ range: WORD_1, newText: 'Upheld' }] } });
    assert.equal(at(actions, 0).isPreferred, true);

    const config = path.join(ws, '.imr.json');
    const cleared = lsp.waitForDiagnostics(uri, (p: PublishDiagnosticsParams) => p.diagnostics.length === 0);
    await lsp.request('workspace/executeCommand', { command: 'imr.server.disableRule', arguments: ['IMR003', uri] });
    assert.equal(fs.readFileSync(config, 'utf8'), '{\n  "rules": {\n    "IMR003": "off"\n  }\n}\n');
    assert.equal(lsp.applyEdits.length, 0);
    await cleared;

    // With the file there, the edit goes through the client as `changes`.
    const applied = lsp.waitForApplyEdit();
    await lsp.request('workspace/executeCommand', { command: 'imr.server.disableRule', arguments: ['IMR005', uri] });
    const { edit } = await applied;
    assert.deepEqual(Object.keys(edit.changes ?? {}), [fileUri(config)]);
    assert.equal(
      fs.readFileSync(config, 'utf8'),
      '{\n  "rules": {\n    "IMR003": "off",\n    "IMR005": "off"\n  }\n}\n',
    );
  });
});
