// Runs test/nvim/lsp-check.lua: the language server (dist/server.js, over stdio, on this node) checked by
// Neovim 0.7 headless, a second LSP client independent of VS Code. Needs `nvim` (apt-get install neovim,
// or the install script) and a built server (npm run build).
// Usage: node test/nvim/run-lsp-check.mjs    Exit: 0 all passed, 1 a check failed, 2 a Lua error or no nvim.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const server = path.join(root, 'dist', 'server.js');
const nvim = process.env.NVIM_PATH || 'nvim';

if (!fs.existsSync(server)) {
  console.error(`lsp-check: ${server} is missing: run npm run build`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const firstLine = pkg.contributes.languages.find((l) => l.id === 'imr').firstLine;

// No user state: Neovim's log and shada go to a throwaway folder.
const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-nvim-'));
const started = Date.now();
const r = spawnSync(
  nvim,
  [
    '--headless',
    '--clean',
    '-u',
    'NONE',
    '-i',
    'NONE',
    '-n',
    '-c',
    `luafile ${path.join(root, 'test', 'nvim', 'lsp-check.lua')}`,
  ],
  {
    cwd: root,
    env: {
      ...process.env,
      IMR_SERVER: server,
      IMR_FIXTURES: path.join(root, 'test', 'vscode', 'fixtures', 'ws'),
      IMR_FIRST_LINE: firstLine,
      XDG_STATE_HOME: stateDir,
      XDG_CACHE_HOME: stateDir, // Neovim 0.7 writes lsp.log under stdpath("cache")
      XDG_DATA_HOME: stateDir,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 60000,
    killSignal: 'SIGKILL',
  },
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
fs.rmSync(stateDir, { recursive: true, force: true });
if (r.error) {
  console.error(
    `lsp-check: ${r.error.code === 'ENOENT' ? `${nvim} not found (apt-get install neovim)` : r.error.message} (${seconds} s)`,
  );
  console.log('0 passed, 1 failed');
  process.exit(2);
}
if (r.signal) {
  console.error(`lsp-check: nvim killed by ${r.signal} after ${seconds} s`);
  console.log('0 passed, 1 failed');
  process.exit(2);
}
console.error(`lsp-check: ${seconds} s, exit ${r.status}`);
process.exit(r.status ?? 2);
