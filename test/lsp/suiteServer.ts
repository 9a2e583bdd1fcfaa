// One server per suite: a fresh temporary folder, a server started over it in `before`, stopped in `after`.
import { after, before } from 'node:test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileUri, tempWorkspace } from './files';
import { LspHarness, type HarnessOptions } from './lspClient';

export interface SuiteServerOptions extends Omit<HarnessOptions, 'workspaceFolders' | 'rootPath'> {
  /** Fills the temporary folder before the server starts (letters for the workspace index, say). */
  populate?: (ws: string) => void;
  /** The reason the suite's tests are skipped (`corpusSkip()`): then the folder stays empty and no server starts. */
  skip?: string | false;
}

export interface SuiteServer {
  /** The running server; inside tests and hooks only (it starts in the suite's `before`). */
  readonly lsp: LspHarness;
  /** The suite's temporary folder. */
  readonly ws: string;
  /**
   * Opens `text` as `name` (relative to the folder; by default `letter-<n>.txt`, n counting up) and resolves
   * with its URI. A function property, not a method: suites destructure it.
   */
  readonly openLetter: (text: string, name?: string) => Promise<string>;
}

/**
 * Registers `before`/`after` hooks for the enclosing `describe`: a fresh `tempWorkspace()`, a server started
 * over it, and afterwards shutdown (unless a test already ended the server) and removal of the folder. The
 * folder is the workspace folder and the rootUri; the harness sends `workspaceFolders` only to clients whose
 * capabilities claim them, so a Neovim 0.7 client gets the rootUri alone.
 */
export function serverForSuite(options: SuiteServerOptions): SuiteServer {
  const { populate, skip, ...harnessOptions } = options;
  let lsp: LspHarness | undefined;
  let ws: string | undefined;
  let n = 0;

  before(async () => {
    ws = tempWorkspace();
    if (skip) return;
    populate?.(ws);
    lsp = await LspHarness.start({ ...harnessOptions, workspaceFolders: [ws] });
  });
  after(async () => {
    try {
      await lsp?.shutdown();
    } finally {
      if (ws) fs.rmSync(ws, { recursive: true, force: true });
    }
  });

  const server: SuiteServer = {
    get lsp() {
      if (!lsp) throw new Error('serverForSuite: the server is not running (use `lsp` inside tests and hooks only)');
      return lsp;
    },
    get ws() {
      if (!ws) throw new Error('serverForSuite: no folder yet (use `ws` inside tests and hooks only)');
      return ws;
    },
    openLetter: async (text, name = `letter-${++n}.txt`) => {
      const uri = fileUri(path.join(server.ws, name));
      await server.lsp.open(uri, text);
      return uri;
    },
  };
  return server;
}
