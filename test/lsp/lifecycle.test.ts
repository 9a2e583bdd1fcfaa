// The server as a process: command-line flags, initialize for each kind of client, transports, robustness
// (garbage documents, bad params, unknown methods, cancellation), privacy of logs, shutdown and exit.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fork, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  createProtocolConnection,
  ErrorCodes,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LSPErrorCodes,
  ShutdownRequest,
  ExitNotification,
  SymbolKind,
  type Command,
  type DocumentSymbol,
  type SymbolInformation,
} from 'vscode-languageserver-protocol/node';
import {
  fileUri,
  fixtureText,
  LspHarness,
  NEOVIM_CAPABILITIES,
  REPO_ROOT,
  SERVER_JS,
  serverForSuite,
  tempWorkspace,
  VSCODE_CAPABILITIES,
} from './harness';
import { at } from '../support/elements';

const VERSION = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;
const UPHOLD = fixtureText('two-items.txt').replace('lumbar spine: Upheld', 'lumbar spine: Uphold');

describe('command line', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [SERVER_JS, ...args], { encoding: 'utf8', timeout: 15_000 });

  test('--version prints the package version', () => {
    const out = run('--version');
    assert.equal(out.status, 0);
    assert.equal(out.stdout, `${VERSION}\n`);
  });

  test('--help prints the usage and the settings', () => {
    const out = run('--help');
    assert.equal(out.status, 0);
    assert.match(out.stdout, /--stdio/);
    assert.match(out.stdout, /imr\.maxDocumentSize/);
  });

  test('no transport: usage on stderr, exit code 2, nothing served', () => {
    const out = run();
    assert.equal(out.status, 2);
    assert.match(out.stderr, /No transport given/);
    assert.equal(out.stdout, '');
  });
});

describe('VS Code client', () => {
  // The last test shuts the server down itself; the suite's `after` then only removes the folder.
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  test('initialize: the union of the features capabilities', () => {
    const { capabilities, serverInfo } = lsp.initializeResult;
    assert.deepEqual(serverInfo, { name: 'imr-language-server', version: VERSION });
    // The features of this layer; others (hover, tokens, …) add their own keys, checked in their tests.
    const expected = {
      textDocumentSync: { openClose: true, change: 2 },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      documentSymbolProvider: { label: 'IMR determination' },
      foldingRangeProvider: true,
      selectionRangeProvider: true,
      diagnosticProvider: { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: false },
      codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.imr'] },
    };
    const declared = Object.fromEntries(Object.entries(capabilities).filter(([key]) => key in expected));
    assert.deepEqual(declared, expected);
    const commands = capabilities.executeCommandProvider?.commands ?? [];
    assert.ok(
      commands.includes('imr.server.disableRule') && commands.includes('imr.server.applyEdit'),
      commands.join(', '),
    );
    assert.equal(new Set(commands).size, commands.length, 'no command advertised twice');
  });

  test('a cancelled pull is answered RequestCancelled, and the next pull works', async () => {
    const uri = fileUri(path.join(ws, 'cancel.txt'));
    await lsp.open(uri, UPHOLD);
    // The server asks the harness for the document's settings before checking; the cancel arrives first.
    const cancelled = await lsp.requestAndCancel('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(cancelled.error?.code, LSPErrorCodes.RequestCancelled);
    const report = await lsp.request<{ kind: string; items: { code: string }[] }>('textDocument/diagnostic', {
      textDocument: { uri },
    });
    assert.deepEqual(
      report.items.map((d) => d.code),
      ['IMR003'],
    );
  });

  test('cancelling any request leaves the server answering', async () => {
    const uri = fileUri(path.join(ws, 'cancel-symbols.txt'));
    await lsp.open(uri, UPHOLD);
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction']) {
      const params =
        method === 'textDocument/codeAction'
          ? {
              textDocument: { uri },
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              context: { diagnostics: [] },
            }
          : { textDocument: { uri } };
      const outcome = await lsp.requestAndCancel<unknown[]>(method, params);
      assert.ok(
        outcome.error ? outcome.error.code === LSPErrorCodes.RequestCancelled : Array.isArray(outcome.result),
        `${method}: ${JSON.stringify(outcome.error)}`,
      );
    }
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.length, 4);
  });

  test('garbage: binary content, an empty document, one huge line, lone surrogates', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
    const cases: [string, string][] = [
      ['binary.bin', `\u0000PK\u0003\u0004${bytes}`],
      ['empty.txt', ''],
      ['one-line.txt', 'x'.repeat(1_000_000)],
      ['surrogates.txt', `IMR ISSUES, DECISIONS AND RATIONALES\n\ud800 item: Upheld\n\udfff`],
    ];
    for (const [name, text] of cases) {
      const uri = fileUri(path.join(ws, name));
      await lsp.open(uri, text, 'imr');
      const report = await lsp.request<{ kind: string; items: { code: string; severity: number }[] }>(
        'textDocument/diagnostic',
        { textDocument: { uri } },
      );
      assert.equal(report.kind, 'full', name);
      for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange']) {
        assert.ok(Array.isArray(await lsp.request(method, { textDocument: { uri } })), `${method} on ${name}`);
      }
      if (name === 'binary.bin')
        assert.deepEqual(
          report.items.map((d) => [d.code, d.severity]),
          [['IMR000', 1]],
        );
      await lsp.close(uri);
    }
  });

  test('bad params and unknown methods: an error or an empty result, never a dead server', async () => {
    assert.deepEqual(await lsp.request('textDocument/documentSymbol', {}), []);
    assert.deepEqual(
      await lsp.request('textDocument/selectionRange', {
        textDocument: { uri: 'file:///nowhere.txt' },
        positions: [{ line: 0, character: 0 }],
      }),
      [],
    );
    await assert.rejects(
      lsp.request('imr/noSuchMethod', {}),
      (e: { code?: number }) => e.code === ErrorCodes.MethodNotFound,
    );
    await lsp.notify('imr/noSuchNotification', { x: 1 });
    assert.deepEqual(
      await lsp.request('textDocument/foldingRange', { textDocument: { uri: 'untitled:Untitled-1' } }),
      [],
    );
    assert.equal(lsp.hasExited, false);
  });

  test('shutdown then exit: the process ends with code 0', async () => {
    assert.equal(await lsp.shutdown(), 0);
  });
});

describe('Neovim 0.7 client', () => {
  const server = serverForSuite({
    capabilities: NEOVIM_CAPABILITIES,
    initializationOptions: { imr: { logLevel: 'debug' } },
  });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  test('initialize: push diagnostics only, no workspace folders, no dynamic registrations', async () => {
    const caps = lsp.initializeResult.capabilities;
    assert.equal(caps.diagnosticProvider, undefined);
    assert.equal(caps.workspace, undefined);
    assert.equal(caps.documentSymbolProvider !== undefined, true);
    // Registrations would be sent while handling `initialized`, before this response.
    await lsp.request('textDocument/documentSymbol', { textDocument: { uri: fileUri(path.join(ws, 'none.txt')) } });
    assert.deepEqual(lsp.registrations, []);
  });

  test('logs never carry document text, even at debug level', async () => {
    const marker = 'Zyxwvut-Marker-9981';
    const uri = fileUri(path.join(ws, `${marker}.txt`));
    const published = lsp.waitForDiagnostics(uri);
    await lsp.open(uri, UPHOLD.replace('Ibuprofen', `${marker} Ibuprofen`));
    await published;
    await lsp.request('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(lsp.logs.length > 0, 'debug logging is on');
    for (const log of lsp.logs) {
      assert.ok(!log.message.includes(marker), `log carries text or a file name: ${log.message}`);
      assert.ok(!log.message.includes('lumbar'), `log carries text: ${log.message}`);
    }
  });
});

describe('a client with no capabilities at all', () => {
  const server = serverForSuite({ capabilities: {} });
  let lsp: LspHarness;
  let ws: string;
  before(() => ({ lsp, ws } = server));

  test('flat SymbolInformation, code actions as Commands, and logs empty at the default level', async () => {
    assert.equal(lsp.initializeResult.capabilities.codeActionProvider, true);
    const uri = fileUri(path.join(ws, 'letter.txt'));
    const published = lsp.waitForDiagnostics(uri);
    await lsp.open(uri, UPHOLD);
    const { diagnostics } = await published;
    const symbols = await lsp.request<SymbolInformation[]>('textDocument/documentSymbol', { textDocument: { uri } });
    // A client that lists no symbol kinds knows File..Array only: items fall back from Event to Function.
    assert.deepEqual(
      symbols
        .filter((s) => s.containerName === 'IMR ISSUES, DECISIONS AND RATIONALES')
        .map((s) => [s.name, s.kind, s.location.range.start.line]),
      [
        ['Physical therapy 2 times a week for 4 weeks for…', SymbolKind.Function, 41],
        ['Ibuprofen 800mg #60', SymbolKind.Function, 50],
      ],
    );
    assert.equal(symbols.find((s) => s.name === 'Reviewer credentials')?.kind, SymbolKind.Class);
    assert.equal(at(symbols, 0).name, 'Header');
    assert.equal(at(symbols, 0).containerName, undefined);
    const actions = await lsp.request<Command[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: at(diagnostics, 0).range,
      context: { diagnostics },
    });
    assert.deepEqual(
      actions.map((a) => [a.title, a.command]),
      [
        ['Change to Upheld', 'imr.server.applyEdit'],
        ['Change to Overturned', 'imr.server.applyEdit'],
        ['Disable rule IMR003 for this workspace', 'imr.server.disableRule'],
      ],
    );
    const applied = lsp.waitForApplyEdit();
    const cleared = lsp.waitForDiagnostics(uri, (p) => p.version === 2);
    await lsp.request('workspace/executeCommand', {
      command: at(actions, 0).command,
      arguments: at(actions, 0).arguments,
    });
    assert.deepEqual((await applied).edit, {
      changes: { [uri]: [{ range: at(diagnostics, 0).range, newText: 'Upheld' }] },
    });
    assert.deepEqual((await cleared).diagnostics, []);
    assert.deepEqual(lsp.logs, []);
  });
});

describe('node IPC transport (how VS Code starts the server)', () => {
  test('initialize over --node-ipc, then shutdown and exit', async () => {
    const child = fork(SERVER_JS, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: null,
        capabilities: VSCODE_CAPABILITIES,
        workspaceFolders: null,
      });
      assert.equal(result.serverInfo?.name, 'imr-language-server');
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });
});

// Not serverForSuite: the test ends its own server with `exit` and checks the exit code.
describe('exit without shutdown', () => {
  test('the process ends with code 1', async () => {
    const ws = tempWorkspace();
    const lsp = await LspHarness.start({ capabilities: {}, rootPath: ws });
    const exited = new Promise<number | null>((resolve) => lsp.child.on('exit', (code) => resolve(code)));
    await lsp.notify('exit', undefined);
    assert.equal(await exited, 1);
    lsp.connection.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });
});
