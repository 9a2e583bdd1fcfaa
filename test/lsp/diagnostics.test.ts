// Diagnostics over the wire: pushed to a Neovim-like client (no pull support), pulled by a VS Code-like one.
// Defects are planted in test/lsp/fixtures/two-items.txt, a clean letter (no findings). Zero-based lines of
// the fixture: item 1 heading 41 (`…lumbar spine: Upheld`, decision at 66–72), its Decision rationale 46–49;
// item 2 heading 50, its rationale 55–58 (the necessity sentence alone on 58).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Range,
} from 'vscode-languageserver-protocol';
import {
  fileUri,
  fixtureText,
  LspHarness,
  NEOVIM_CAPABILITIES,
  REPO_ROOT,
  serverForSuite,
  VSCODE_CAPABILITIES,
} from './harness';
import { letterText } from '../support/letters';
import { at, only } from '../support/elements';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});
const CLEAN = fixtureText('two-items.txt');
const lines = CLEAN.split('\n');
const join = (ls: string[]) => ls.join('\n');

/** Item 1 without its `Decision rationale:` field (lines 46–49). */
const NO_RATIONALE = join([...lines.slice(0, 46), ...lines.slice(50)]);
/** IMR001's fix for it: a rationale skeleton after the item's MAXIMUS guideline, which ends line 45 (`Physical Medicine.`). */
const NO_RATIONALE_FIX = {
  title: 'Insert a Decision rationale skeleton for item 1',
  edits: [
    {
      range: { start: { line: 45, character: 18 }, end: { line: 45, character: 18 } },
      newText: '\nDecision rationale: <rationale>. As such, the request is not medically necessary.',
    },
  ],
  safe: false,
};
/** Item 1 decided `Uphold`. */
const UPHOLD = CLEAN.replace('lumbar spine: Upheld', 'lumbar spine: Uphold');
/** Item 2's rationale without its necessity sentence (line 58). */
const NO_NECESSITY = join([...lines.slice(0, 58), ...lines.slice(59)]);
const DECISION_WORD = r(41, 66, 41, 72);

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, d.range]);
const ruleDoc = (id: string) => pathToFileURL(path.join(REPO_ROOT, 'docs', 'rules', `${id}.md`)).href;

describe('push diagnostics (Neovim 0.7 capabilities)', () => {
  const server = serverForSuite({ capabilities: NEOVIM_CAPABILITIES });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));
  // Not server.openLetter: the wait for the publish must start before the didOpen.
  let n = 0;
  const next = (dir = ws) => fileUri(path.join(dir, `letter-${++n}.txt`));

  async function openAndWait(text: string, uri = next()) {
    const published = lsp.waitForDiagnostics(uri);
    await lsp.open(uri, text);
    return { uri, published: await published };
  }

  test('initialize: no pull provider for a client without textDocument.diagnostic', () => {
    assert.equal(lsp.initializeResult.capabilities.diagnosticProvider, undefined);
  });

  test('a clean letter: an empty publish for its version', async () => {
    const { published } = await openAndWait(CLEAN);
    assert.deepEqual(published.diagnostics, []);
    assert.equal(published.version, 1);
  });

  test('a removed Decision rationale: IMR001 on the item heading, with the rule doc link and the fixes as data', async () => {
    const { published } = await openAndWait(NO_RATIONALE);
    assert.deepEqual(codes(published.diagnostics), [['IMR001', r(41, 0, 41, 72)]]);
    const d = only(published.diagnostics);
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'imr');
    assert.deepEqual(d.codeDescription, { href: ruleDoc('IMR001') });
    assert.match(d.message as string, /Decision rationale/);
    assert.deepEqual(d.data, { ruleId: 'IMR001', version: 1, fixes: [NO_RATIONALE_FIX] });
  });

  test('CM17-0020384 with its Decision rationale removed: IMR001 on the three-line item heading', async () => {
    const letter = letterText('dwc-2016/text/CM17-0020384.txt').split('\n');
    assert.match(at(letter, 57), /^Decision rationale: /);
    assert.equal(letter[80], '');
    const original = await openAndWait(letter.join('\n'));
    assert.ok(!original.published.diagnostics.some((d) => d.code === 'IMR001'));
    const { published } = await openAndWait(join([...letter.slice(0, 57), ...letter.slice(80)]));
    const imr001 = published.diagnostics.filter((d) => d.code === 'IMR001');
    assert.deepEqual(
      imr001.map((d) => [d.range, d.severity]),
      [[r(47, 0, 49, 80), DiagnosticSeverity.Error]],
    );
    // Everything else is what the letter had before.
    assert.deepEqual(
      codes(published.diagnostics.filter((d) => d.code !== 'IMR001')),
      codes(original.published.diagnostics),
    );
  });

  test('incremental edits introduce and then remove a defect', async () => {
    const { uri, published } = await openAndWait(CLEAN);
    assert.deepEqual(published.diagnostics, []);
    let update = lsp.waitForDiagnostics(uri, (p) => p.version === 2);
    await lsp.change(uri, 2, [{ range: DECISION_WORD, text: 'Uphold' }]);
    const broken = await update;
    assert.deepEqual(codes(broken.diagnostics), [['IMR003', DECISION_WORD]]);
    assert.equal(at(broken.diagnostics, 0).severity, DiagnosticSeverity.Error);
    update = lsp.waitForDiagnostics(uri, (p) => p.version === 3);
    await lsp.change(uri, 3, [
      { range: r(41, 70, 41, 72), text: 'ld' },
      { range: r(41, 69, 41, 70), text: 'e' },
    ]);
    assert.equal(lsp.document(uri)?.getText(), CLEAN);
    assert.deepEqual((await update).diagnostics, []);
  });

  test('quick successive changes are debounced into one publish for the last version', async () => {
    const { uri } = await openAndWait(CLEAN);
    const last = lsp.waitForDiagnostics(uri, (p) => p.version === 5);
    await lsp.change(uri, 2, [{ range: DECISION_WORD, text: 'Uphol' }]);
    await lsp.change(uri, 3, [{ range: r(41, 71, 41, 71), text: 'd' }]);
    await lsp.change(uri, 4, [{ range: r(41, 66, 41, 72), text: 'Overturned' }]);
    await lsp.change(uri, 5, [{ range: r(41, 66, 41, 76), text: 'Upheld' }]);
    assert.deepEqual((await last).diagnostics, []);
    const versions = lsp.diagnostics.history.filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions, [1, 5]);
  });

  test('imr.diagnostics.debounceMs: an edit is re-checked no sooner than the delay after it', async () => {
    const debounceMs = 400;
    await lsp.changeConfiguration({ imr: { diagnostics: { debounceMs } } });
    const { uri } = await openAndWait(CLEAN);
    const update = lsp.waitForDiagnostics(uri, (p) => p.version === 2);
    const sent = performance.now();
    await lsp.change(uri, 2, [{ range: DECISION_WORD, text: 'Uphold' }]);
    const published = await update;
    // A lower bound only: a slow machine makes it later, never earlier.
    assert.ok(performance.now() - sent >= debounceMs, `published after ${Math.round(performance.now() - sent)} ms`);
    assert.deepEqual(codes(published.diagnostics), [['IMR003', DECISION_WORD]]);
    await lsp.changeConfiguration({ imr: {} });
    await lsp.close(uri);
  });

  test('didChangeConfiguration with imr.rules { IMR005: off } re-checks open letters', async () => {
    const { uri, published } = await openAndWait(NO_NECESSITY);
    assert.deepEqual(codes(published.diagnostics), [['IMR005', r(55, 0, 55, 19)]]);
    assert.equal(at(published.diagnostics, 0).severity, DiagnosticSeverity.Warning);
    let update = lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await lsp.changeConfiguration({ imr: { rules: { IMR005: 'off' } } });
    await update;
    // A severity from the setting overrides the rule's own.
    update = lsp.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    await lsp.changeConfiguration({ imr: { rules: { 'missing-necessity-statement': 'error' } } });
    assert.equal(at((await update).diagnostics, 0).severity, DiagnosticSeverity.Error);
    update = lsp.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Warning);
    await lsp.changeConfiguration({ imr: { rules: {} } });
    await update;
    await lsp.close(uri);
  });

  test('a .imr.json in the folder, created and deleted (didChangeWatchedFiles)', async () => {
    const dir = path.join(ws, 'with-config');
    fs.mkdirSync(dir);
    const { uri, published } = await openAndWait(UPHOLD, next(dir));
    assert.deepEqual(codes(published.diagnostics), [['IMR003', DECISION_WORD]]);
    const config = path.join(dir, '.imr.json');
    fs.writeFileSync(config, '// the team turns IMR003 off\n{ "rules": { "invalid-decision": "off" } }\n');
    let update = lsp.waitForDiagnostics(uri);
    await lsp.changeWatchedFiles([{ uri: fileUri(config), type: 1 }]);
    assert.deepEqual((await update).diagnostics, []);
    fs.rmSync(config);
    update = lsp.waitForDiagnostics(uri);
    await lsp.changeWatchedFiles([{ uri: fileUri(config), type: 3 }]);
    assert.deepEqual(codes((await update).diagnostics), [['IMR003', DECISION_WORD]]);
    await lsp.close(uri);
  });

  test('a bad .imr.json: a warning naming the file (shown once), and the defaults', async () => {
    const dir = path.join(ws, 'bad-config');
    fs.mkdirSync(dir);
    const config = path.join(dir, '.imr.json');
    fs.writeFileSync(config, '{ "rules": { "IMR003": "loud" } }\n');
    const warning = lsp.waitForMessage((m) => m.message.includes(config));
    const first = await openAndWait(UPHOLD, next(dir));
    assert.deepEqual(codes(first.published.diagnostics), [['IMR003', DECISION_WORD]]);
    const message = await warning;
    assert.equal(message.type, 2); // Warning
    assert.match(message.message, /IMR003/);
    assert.ok(!message.message.includes('lumbar'), 'no letter text in the message');
    await openAndWait(UPHOLD, next(dir));
    assert.equal(lsp.messages.history.filter((m) => m.message.includes(config)).length, 1);
  });

  test('closing a letter clears its diagnostics', async () => {
    const { uri } = await openAndWait(UPHOLD);
    const cleared = lsp.waitForDiagnostics(uri);
    await lsp.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  test('imr.maxDocumentSize from the settings', async () => {
    await lsp.changeConfiguration({ imr: { maxDocumentSize: 1000 } });
    const { uri, published } = await openAndWait(UPHOLD);
    assert.deepEqual(codes(published.diagnostics), [['IMR000', r(0, 0, 0, 12)]]);
    assert.match(at(published.diagnostics, 0).message as string, /imr\.maxDocumentSize/);
    const update = lsp.waitForDiagnostics(uri);
    await lsp.changeConfiguration({ imr: {} });
    assert.deepEqual(codes((await update).diagnostics), [['IMR003', DECISION_WORD]]);
    await lsp.close(uri);
  });
});

describe('pull diagnostics (VS Code capabilities)', () => {
  let settings: Record<string, unknown> = {};
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: () => settings });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  const pull = (uri: string, previousResultId?: string) =>
    lsp.request<DocumentDiagnosticReport & { resultId?: string; items?: Diagnostic[] }>('textDocument/diagnostic', {
      textDocument: { uri },
      previousResultId,
    });

  test('initialize: a diagnostic provider; registrations for .imr.json and the imr settings', async () => {
    assert.deepEqual(lsp.initializeResult.capabilities.diagnosticProvider, {
      identifier: 'imr',
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    const watcher = await lsp.waitForRegistration('workspace/didChangeWatchedFiles');
    assert.deepEqual(watcher.registerOptions, { watchers: [{ globPattern: '**/.imr.json' }] });
    const configuration = await lsp.waitForRegistration('workspace/didChangeConfiguration');
    assert.deepEqual(configuration.registerOptions, { section: 'imr' });
  });

  test('the pulled report equals what is pushed to other clients; nothing is pushed', async () => {
    const uri = fileUri(path.join(ws, 'no-rationale.txt'));
    await lsp.open(uri, NO_RATIONALE);
    const report = await pull(uri);
    assert.equal(report.kind, 'full');
    assert.deepEqual(codes(report.items ?? []), [['IMR001', r(41, 0, 41, 72)]]);
    const d = only(report.items ?? []);
    assert.equal(d.source, 'imr');
    assert.deepEqual(d.codeDescription, { href: ruleDoc('IMR001') });
    assert.deepEqual(d.data, { ruleId: 'IMR001', version: 1, fixes: [NO_RATIONALE_FIX] });
    assert.deepEqual(lsp.configurationRequests.at(-1), { scopeUri: uri, section: 'imr' });
    assert.equal(lsp.lastDiagnostics(uri), undefined, 'no publishDiagnostics for a pull client');
    await lsp.close(uri);
  });

  test('resultId: unchanged while nothing changed, a new full report after an edit', async () => {
    const uri = fileUri(path.join(ws, 'result-id.txt'));
    await lsp.open(uri, CLEAN);
    const first = await pull(uri);
    assert.equal(first.kind, 'full');
    assert.ok(first.resultId);
    assert.deepEqual(await pull(uri, first.resultId), { kind: 'unchanged', resultId: first.resultId });
    await lsp.change(uri, 2, [{ range: DECISION_WORD, text: 'Uphold' }]);
    const second = await pull(uri, first.resultId);
    assert.equal(second.kind, 'full');
    assert.notEqual(second.resultId, first.resultId);
    assert.deepEqual(codes(second.items ?? []), [['IMR003', DECISION_WORD]]);
    await lsp.close(uri);
  });

  test('a settings change asks the client to pull again, and the new imr.rules apply', async () => {
    const uri = fileUri(path.join(ws, 'settings.txt'));
    await lsp.open(uri, UPHOLD);
    const before = await pull(uri);
    assert.deepEqual(codes(before.items ?? []), [['IMR003', DECISION_WORD]]);
    settings = { rules: { IMR003: 'off' } };
    const refreshed = lsp.waitForRefresh();
    await lsp.changeConfiguration(null);
    await refreshed;
    const after = await pull(uri, before.resultId);
    assert.equal(after.kind, 'full');
    assert.deepEqual(after.items, []);
    settings = {};
    const again = lsp.waitForRefresh();
    await lsp.changeConfiguration(null);
    await again;
    assert.deepEqual(codes((await pull(uri)).items ?? []), [['IMR003', DECISION_WORD]]);
    await lsp.close(uri);
  });

  test('a letter that is not open: an empty full report', async () => {
    assert.deepEqual(await pull(fileUri(path.join(ws, 'not-open.txt'))), { kind: 'full', items: [] });
  });
});
