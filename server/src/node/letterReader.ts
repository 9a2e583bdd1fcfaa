// The one reader of letter files, for the CLI and the server: bytes to text, or one line saying why not.
// Text letters are UTF-8 (with or without a byte-order mark) or, with a byte-order mark, UTF-16 LE/BE
// (Notepad's "Unicode"). Bytes that are not valid in that encoding come back as U+FFFD, and the result says
// where the first one was (`unwritable`), so that a writer refuses to put back text that would lose them.
// Readers are chosen by extension (READERS), so that a format that needs an asynchronous reader can join.
// Text is read with synchronous calls behind the asynchronous API: a letter is a few KiB, read in tens of
// microseconds, where the thread-pool round trips of fs/promises cost 20 times as much (2,000 letters: 1.2 s
// against 0.05 s on two cores). Callers that must stay responsive (the workspace index) yield between files.
import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { extname } from 'node:path';
import { describeError } from './errors';
import { PDF_EXTENSION } from './files';
import { readPdfBytes } from './pdf';

/** Letters are a few KiB; anything this large is not one, and reading it would only cost memory. */
export const DEFAULT_MAX_LETTER_BYTES = 64 * 1024 * 1024;

/** How the file was stored, so that `--fix` can write it back the same way; a PDF's text cannot be. */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'pdf';

export interface LetterText {
  ok: true;
  text: string;
  encoding: Encoding;
  /**
   * Set when writing `text` back would not give the same bytes, e.g. bytes not valid in `encoding` (read
   * as U+FFFD): why, in one line. A file with this set is checked but never rewritten.
   */
  unwritable?: string;
}

export type ReadFailureKind = 'missing' | 'directory' | 'not-a-file' | 'too-large' | 'unreadable';

export interface ReadFailure {
  ok: false;
  kind: ReadFailureKind;
  /** One line, no letter text: `larger than 64 MiB; skipped`. */
  reason: string;
}

export interface ReadOptions {
  maxBytes?: number;
}

type Reader = (path: string, bytes: number, options: ReadOptions) => Promise<LetterText | ReadFailure>;

/** Readers by lower-case extension; anything else is read as text. */
const READERS: Record<string, Reader> = { [PDF_EXTENSION]: readPdfLetter };

/** Never throws or rejects. */
export async function readLetter(path: string, options: ReadOptions = {}): Promise<LetterText | ReadFailure> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LETTER_BYTES;
  try {
    const info = statSync(path);
    if (info.isDirectory()) return failure('directory', 'a directory, not a file');
    // FIFOs, sockets and devices: opening one could block, or never end.
    if (!info.isFile()) return failure('not-a-file', 'not a regular file');
    if (info.size > maxBytes) return failure('too-large', `larger than ${formatBytes(maxBytes)}; skipped`);
    const ext = extname(path).toLowerCase();
    const reader = (Object.hasOwn(READERS, ext) && READERS[ext]) || readText;
    return await reader(path, info.size, options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return failure(code === 'ENOENT' ? 'missing' : 'unreadable', `cannot be read (${describeError(error)})`);
  }
}

async function readText(path: string): Promise<LetterText> {
  return decodeLetter(readFileSync(path));
}

/** A PDF's text as pdftotext -layout would give it (./pdf loads pdfjs on the first call). */
async function readPdfLetter(path: string): Promise<LetterText | ReadFailure> {
  const read = await readPdfBytes(await readFile(path));
  return read.ok ? { ok: true, text: read.pdf.text, encoding: 'pdf' } : failure('unreadable', read.reason);
}

function failure(kind: ReadFailureKind, reason: string): ReadFailure {
  return { ok: false, kind, reason };
}

function formatBytes(bytes: number): string {
  const mib = bytes / 1024 / 1024;
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}

export function encodingOf(bytes: Uint8Array): Encoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 'utf-8-bom' : 'utf-8';
}

/** Bytes to text, dropping the byte-order mark as editors do. */
export function decodeLetter(bytes: Uint8Array): LetterText {
  const encoding = encodingOf(bytes);
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const body = bytes.subarray(2);
    try {
      return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding };
    } catch {
      const text = new TextDecoder(encoding).decode(body);
      return {
        ok: true,
        text,
        encoding,
        unwritable: `it is not valid ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} (an odd length or a lone surrogate)`,
      };
    }
  }
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(encoding === 'utf-8-bom' ? 3 : 0);
  const text = body.toString('utf8');
  if (isUtf8(body)) return { ok: true, text, encoding };
  const at = firstInvalidUtf8(body);
  const offset = at + (encoding === 'utf-8-bom' ? 3 : 0);
  const byte = bytes[offset] ?? 0;
  return {
    ok: true,
    text,
    encoding,
    unwritable: `byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset} is not UTF-8 (Windows-1252 or Latin-1 text?)`,
  };
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. Linear. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number; // the smallest second byte allowed (overlongs and surrogates excluded)
    let max = 0xbf;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** The bytes of `text` in `encoding`, byte-order mark included when the encoding has one. */
export function encodeLetter(text: string, encoding: Encoding): Buffer {
  if (encoding === 'pdf') throw new Error('text read from a PDF cannot be written back into it');
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return encoding === 'utf-16le' ? le : le.swap16();
}
