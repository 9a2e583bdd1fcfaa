// Workspace trust over the wire (server/src/protocol.ts): `initializationOptions.workspaceTrusted: false` (VS Code's
// Restricted Mode) makes the server ignore the workspace's `.imr.json`, and `imr/workspaceTrust` lifts that.
// The folder's `.imr.json` turns IMR003 off; the letter decides item 1 `Uphold`, which IMR003 reports at
// 41:66–72 (test/lsp/fixtures/two-items.txt).
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-protocol';
import { fileUri, fixtureText, LspHarness, NEOVIM_CAPABILITIES, serverForSuite } from './harness';

const DECISION_WORD: Range = { start: { line: 41, character: 66 }, end: { line: 41, character: 72 } };
const UPHOLD = fixtureText('two-items.txt').replace('lumbar spine: Upheld', 'lumbar spine: Uphold');
const IMR003_OFF = JSON.stringify({ rules: { IMR003: 'off' } });

const findings = (ds: readonly Diagnostic[]) => ds.map((d) => [d.code, d.severity, d.range]);

function suite(initializationOptions: unknown) {
  const server = serverForSuite({
    capabilities: NEOVIM_CAPABILITIES,
    initializationOptions,
    populate: (ws) => fs.writeFileSync(path.join(ws, '.imr.json'), IMR003_OFF),
  });
  let n = 0;
  return {
    get lsp(): LspHarness {
      return server.lsp;
    },
    async open(): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
      const uri = fileUri(path.join(server.ws, `letter-${++n}.txt`));
      const published = server.lsp.waitForDiagnostics(uri);
      await server.lsp.open(uri, UPHOLD);
      return { uri, diagnostics: (await published).diagnostics };
    },
    async disableActions(uri: string, diagnostics: Diagnostic[]): Promise<string[]> {
      const actions = await server.lsp.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: DECISION_WORD,
        context: { diagnostics },
      });
      return actions.map((a) => a.title).filter((t) => t.startsWith('Disable rule'));
    },
  };
}

describe('a trusted workspace (no trust option: other editors)', () => {
  const s = suite(undefined);
  test('its .imr.json applies: IMR003 is off', async () => {
    const { diagnostics } = await s.open();
    assert.deepEqual(findings(diagnostics), []);
  });
});

describe('an untrusted workspace (VS Code Restricted Mode)', () => {
  const s = suite({ workspaceTrusted: false });
  let lsp: LspHarness;
  before(() => ({ lsp } = s));

  test('its .imr.json is not read: IMR003 reports the decision, and no "Disable rule" is offered', async () => {
    const { uri, diagnostics } = await s.open();
    assert.deepEqual(findings(diagnostics), [['IMR003', DiagnosticSeverity.Error, DECISION_WORD]]);
    assert.deepEqual(await s.disableActions(uri, diagnostics), []);
    await lsp.close(uri);
  });

  test("the user's imr.rules setting still applies", async () => {
    const { uri } = await s.open();
    const changed = lsp.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Warning);
    await lsp.changeConfiguration({ imr: { rules: { IMR003: 'warning' } } });
    assert.deepEqual(findings((await changed).diagnostics), [['IMR003', DiagnosticSeverity.Warning, DECISION_WORD]]);
    const restored = lsp.waitForDiagnostics(uri, (p) => p.diagnostics[0]?.severity === DiagnosticSeverity.Error);
    await lsp.changeConfiguration({ imr: {} });
    await restored;
    await lsp.close(uri);
  });

  test('imr/workspaceTrust: the open letter is checked again under the .imr.json, and "Disable rule" is offered', async () => {
    const { uri, diagnostics } = await s.open();
    assert.equal(diagnostics.length, 1);
    const rechecked = lsp.waitForDiagnostics(uri);
    await lsp.notify('imr/workspaceTrust', { trusted: true });
    assert.deepEqual(findings((await rechecked).diagnostics), []);
    assert.deepEqual(await s.disableActions(uri, diagnostics), ['Disable rule IMR003 for this workspace']);
    await lsp.close(uri);
  });
});
