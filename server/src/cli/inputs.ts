// Turns command-line paths into the files to read: files as given, directories searched for letters,
// globs expanded with fast-glob. A path that yields nothing is reported, and the others still count.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import fg from 'fast-glob';
import { describeFailure } from './messages';

export const LETTER_EXTENSIONS = ['txt', 'imr'];
const IGNORE = ['**/node_modules/**', '**/.git/**'];

export interface Inputs {
  files: string[];
  /** One line per path that matched nothing or could not be looked at. */
  errors: string[];
}

export async function expandInputs(paths: readonly string[]): Promise<Inputs> {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  // `a.txt`, `./a.txt` and a directory holding it name one file: check it once, under the first name.
  const add = (file: string) => {
    const key = resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  for (const path of paths) {
    const kind = await pathKind(path);
    if (kind === 'file') {
      add(path);
    } else if (kind === 'directory') {
      const found = await fg(`**/*.{${LETTER_EXTENSIONS.join(',')}}`, { cwd: path, onlyFiles: true, ignore: IGNORE });
      if (found.length === 0) errors.push(`${path}: no .${LETTER_EXTENSIONS.join(' or .')} files in this directory`);
      for (const rel of found.sort()) add(joinPath(path, rel));
    } else if (fg.isDynamicPattern(path)) {
      const found = await fg(path, { onlyFiles: true, ignore: IGNORE });
      if (found.length === 0) errors.push(`${path}: no files match this pattern`);
      for (const file of found.sort()) add(file);
    } else if (kind === 'missing') {
      errors.push(`${path}: no such file or directory`);
    } else {
      errors.push(`${path}: cannot be read (${kind.error})`);
    }
  }
  return { files, errors };
}

type PathKind = 'file' | 'directory' | 'missing' | { error: string };

async function pathKind(path: string): Promise<PathKind> {
  try {
    const info = await stat(path);
    // Sockets, FIFOs and devices go to the reader, which says why it will not read them.
    return info.isDirectory() ? 'directory' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : { error: describeFailure(error) };
  }
}

function joinPath(dir: string, rel: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + rel : `${dir}/${rel}`;
}
