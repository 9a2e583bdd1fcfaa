// Reads one letter from disk as text, or says in one line why it cannot.
import { readFile, stat } from 'node:fs/promises';
import { describeFailure } from './messages';

/** Letters are a few KiB; anything this large is not one, and reading it would only cost memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

export async function readLetter(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, reason: 'a directory, not a file' };
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (info.size > MAX_FILE_BYTES) return { ok: false, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; skipped` };
    return { ok: true, text: decode(await readFile(path)) };
  } catch (error) {
    return { ok: false, reason: `cannot be read (${describeFailure(error)})` };
  }
}

/** UTF-8 unless a byte-order mark says UTF-16 (Notepad's "Unicode"). The BOM is dropped, as editors do. */
export function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}
