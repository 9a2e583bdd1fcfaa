// Writes a fixed letter back (`imr check --fix`) so that no moment leaves it half written and nothing written
// since it was read is lost. Written in place, a letter was truncated before its new bytes went in: Ctrl-C
// between the two left an empty file (issue 12). Here the new bytes go to a file beside it, which is then
// renamed over it, and only while the file still holds the bytes that were read.
import {
  accessSync,
  constants,
  chmodSync,
  chownSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { describeError } from './errors';
import { encodeLetter, type Encoding } from './letterReader';

/**
 * Replaces the letter at `path`, read as `before`, by `after` in the same encoding. A symbolic link stays one
 * (the file it names is replaced); mode and owner are kept. Resolves to undefined once written, or to one
 * line saying why the file was left as it is (`it changed after it was read; run again`): a file that
 * changed, is read-only, belongs to another user or has other hard links is not replaced.
 */
export async function replaceLetter(
  path: string,
  before: string,
  after: string,
  encoding: Encoding,
): Promise<string | undefined> {
  let target: string;
  let temporary: string | undefined;
  try {
    target = realpathSync(path);
    const info = statSync(target);
    // Renamed over, a file with other hard links would part from them.
    if (info.nlink > 1) return `it has ${info.nlink - 1} other hard link(s), which a rewrite would part from it`;
    // The folder may be writable when the file is not: a rename would override its read-only mark.
    accessSync(target, constants.W_OK);
    const uid = process.getuid?.();
    if (uid !== undefined && uid !== 0 && uid !== info.uid)
      return 'it belongs to another user, and a rewrite would make it yours';
    if (!readFileSync(target).equals(encodeLetter(before, encoding))) return 'it changed after it was read; run again';
    temporary = join(dirname(target), `.${basename(target)}.imr-fix-${process.pid}-${threadId}`);
    await writeFile(temporary, encodeLetter(after, encoding), { flag: 'wx', mode: 0o600 });
    chmodSync(temporary, info.mode & 0o7777);
    if (uid === 0) chownSync(temporary, info.uid, info.gid);
    renameSync(temporary, target);
    return undefined;
  } catch (error) {
    // Never another's file: one already there under the temporary name was not made by this write.
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (temporary !== undefined && code !== 'EEXIST') rmSync(temporary, { force: true });
    return `cannot be written (${describeError(error)})`;
  }
}
