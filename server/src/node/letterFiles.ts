// Finds and reads candidate letter files (`*.txt`, `*.imr`) under workspace folders, for the workspace
// symbol index. The only file-system code of that index: bounded (file count, file size, depth) and
// cancellable between directories. Directories are listed asynchronously; files are read synchronously,
// one at a time, because a letter is a few kilobytes: a synchronous read takes tens of microseconds where
// the thread-pool round trips of an asynchronous one take ten times as long, and the caller (the index)
// yields to the event loop between slices of files. Never throws: unreadable folders and files are skipped.
import * as fs from 'node:fs';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';

export const LETTER_EXTENSIONS = ['.txt', '.imr'] as const;

/** Folders never worth walking: tool state and dependencies, not letters. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out', '__pycache__']);

export interface WalkOptions {
  /** Stop after this many files. */
  maxFiles: number;
  /** Do not descend deeper than this below a root. */
  maxDepth?: number;
  /** Checked between directories: true stops the walk. */
  cancelled?: () => boolean;
}

export function isLetterFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return LETTER_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Candidate files under `roots`, breadth-first, each at most once, at most `maxFiles`. */
export async function findLetterFiles(roots: readonly string[], options: WalkOptions): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  const seen = new Set<string>();
  const maxDepth = options.maxDepth ?? 20;
  const queue: Array<{ dir: string; depth: number }> = roots.map((dir) => ({ dir: path.resolve(dir), depth: 0 }));
  const visited = new Set<string>();
  while (queue.length > 0) {
    if (options.cancelled?.()) return { files, truncated: true };
    const { dir, depth } = queue.shift()!;
    if (visited.has(dir)) continue;
    visited.add(dir);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth && !entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) queue.push({ dir: full, depth: depth + 1 });
      } else if ((entry.isFile() || entry.isSymbolicLink()) && isLetterFileName(entry.name) && !seen.has(full)) {
        seen.add(full);
        files.push(full);
        if (files.length >= options.maxFiles) return { files, truncated: true };
      }
    }
  }
  return { files, truncated: false };
}

export type ReadResult = { text: string } | { skipped: 'too-large' | 'unreadable' | 'not-a-file' };

/** A file's text when it is a regular file of at most `maxBytes`. Synchronous: see the header. */
export function readLetterFile(file: string, maxBytes: number): ReadResult {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { skipped: 'not-a-file' };
    if (stat.size > maxBytes) return { skipped: 'too-large' };
    let text = fs.readFileSync(fd, 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { skipped: 'unreadable' };
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already closed or gone: nothing to release.
      }
    }
  }
}

/** True when `file` lies in one of `roots` (or is one). */
export function isUnder(file: string, roots: readonly string[]): boolean {
  const resolved = path.resolve(file);
  return roots.some((root) => {
    const r = path.resolve(root);
    const rel = path.relative(r, resolved);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  });
}
