// Turns command-line paths into the files to read: files as given, directories searched for letters and
// globs expanded, both by the shared walker (server/src/node/walker.ts: no symlinked folders followed, each
// real file once). A path that yields nothing is reported, and the others still count.
import { stat } from 'node:fs/promises';
import { describeError } from '../node/errors';
import { letterExtensionList } from '../node/files';
import { findLetterFiles, isGlobPattern, matchFiles, UniqueFiles } from '../node/walker';
import { UsageError } from './usage';

export interface FailedInput {
  /** The path or pattern as given. */
  path: string;
  /** One line: why it gave no file. */
  reason: string;
  /** A glob pattern rather than a path: it names no one file. */
  pattern?: true;
}

export interface Inputs {
  files: string[];
  /** One per path that matched nothing or could not be looked at. */
  failures: FailedInput[];
}

export async function expandInputs(paths: readonly string[]): Promise<Inputs> {
  const files: string[] = [];
  const failures: FailedInput[] = [];
  // `a.txt`, `./a.txt`, a link to it and a directory holding it name one file: check it once, under the first name.
  const unique = new UniqueFiles();
  // An unset shell variable ("$LETTER"): nothing to name in a message, and no pattern to match.
  if (paths.includes('')) throw new UsageError('an empty argument was given where a path was expected.');
  for (const path of paths) {
    const kind = await pathKind(path);
    if (kind === 'file') {
      if (await unique.add(path)) files.push(path);
    } else if (kind === 'directory') {
      const found = await findLetterFiles([path], { unique });
      if (found.matched === 0) failures.push({ path, reason: `no ${letterExtensionList()} files in this directory` });
      files.push(...found.files);
    } else if (isGlobPattern(path)) {
      const found = await matchFiles(path, { unique });
      if (found.matched === 0) failures.push({ path, reason: 'no files match this pattern', pattern: true });
      files.push(...found.files);
    } else if (kind === 'missing') {
      failures.push({ path, reason: 'no such file or directory' });
    } else {
      failures.push({ path, reason: `cannot be read (${kind.error})` });
    }
  }
  return { files, failures };
}

type PathKind = 'file' | 'directory' | 'missing' | { error: string };

async function pathKind(path: string): Promise<PathKind> {
  try {
    const info = await stat(path);
    // Sockets, FIFOs and devices go to the reader, which says why it will not read them.
    return info.isDirectory() ? 'directory' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : { error: describeError(error) };
  }
}
