// Loads a CommonJS bundle with V8's code cache kept on disk between runs, so that a new process (or `--jobs`
// worker thread) does not parse and compile again the functions it needs: the language server (dist/serverMain.js,
// loaded by its entry dist/server.js at every start) and pdfjs (dist/pdf.js, 1.8 MB, on the first PDF). The
// cache holds what V8 compiled from the bundle's source (bytecode and the source's own literals), taken after
// first use so that the functions that ran are in it; it holds no heap data, so no document text. It is used
// only when all of these agree, and otherwise ignored and written anew:
// - its name: the bundle's content hash, the V8 version, the architecture and node's flags;
// - our digest of its bytes (release builds of V8 do not checksum code caches: a torn or damaged file must
//   never reach V8);
// - V8's own check (version, flags, source), `cachedDataRejected`: V8 flags set at run time change it (see
//   lsp/memory.ts).
// Writes go to a temporary file renamed into place, so that concurrent writers (worker threads, the editor and
// a CLI run) never leave a torn file. A cache that cannot be read or written only costs the compilation.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';
import { threadId } from 'node:worker_threads';

/** What became of the code cache on loading: used, absent, failing our digest, or refused by V8. */
export type CodeCacheState = 'used' | 'absent' | 'damaged' | 'rejected' | 'off';

export interface CachedLoad<T> {
  exports: T;
  state: CodeCacheState;
  /** Writes the cache if it was not used (once; later calls do nothing). Never throws. */
  save(): void;
}

const MAGIC = Buffer.from('IMR-V8-CODE-CACHE-1\n');
const DIGEST_BYTES = 32;

/**
 * The per-user cache folder for compiled code: IMR_CACHE_DIR when set (empty turns the cache off), else the
 * platform's cache folder. Undefined when there is none.
 */
export function codeCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const forced = env.IMR_CACHE_DIR;
  if (forced !== undefined) return forced === '' ? undefined : forced;
  try {
    if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'imr', 'Cache') : undefined;
    if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'imr');
    return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'imr');
  } catch {
    return undefined;
  }
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest();

interface ReadCache {
  data?: Buffer;
  state: 'absent' | 'damaged' | 'off';
}

/** The cache's bytes without our header, or none when it is off, absent, unreadable or not matching its digest. */
function readCache(file: string | undefined): ReadCache {
  if (file === undefined) return { state: 'off' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { state: 'absent' };
  }
  const start = MAGIC.length + DIGEST_BYTES;
  if (bytes.length <= start || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return { state: 'damaged' };
  const data = bytes.subarray(start);
  return sha256(data).equals(bytes.subarray(MAGIC.length, start)) ? { data, state: 'absent' } : { state: 'damaged' };
}

function writeCache(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat([MAGIC, sha256(data), data]));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
    return;
  }
  // Caches of earlier bundles (an updated extension) for this runtime are of no further use.
  const [prefix, , runtime] = cacheNameParts(basename(file));
  for (const name of readdirSafe(dirname(file))) {
    const [otherPrefix, , otherRuntime] = cacheNameParts(name);
    if (otherPrefix === prefix && otherRuntime === runtime && name !== basename(file) && name.endsWith('.v8cache'))
      rmSync(join(dirname(file), name), { force: true });
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** `pdf` (the bundle's name) `<hash>` `<v8>-<arch>[-<flags>].v8cache`. */
function cacheNameParts(name: string): string[] {
  const [prefix = '', hash = '', ...rest] = name.split('~');
  return [prefix, hash, rest.join('~')];
}

/**
 * V8 refuses a cache made under other flags: each set of node flags keeps a cache of its own (VS Code starts the
 * server with some, other editors and the CLI with none), so that one does not overwrite the other's each time.
 */
function flagsTag(): string {
  return process.execArgv.length ? `-${sha256(process.execArgv.join('\n')).toString('hex').slice(0, 8)}` : '';
}

/** Runs `file` as a CommonJS module (as require would), with the code cache in `cacheDir` if there is one. */
export function loadWithCodeCache<T>(file: string, cacheDir: string | undefined): CachedLoad<T> {
  const source = wrap(readFileSync(file, 'utf8'));
  const cacheFile =
    cacheDir === undefined
      ? undefined
      : join(
          cacheDir,
          [
            basename(file, '.js'),
            sha256(source).toString('hex').slice(0, 24),
            `${process.versions.v8}-${process.arch}${flagsTag()}.v8cache`,
          ].join('~'),
        );
  const cached = readCache(cacheFile);
  const script = new Script(source, {
    filename: file,
    ...(cached.data ? { cachedData: cached.data } : {}),
    // A bundle's own import() calls (pdfjs's loaders for URLs, never taken) resolve as they would under require.
    ...(vmConstants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
      ? { importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
      : {}),
  });
  const state: CodeCacheState = cached.data ? (script.cachedDataRejected ? 'rejected' : 'used') : cached.state;
  const module = { exports: {} as T };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  let pending = cacheFile !== undefined && state !== 'used';
  return {
    exports: module.exports,
    state,
    save() {
      if (!pending || cacheFile === undefined) return;
      pending = false;
      try {
        writeCache(cacheFile, script.createCachedData());
      } catch {
        // No cache this time: the next run compiles again.
      }
    },
  };
}
