// Finds and reads `.imr.json` for a letter: the nearest one in the letter's folder or a folder above it, up
// to a boundary (the workspace folder in the server, the working directory in the CLI), never past it, so a
// file outside the workspace never applies. Never throws: an unreadable, oversized or invalid file yields
// defaults plus readable problems. Reads are cached by path, size and modification time, so checking a
// folder of letters reads each config file once. Also writes the file for "Disable rule".
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextEdit } from '../core/rules';
import { parseConfigText, type ImrConfig } from '../core/rules/config';
import { disableRuleEdits, newConfigText } from '../core/service/disableRule';
import { describeError } from './errors';
import { CONFIG_FILE_NAME } from './files';
import { deepestRootOf, isUnder } from './walker';

export { CONFIG_FILE_NAME };

/** A real configuration is a few hundred bytes; anything this large is refused unread. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

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

/**
 * The nearest `.imr.json` in `startDir` or a folder above it, up to and including `boundary`. When
 * `startDir` is not inside `boundary` (or there is none), only `startDir` itself is looked in.
 */
export function findConfigFile(startDir: string, boundary: string | undefined): string | undefined {
  let dir = path.resolve(startDir);
  const stop = boundary !== undefined && isUnder(dir, [boundary]) ? path.resolve(boundary) : dir;
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) return undefined;
    dir = parent;
  }
}

function unreadable(resolved: string, why: string): LoadedConfig {
  return { config: {}, path: resolved, problems: [`${resolved}: ${why}; default rule settings are used.`] };
}

/** Reads one config file. Problems name the file, never the letter. */
export function loadConfigFile(configPath: string): LoadedConfig {
  const resolved = path.resolve(configPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch (error) {
    return unreadable(resolved, `cannot be read (${describeError(error)})`);
  }
  if (!stat.isFile()) return unreadable(resolved, 'not a regular file');
  if (stat.size > MAX_CONFIG_BYTES)
    return unreadable(resolved, `larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB, so not read`);
  const cached = cache.get(resolved);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
  const text = readConfigText(resolved);
  if (typeof text !== 'string') return unreadable(resolved, `cannot be read (${text.error})`);
  const { config, problems } = parseConfigText(text, `${resolved}: `);
  const result: LoadedConfig = { config, path: resolved, problems };
  cache.set(resolved, { mtimeMs: stat.mtimeMs, size: stat.size, result });
  return result;
}

/**
 * The configuration that applies to a letter (or to a folder, when given one): the nearest `.imr.json`
 * above it up to `boundary` (see findConfigFile), or defaults when there is none.
 */
export function loadConfigFor(filePath: string, boundary: string | undefined): LoadedConfig {
  try {
    const resolved = path.resolve(filePath);
    let startDir = path.dirname(resolved);
    try {
      if (fs.statSync(resolved).isDirectory()) startDir = resolved;
    } catch {
      // A letter that does not exist (yet, or any more) still gets its folder's configuration.
    }
    const found = findConfigFile(startDir, boundary);
    return found ? loadConfigFile(found) : { config: {}, problems: [] };
  } catch (error) {
    return {
      config: {},
      problems: [`The configuration could not be looked up (${describeError(error)}); default rule settings are used.`],
    };
  }
}

/** Forget cached files (tests, or a watcher that saw a change). */
export function clearConfigCache(): void {
  cache.clear();
}

/** A config file's text (byte-order mark dropped), or why it cannot be read; refuses oversized files. */
export function readConfigText(file: string): string | { error: string; missing: boolean } {
  try {
    // Stat before opening: opening a FIFO would block.
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { error: 'not a regular file', missing: false };
    if (stat.size > MAX_CONFIG_BYTES)
      return { error: `larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MiB`, missing: false };
    const text = fs.readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (error) {
    return { error: describeError(error), missing: (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' };
  }
}

/** Creates a config file with `text`, never over an existing one. Resolves to an error line, or undefined. */
export function createConfigFile(file: string, text: string): string | undefined {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return undefined;
  } catch (error) {
    return `${file}: cannot be created (${describeError(error)})`;
  }
}

/** Where a setting for one document is written: a `.imr.json`, and for a new one the rules it starts with. */
export interface ConfigEditTarget {
  file: string;
  seed?: ImrConfig['rules'];
}

/**
 * Where "Disable rule" writes for the document at `filePath` (undefined: a document with no file): the
 * `.imr.json` that governs it (`governing`) when that lies in the document's workspace folder (the deepest of
 * `folders` holding it; the first for a document with no file), or when there is no folder; else a new file at
 * the folder root (or beside the document), seeded with the governing file's rules, because the nearest file
 * wins entirely and an outer file may serve other workspaces. Undefined when there is nowhere to put one.
 */
export function configFileToEdit(
  filePath: string | undefined,
  folders: readonly string[],
  governing: { config: ImrConfig; configPath?: string },
): ConfigEditTarget | undefined {
  const folder = filePath ? deepestRootOf(filePath, folders) : folders[0];
  const { config, configPath } = governing;
  if (configPath && (!folder || isUnder(configPath, [folder]))) return { file: configPath };
  const dir = folder ?? (filePath ? path.dirname(filePath) : undefined);
  if (!dir) return undefined;
  return { file: path.join(dir, CONFIG_FILE_NAME), seed: configPath ? config.rules : undefined };
}

/** A change to one `.imr.json`: edits of the existing file, or the text of a new one. */
export type ConfigChange = { file: string; edits: TextEdit[] } | { file: string; newText: string };

/**
 * What "Disable rule" changes for the document at `filePath` (see configFileToEdit): undefined when the rule
 * is off there already; a one-line message when there is nowhere to write or the file cannot be read.
 */
export function disableRuleChange(
  ruleId: string,
  filePath: string | undefined,
  folders: readonly string[],
  governing: { config: ImrConfig; configPath?: string },
): ConfigChange | string | undefined {
  const target = configFileToEdit(filePath, folders, governing);
  if (!target) return `Cannot disable ${ruleId}: the document has no folder to hold a ${CONFIG_FILE_NAME}.`;
  const { file, seed } = target;
  const read = readConfigText(file);
  if (typeof read === 'string') {
    const edits = disableRuleEdits(read, ruleId);
    return edits && { file, edits };
  }
  return read.missing ? { file, newText: newConfigText(ruleId, seed) } : `Cannot read ${file} (${read.error}).`;
}
