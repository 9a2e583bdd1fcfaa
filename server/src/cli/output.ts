// Writes a command's result to stdout or to the --output file.
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { describeError } from '../node/errors';
import type { Messages } from './messages';
import { UsageError } from './usage';

/** Resolves to an error message, or undefined when written. */
export async function writeOutput(text: string, file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return writeStdout(text);
  try {
    await writeFile(file, text, 'utf8');
    return undefined;
  } catch (error) {
    return `${file}: cannot write the output (${describeError(error)})`;
  }
}

/**
 * Resolves once stdout has taken `text`, to an error message if it could not (a full disk): the report would
 * be lost without a word. A reader that went away (`imr check … | head -1`) wanted no more: no error.
 */
function writeStdout(text: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    process.stdout.write(text, (error?: NodeJS.ErrnoException | null) => {
      const failed = error && error.code !== 'EPIPE';
      resolve(failed ? `stdout: cannot write the output (${describeError(error)})` : undefined);
    });
  });
}

/** Writes `text` (stdout, or the --output `file`), then the command's messages, a failure to write among them. */
export async function writeOutputAndMessages(
  text: string,
  file: string | undefined,
  messages: Messages,
): Promise<void> {
  const writeError = await writeOutput(text, file);
  if (writeError) messages.error(writeError);
  messages.flush();
}

/**
 * `--output` naming a letter that is read (`imr check letter.txt -o letter.txt`, under any name or link) would
 * replace the letter with the report: a usage error before anything is read.
 */
export function refuseOutputOverInput(output: string | undefined, files: readonly string[]): void {
  const target = output === undefined ? undefined : fileIdentity(output);
  if (target === undefined) return;
  const input = files.find((file) => fileIdentity(file) === target);
  if (input !== undefined)
    throw new UsageError(`--output ${output} is the letter ${input}: the report would replace it.`);
}

/** Device and inode: one file under every name, link or hard link. Undefined when it does not exist. */
function fileIdentity(file: string): string | undefined {
  try {
    const info = statSync(file);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}
