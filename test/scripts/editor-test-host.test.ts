// The real-editor suite's runner, chosen from VSCODE_TEST_HOST (scripts/editor-test-host.mjs).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

async function choose(env: Record<string, string | undefined>): Promise<unknown> {
  const { editorTestHost } = await import('../../scripts/editor-test-host.mjs');
  return editorTestHost(env);
}

describe('the editor test host', () => {
  it('is code-server when VSCODE_TEST_HOST is unset', async () => {
    assert.deepEqual(await choose({ PATH: '/usr/bin' }), { host: 'code-server' });
  });

  it('is code-server when VSCODE_TEST_HOST is empty or code-server', async () => {
    assert.deepEqual(await choose({ VSCODE_TEST_HOST: '' }), { host: 'code-server' });
    assert.deepEqual(await choose({ VSCODE_TEST_HOST: 'code-server' }), { host: 'code-server' });
  });

  it('is @vscode/test-electron when VSCODE_TEST_HOST=electron', async () => {
    assert.deepEqual(await choose({ VSCODE_TEST_HOST: 'electron' }), { host: 'electron' });
  });

  it('is an error naming both hosts for any other value, case and spaces included', async () => {
    for (const value of ['Electron', ' electron', 'codeserver', 'desktop'])
      assert.deepEqual(await choose({ VSCODE_TEST_HOST: value }), {
        error: `unknown VSCODE_TEST_HOST=${value} (code-server or electron)`,
      });
  });
});

describe('run-editor-tests.mjs', () => {
  it('refuses an unknown host at once, before building anything', () => {
    const root = path.resolve(__dirname, '..', '..');
    const run = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-editor-tests.mjs'), '--no-build'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, VSCODE_TEST_HOST: 'Electron' },
    });
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '0 passed, 1 failed\n');
    assert.equal(run.stderr, 'run-editor-tests: unknown VSCODE_TEST_HOST=Electron (code-server or electron)\n');
  });
});
