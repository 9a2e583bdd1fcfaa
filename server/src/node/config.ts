// Finds and reads `.imr.json` for a letter: the nearest one in the letter's folder or any folder above.
// Never throws: an unreadable or invalid file yields defaults plus readable problems. Reads are cached by
// path and modification time, so checking a folder of letters reads each config file once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigText, type ImrConfig } from '../core/rules/config';

export const CONFIG_FILE_NAME = '.imr.json';

export interface LoadedConfig {
  config: ImrConfig;
  /** The file read, when one was found. */
  path?: string;
  problems: string[];
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  result: LoadedConfig;
}

const cache = new Map<string, CacheEntry>();

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The nearest `.imr.json` in `startDir` or above, up to the filesystem root. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Reads one config file. Problems name the file, never the letter. */
export function loadConfigFile(configPath: string): LoadedConfig {
  const resolved = path.resolve(configPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch (error) {
    return { config: {}, path: resolved, problems: [`${resolved}: cannot be read (${errorCode(error)}); default rule settings are used.`] };
  }
  const cached = cache.get(resolved);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
  let text: string;
  try {
    text = fs.readFileSync(resolved, 'utf8');
  } catch (error) {
    return { config: {}, path: resolved, problems: [`${resolved}: cannot be read (${errorCode(error)}); default rule settings are used.`] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { config, problems } = parseConfigText(text, `${resolved}: `);
  const result: LoadedConfig = { config, path: resolved, problems };
  cache.set(resolved, { mtimeMs: stat.mtimeMs, size: stat.size, result });
  return result;
}

/**
 * The configuration that applies to a letter (or to a folder, when given one): the nearest `.imr.json`
 * above it, or defaults when there is none.
 */
export function loadConfigFor(filePath: string): LoadedConfig {
  try {
    const resolved = path.resolve(filePath);
    let startDir = path.dirname(resolved);
    try {
      if (fs.statSync(resolved).isDirectory()) startDir = resolved;
    } catch {
      // A letter that does not exist (yet, or any more) still gets its folder's configuration.
    }
    const found = findConfigFile(startDir);
    return found ? loadConfigFile(found) : { config: {}, problems: [] };
  } catch (error) {
    return { config: {}, problems: [`The configuration could not be looked up (${errorCode(error)}); default rule settings are used.`] };
  }
}

/** Forget cached files (tests, or a watcher that saw a change). */
export function clearConfigCache(): void {
  cache.clear();
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'error';
}
