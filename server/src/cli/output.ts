// Writes a command's result to stdout or to the --output file.
import { writeFile } from 'node:fs/promises';
import { describeError } from '../node/errors';
import type { Messages } from './messages';

/** Resolves to an error message, or undefined when written. */
export async function writeOutput(text: string, file: string | undefined): Promise<string | undefined> {
  if (file === undefined) {
    process.stdout.write(text);
    return undefined;
  }
  try {
    await writeFile(file, text, 'utf8');
    return undefined;
  } catch (error) {
    return `${file}: cannot write the output (${describeError(error)})`;
  }
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
