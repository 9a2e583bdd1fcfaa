// The one directory walker, for the CLI and the server: letter files under folders, or matching a glob,
// through fast-glob with one ignore list. Symbolic links to folders are never followed, so a link cycle
// (`ln -s . self`, `ln -s .. up`) cannot make a walk loop or repeat; links to files are kept. Every real
// file is listed once, under the first name found for it (UniqueFiles compares real paths).
import { realpathSync, statSync } from 'node:fs';
import * as path from 'node:path';
import fg from 'fast-glob';
import { LETTER_GLOB } from './files';

/** Folders never worth walking: dependencies and caches. Dot folders (.git, .vscode) are skipped as well. */
export const IGNORED_FOLDERS: readonly string[] = ['**/node_modules/**', '**/__pycache__/**'];

/** Deeper than any real folder of letters; bounds a walk of a strange tree. */
export const DEFAULT_MAX_DEPTH = 32;

export interface WalkOptions {
  /** Stop after this many files (the result is then `truncated`). */
  maxFiles?: number;
  /** Folder levels below a root to descend. */
  maxDepth?: number;
  /** Checked between entries: true stops the walk (the result is then `truncated`). */
  cancelled?: () => boolean;
  /** Shared across several walks, so that a file found by an earlier one is not listed again. */
  unique?: UniqueFiles;
}

export interface WalkResult {
  /** Root-joined paths (`letters/a.txt` under `letters`), sorted within each root. */
  files: string[];
  /** Files found before those already listed were left out: 0 means nothing matched at all. */
  matched: number;
  truncated: boolean;
}

/**
 * Remembers files by real path: `a.txt`, `./a.txt` and a link to it are one file. A file's folder is
 * resolved once and cached, so a walk of thousands of letters costs one `realpath` per folder; a link is
 * resolved itself. Synchronous calls: each takes microseconds, where a thread-pool round trip takes far more.
 */
export class UniqueFiles {
  private readonly seen = new Set<string>();
  private readonly folders = new Map<string, string>();

  /** True the first time a file is offered. A path that cannot be resolved counts as itself. */
  async add(file: string, isLink = true): Promise<boolean> {
    const key = isLink
      ? this.realPath(path.resolve(file))
      : path.join(this.realFolder(path.dirname(path.resolve(file))), path.basename(file));
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }

  private realFolder(folder: string): string {
    let real = this.folders.get(folder);
    if (real === undefined) {
      real = this.realPath(folder);
      this.folders.set(folder, real);
    }
    return real;
  }

  private realPath(resolved: string): string {
    try {
      return realpathSync.native(resolved);
    } catch {
      return resolved;
    }
  }
}

/** Letter files under each folder in `roots`. Never rejects: unreadable folders are skipped. */
export async function findLetterFiles(roots: readonly string[], options: WalkOptions = {}): Promise<WalkResult> {
  const unique = options.unique ?? new UniqueFiles();
  const files: string[] = [];
  let matched = 0;
  for (const root of roots) {
    const found = await walk(LETTER_GLOB, root, { ...options, unique, maxFiles: remaining(options, files) });
    files.push(...found.files.map((rel) => joinPath(root, rel)));
    matched += found.matched;
    if (found.truncated) return { files, matched, truncated: true };
  }
  return { files, matched, truncated: false };
}

/** Files matching a glob pattern (relative to the working directory, or absolute). */
export async function matchFiles(pattern: string, options: WalkOptions = {}): Promise<WalkResult> {
  return walk(pattern, undefined, { ...options, unique: options.unique ?? new UniqueFiles() });
}

export function isGlobPattern(text: string): boolean {
  return fg.isDynamicPattern(text);
}

function remaining(options: WalkOptions, files: readonly string[]): number {
  return (options.maxFiles ?? Infinity) - files.length;
}

async function walk(
  pattern: string,
  cwd: string | undefined,
  options: WalkOptions & { unique: UniqueFiles },
): Promise<WalkResult> {
  const maxFiles = options.maxFiles ?? Infinity;
  const candidates: { path: string; isLink: boolean }[] = [];
  let truncated = false;
  const stream = fg.stream(pattern, {
    cwd,
    ignore: [...IGNORED_FOLDERS],
    followSymbolicLinks: false,
    onlyFiles: false,
    objectMode: true,
    deep: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    suppressErrors: true,
  });
  try {
    for await (const entry of stream as AsyncIterable<fg.Entry>) {
      if (options.cancelled?.()) {
        truncated = true;
        break;
      }
      if (!isFileEntry(entry, cwd)) continue;
      candidates.push({ path: entry.path, isLink: entry.dirent.isSymbolicLink() });
      if (candidates.length >= maxFiles) {
        truncated = true;
        break;
      }
    }
  } catch {
    // A folder that vanished or refused listing mid-walk: keep what was found.
  }
  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: string[] = [];
  const matched = candidates.length;
  for (const { path: file, isLink } of candidates) {
    if (files.length >= maxFiles || options.cancelled?.()) return { files, matched, truncated: true };
    if (await options.unique.add(cwd === undefined ? file : path.join(cwd, file), isLink)) files.push(file);
  }
  return { files, matched, truncated };
}

/** A regular file, or a link to one; never a folder, a link to a folder or a dangling link. */
function isFileEntry(entry: fg.Entry, cwd: string | undefined): boolean {
  if (entry.dirent.isFile()) return true;
  if (!entry.dirent.isSymbolicLink()) return false;
  try {
    return statSync(cwd === undefined ? entry.path : path.join(cwd, entry.path)).isFile();
  } catch {
    return false;
  }
}

/** `dir/rel` keeping `dir` as the user wrote it (`./letters/a.txt`, not `letters/a.txt`). */
function joinPath(dir: string, rel: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + rel : `${dir}/${rel}`;
}

/** The deepest of `roots` that holds `file` (or is it); undefined outside them all. */
export function deepestRootOf(file: string, roots: readonly string[]): string | undefined {
  return roots.filter((root) => isUnder(file, [root])).sort((a, b) => b.length - a.length)[0];
}

/** True when `file` lies in one of `roots` (or is one). */
export function isUnder(file: string, roots: readonly string[]): boolean {
  const resolved = path.resolve(file);
  return roots.some((root) => {
    const rel = path.relative(path.resolve(root), resolved);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
  });
}
