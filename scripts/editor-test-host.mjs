// Which editor the real-editor suite (test/vscode/suite) runs in, and where the offline host's tools are.
// Shared by scripts/run-editor-tests.mjs and the scripts that render images with the same chromium.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The runner chosen by VSCODE_TEST_HOST: `electron` for @vscode/test-electron; unset, empty or
 * `code-server` for code-server. Any other value is an error naming the two, so that a typo never runs
 * the suite somewhere other than asked.
 * @param {Record<string, string | undefined>} env
 * @returns {{ host: 'code-server' | 'electron' } | { error: string }}
 */
export function editorTestHost(env) {
  const value = env.VSCODE_TEST_HOST ?? '';
  const host = value === '' ? 'code-server' : value;
  if (host === 'code-server' || host === 'electron') return { host };
  return { error: `unknown VSCODE_TEST_HOST=${value} (code-server or electron)` };
}

/**
 * Fills CODE_SERVER, NODE24_BIN, CHROMIUM_PATH and PLAYWRIGHT_CORE (and the rest) from the env.sh that
 * scripts/install-vscode-test-host.sh wrote, unless the first three are already set. Returns an error message when
 * that file is missing, else undefined.
 * @param {NodeJS.ProcessEnv} env the environment to fill (process.env)
 * @returns {string | undefined}
 */
export function loadHostEnv(env) {
  if (env.CODE_SERVER && env.NODE24_BIN && env.CHROMIUM_PATH) return undefined;
  const cache =
    env.IMR_TEST_CACHE || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'imr-vscode-test');
  const file = path.join(cache, 'env.sh');
  if (!fs.existsSync(file)) return `${file} not found: run scripts/install-vscode-test-host.sh first`;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^export ([A-Z0-9_]+)="(.*)"$/.exec(line.trim());
    if (m && !env[m[1]]) env[m[1]] = m[2];
  }
  return undefined;
}
