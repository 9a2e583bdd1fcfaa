// The server's start from V8's code cache (server/src/serverEntry.ts): the first start writes the cache of
// dist/serverMain.js into IMR_CACHE_DIR, the next starts use it without writing it again (V8 refuses a cache
// made under other V8 flags: lsp/memory.ts puts back the one it sets, and other node flags keep a cache of
// their own), and a damaged cache or a cache folder that cannot be written never stops the server. Needs the bundles: `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createProtocolConnection,
  ExitNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { SERVER_JS } from './harness';
import { SERVER_NODE_FLAGS } from '../../server/src/launch';
import { only } from '../support/elements';

/** Starts the server (with VS Code's node flags unless told), initializes it, shuts it down; its name and exit code. */
async function startAndStop(
  cacheDir: string,
  flags: readonly string[] = SERVER_NODE_FLAGS,
): Promise<{ server: string; code: number | null }> {
  const child = spawn(process.execPath, [...flags, SERVER_JS, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, IMR_CACHE_DIR: cacheDir },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  connection.listen();
  try {
    const answer = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {},
      workspaceFolders: null,
    });
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    return { server: answer.serverInfo?.name ?? '', code: await exited };
  } finally {
    connection.dispose();
    child.kill();
  }
}

function scratch(): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'imr-server-cache-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const cacheFile = (dir: string) => join(dir, only(readdirSync(dir)));

test('the first start writes the code cache; the next starts use it and leave it as it is', async (t) => {
  const s = scratch();
  t.after(s.done);
  assert.deepEqual(await startAndStop(s.dir), { server: 'imr-language-server', code: 0 });
  const file = cacheFile(s.dir);
  assert.match(file, /[\\/]serverMain~[0-9a-f]{24}~[\w.-]+\.v8cache$/);
  const written = statSync(file);
  // A cache V8 refused, or that failed our digest, would be written anew: a new file renamed into place.
  for (let run = 0; run < 2; run++) {
    assert.deepEqual(await startAndStop(s.dir), { server: 'imr-language-server', code: 0 });
    assert.equal(cacheFile(s.dir), file);
    assert.equal(statSync(file).ino, written.ino, `start ${run + 2} wrote the cache again`);
  }
});

test('a damaged code cache is not used: the server starts and writes it anew', async (t) => {
  const s = scratch();
  t.after(s.done);
  await startAndStop(s.dir);
  const file = cacheFile(s.dir);
  const good = readFileSync(file);
  writeFileSync(file, good.subarray(0, good.length >> 1));
  assert.deepEqual(await startAndStop(s.dir), { server: 'imr-language-server', code: 0 });
  assert.equal(cacheFile(s.dir), file);
  assert.ok(statSync(file).size > good.length >> 1, 'written anew');
  const rewritten = statSync(file).ino;
  await startAndStop(s.dir);
  assert.equal(statSync(file).ino, rewritten, 'the new cache was used');
});

test('a cache folder that cannot be written does not stop the server', async (t) => {
  const s = scratch();
  t.after(s.done);
  const notAFolder = join(s.dir, 'cache');
  writeFileSync(notAFolder, 'a file where the folder would be');
  assert.deepEqual(await startAndStop(notAFolder), { server: 'imr-language-server', code: 0 });
  assert.equal(readFileSync(notAFolder, 'utf8'), 'a file where the folder would be');
  assert.deepEqual(readdirSync(s.dir), ['cache'], 'no temporary file is left behind');
});

test("started without VS Code's node flags (other editors), the server keeps a second cache beside the first", async (t) => {
  const s = scratch();
  t.after(s.done);
  await startAndStop(s.dir);
  const withFlags = cacheFile(s.dir);
  assert.deepEqual(await startAndStop(s.dir, []), { server: 'imr-language-server', code: 0 });
  const names = readdirSync(s.dir).sort();
  assert.equal(names.length, 2, names.join(', '));
  const withoutFlags = join(s.dir, only(names.filter((n) => join(s.dir, n) !== withFlags)));
  const inodes = [statSync(withFlags).ino, statSync(withoutFlags).ino];
  await startAndStop(s.dir);
  await startAndStop(s.dir, []);
  assert.deepEqual([statSync(withFlags).ino, statSync(withoutFlags).ino], inodes, 'each start used its own cache');
});
