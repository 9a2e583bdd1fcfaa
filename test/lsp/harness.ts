// A real LSP client for protocol tests: spawns `node dist/server.js --stdio` and talks JSON-RPC to it, the
// way an editor does. One server per suite: `serverForSuite` starts it over a fresh temporary folder in
// `before` and stops it in `after`:
//
//   const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
//   let lsp: LspHarness;
//   before(() => ({ lsp } = server));                      // the running server, by a short name
//   test('…', async () => { const uri = await server.openLetter(text); … lsp.request(…) … });
//
// or, by hand:
//
//   const lsp = await LspHarness.start({ capabilities: NEOVIM_CAPABILITIES });
//   lsp.open(uri, text);
//   const published = await lsp.waitForDiagnostics(uri);            // the next publishDiagnostics for uri
//   const symbols = await lsp.request(DocumentSymbolRequest.type, { textDocument: { uri } });
//   await lsp.shutdown();
//
// The harness answers the server's requests like a client: `workspace/configuration` from `settings`
// (change them with `setSettings`), `workspace/applyEdit` (recorded, then applied to open documents, with a
// didChange, or to files on disk), `client/registerCapability` (recorded), `window/showMessage(Request)`
// (recorded), `workspace/diagnostic/refresh` (counted). Waits are event-driven with a failing timeout,
// never sleeps. Build first: the harness runs dist/server.js (`npm run build`).
//
// This module gathers what suites import; the parts: clientCapabilities (what VS Code and Neovim declare),
// lspClient (LspHarness), clientEdits (applyEdit as a client), serverProcess (stderr, exit, timeouts),
// signal (events to wait on), suiteServer (serverForSuite) and files (paths, fixtures, temporary folders).
export { VSCODE_CAPABILITIES, NEOVIM_CAPABILITIES } from './clientCapabilities';
export { FIXTURES, REPO_ROOT, SERVER_JS, fileUri, fixtureText, tempWorkspace } from './files';
export { LspHarness, type HarnessOptions, type SettingsProvider } from './lspClient';
export { DEFAULT_TIMEOUT_MS } from './serverProcess';
export { serverForSuite, type SuiteServer, type SuiteServerOptions } from './suiteServer';
