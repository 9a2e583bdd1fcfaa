// Writes a command's result to stdout or to the --output file.
import { writeFile } from 'node:fs/promises';
import { describeError } from '../node/errors';
import type { Messages } from './messages';

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
