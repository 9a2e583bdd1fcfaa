// Reads one letter from disk as text, or says in one line why it cannot.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { describeFailure } from './messages';

/** Letters are a few KiB; anything this large is not one, and reading it would only cost memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** How the file was stored, so `--fix` can write it back the same way. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export type ReadResult = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };

export async function readLetter(path: string): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, reason: 'a directory, not a file' };
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (info.size > MAX_FILE_BYTES) return { ok: false, reason: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; skipped` };
    const bytes = await readFile(path);
    return { ok: true, text: decode(bytes), encoding: encodingOf(bytes) };
  } catch (error) {
    return { ok: false, reason: `cannot be read (${describeFailure(error)})` };
  }
}

export function encodingOf(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : 'utf-8';
}

/** Writes a letter back in its own encoding (UTF-8, with its byte-order mark if it had one). */
export async function writeLetter(path: string, text: string, encoding: 'utf-8' | 'utf-8-bom'): Promise<void> {
  await writeFile(path, (encoding === 'utf-8-bom' ? '\ufeff' : '') + text, 'utf8');
}

/** UTF-8 unless a byte-order mark says UTF-16 (Notepad's "Unicode"). The BOM is dropped, as editors do. */
export function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}
