// The PDF bundle's V8 code cache (server/src/node/codeCache.ts): written after first use, used after that,
// and ignored (then written anew) when it is absent, damaged, refused by V8 or cannot be written. Most tests
// load a small module of their own, each load in a worker thread of its own (a V8 isolate whose in-memory
// compilation cache cannot stand in for the file); the last ones run the CLI on the real bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { codeCacheDir, type CodeCacheState } from '../../server/src/node/codeCache';
import { FIXTURES as CLI_FIXTURES, imr } from '../cli/helpers';

const LOADER = join(__dirname, 'support', 'load-in-worker.ts');

const SOURCE = (word: string) =>
  `'use strict';\nfunction triple(n) { return 3 * n; }\nexports.triple = triple;\nexports.greet = () => '${word}, ' + require('node:path').basename(__filename);\n`;

function scratch(): { dir: string; cache: string; module: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'imr-code-cache-'));
  const module = join(dir, 'sample.js');
  writeFileSync(module, SOURCE('hello'));
  return { dir, cache: join(dir, 'cache'), module, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Loads the module in a new worker thread, calls its functions, saves the cache if asked; the cache's state. */
function load(module: string, cache: string | undefined, save = false, greeting = 'hello'): Promise<CodeCacheState> {
  const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(LOADER)});`, {
    eval: true,
    workerData: { module, cache, save },
  });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', ({ state, results }: { state: CodeCacheState; results: unknown[] }) => {
      assert.deepEqual(results, [42, `${greeting}, sample.js`]);
      resolve(state);
    });
  });
}

const cacheFiles = (cache: string) => readdirSync(cache).sort();

test('absent, the cache is written on save; the next load uses it and does not write it again', async (t) => {
  const s = scratch();
  t.after(s.done);
  assert.equal(await load(s.module, s.cache, true), 'absent');
  const [name = '', ...others] = cacheFiles(s.cache);
  assert.deepEqual(others, []);
  assert.match(name, /^sample~[0-9a-f]{24}~[\d.]+(-node\.\d+)?-[a-z0-9]+(-[0-9a-f]{8})?\.v8cache$/);
  const written = readFileSync(join(s.cache, name));
  assert.equal(written.subarray(0, 20).toString('latin1'), 'IMR-V8-CODE-CACHE-1\n');
  assert.equal(await load(s.module, s.cache, true), 'used');
  assert.ok(readFileSync(join(s.cache, name)).equals(written), 'a cache that was used is not written again');
});

test('a damaged cache (one byte changed, or cut short) is never given to V8, and is written anew', async (t) => {
  const s = scratch();
  t.after(s.done);
  await load(s.module, s.cache, true);
  const [name = ''] = cacheFiles(s.cache);
  const file = join(s.cache, name);
  const good = readFileSync(file);
  const flipped = Buffer.from(good);
  flipped[flipped.length - 5] = (flipped[flipped.length - 5] ?? 0) ^ 0xff;
  for (const damaged of [flipped, good.subarray(0, good.length - 100), good.subarray(0, 30), Buffer.alloc(0)]) {
    writeFileSync(file, damaged);
    assert.equal(await load(s.module, s.cache, true), 'damaged');
    assert.equal(await load(s.module, s.cache), 'used');
  }
});

test('a cache V8 refuses (made from other source) is ignored and written anew', async (t) => {
  const s = scratch();
  t.after(s.done);
  await load(s.module, s.cache, true);
  const [name = ''] = cacheFiles(s.cache);
  // Another source's cache under this source's name, with a right digest: only V8 can tell.
  mkdirSync(join(s.dir, 'other'));
  const other = join(s.dir, 'other', 'sample.js');
  writeFileSync(other, SOURCE('a longer greeting'));
  const otherCache = join(s.dir, 'other-cache');
  await load(other, otherCache, true, 'a longer greeting');
  const [otherName = ''] = cacheFiles(otherCache);
  writeFileSync(join(s.cache, name), readFileSync(join(otherCache, otherName)));
  assert.equal(await load(s.module, s.cache, true), 'rejected');
  assert.equal(await load(s.module, s.cache), 'used');
});

test('a cache folder that cannot be written costs nothing but the cache', async (t) => {
  const s = scratch();
  t.after(s.done);
  writeFileSync(s.cache, 'a file where the folder would be');
  assert.equal(await load(s.module, s.cache, true), 'absent');
  assert.equal(readFileSync(s.cache, 'utf8'), 'a file where the folder would be');
  assert.deepEqual(readdirSync(s.dir).sort(), ['cache', 'sample.js'], 'no temporary file is left behind');
});

test('without a cache folder nothing is read or written', async (t) => {
  const s = scratch();
  t.after(s.done);
  assert.equal(await load(s.module, undefined, true), 'off');
  assert.deepEqual(readdirSync(s.dir), ['sample.js']);
});

test('two writers of one cache leave one whole file; a new bundle replaces its old cache', async (t) => {
  const s = scratch();
  t.after(s.done);
  await Promise.all([load(s.module, s.cache, true), load(s.module, s.cache, true)]);
  const [name = '', ...others] = cacheFiles(s.cache);
  assert.deepEqual(others, []);
  assert.equal(await load(s.module, s.cache), 'used');
  // Another runtime's cache of the old bundle stays; the old bundle's cache for this runtime goes.
  const runtime = name.split('~')[2] ?? '';
  const otherRuntime = `sample~${'0'.repeat(24)}~0.0.0-other.v8cache`;
  writeFileSync(join(s.cache, otherRuntime), 'another runtime');
  writeFileSync(s.module, SOURCE('hi'));
  assert.equal(await load(s.module, s.cache, true, 'hi'), 'absent');
  const after = cacheFiles(s.cache);
  assert.equal(after.length, 2);
  assert.ok(after.includes(otherRuntime));
  assert.ok(after.some((n) => n !== name && n.endsWith(`~${runtime}`)));
});

test('the cache folder: IMR_CACHE_DIR, off when empty, else the user cache folder', () => {
  assert.equal(codeCacheDir({ IMR_CACHE_DIR: '/tmp/x' }), '/tmp/x');
  assert.equal(codeCacheDir({ IMR_CACHE_DIR: '' }), undefined);
  if (process.platform === 'linux') {
    assert.equal(codeCacheDir({ XDG_CACHE_HOME: '/home/u/.xdg-cache' }), '/home/u/.xdg-cache/imr');
    assert.match(codeCacheDir({}) ?? '', /[\\/]\.cache[\\/]imr$/);
  }
});

const PDF = 'test/fixtures/pdf/two-items.pdf';

test('the CLI writes the PDF bundle cache once, reads the same with and without it, and it holds no letter text', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-code-cache-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const withoutCache = imr(['check', '--jobs', '1', PDF], { IMR_CACHE_DIR: '' });
  const cold = imr(['check', '--jobs', '1', PDF], { IMR_CACHE_DIR: dir });
  const [name = '', ...others] = readdirSync(dir);
  assert.deepEqual(others, []);
  assert.match(name, /^pdf~[0-9a-f]{24}~.+\.v8cache$/);
  const written = readFileSync(join(dir, name));
  const warm = imr(['check', '--jobs', '1', PDF], { IMR_CACHE_DIR: dir });
  for (const run of [cold, warm]) {
    assert.equal(run.stdout, withoutCache.stdout);
    assert.equal(run.stderr, '');
    assert.equal(run.status, withoutCache.status);
  }
  assert.ok(readFileSync(join(dir, name)).equals(written), 'a used cache is not rewritten');
  // Phrases of the letter the PDF was typed from, as Latin-1 and as UTF-16 (V8's two string forms).
  const letter = readFileSync(join(CLI_FIXTURES, 'letters/two-items.txt'), 'utf8');
  for (const phrase of ['chronic neck pain', 'Lidocaine 5% patch', 'localized neuropathic pain']) {
    assert.ok(letter.includes(phrase));
    for (const encoding of ['latin1', 'utf16le'] as const)
      assert.equal(written.includes(Buffer.from(phrase, encoding)), false, `${phrase} (${encoding}) in the cache`);
  }
});

test('a damaged PDF bundle cache changes nothing in the CLI output', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-code-cache-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const expected = imr(['check', '--jobs', '1', PDF], { IMR_CACHE_DIR: dir });
  const [name = ''] = readdirSync(dir);
  const file = join(dir, name);
  const good = readFileSync(file);
  const flipped = Buffer.from(good);
  flipped[good.length >> 1] = (flipped[good.length >> 1] ?? 0) ^ 0x5a;
  writeFileSync(file, flipped);
  const run = imr(['check', '--jobs', '1', PDF], { IMR_CACHE_DIR: dir });
  assert.equal(run.stdout, expected.stdout);
  assert.equal(run.stderr, '');
  // Written anew: whole again, its SHA-256 digest (after the 20-byte header) matching its payload.
  const now = readFileSync(file);
  assert.equal(now.equals(flipped), false);
  assert.ok(createHash('sha256').update(now.subarray(52)).digest().equals(now.subarray(20, 52)));
});
