// Paths the protocol tests share: the repository, the built server, fixtures and temporary folders.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const FIXTURES = path.join(__dirname, 'fixtures');

/** A fixture of test/lsp/fixtures (real letters: test/support/letters.ts). */
export function fixtureText(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A `file:` URI for a path. */
export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

/** A fresh temporary workspace folder (removed by the caller with `fs.rmSync(dir, { recursive: true })`). */
export function tempWorkspace(prefix = 'imr-lsp-'): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}
