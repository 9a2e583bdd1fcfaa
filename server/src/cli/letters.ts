// Reading and parsing one letter for the commands that only need the model (outline, export).
import { parse, type ImrDocument } from '../core';
import { describeError } from '../node/errors';
import { readLetter } from '../node/letterReader';
import type { FailedFile } from './results';

export const BINARY_REASON = 'looks binary, not a letter in text form; skipped';

/** The parser spots binary content; the commands treat it like an unreadable file: wrong input. */
export function isBinary(document: ImrDocument): boolean {
  return document.problems.some((p) => p.code === 'binary-content');
}

export async function loadLetter(file: string): Promise<{ file: string; document: ImrDocument } | FailedFile> {
  const read = await readLetter(file);
  if (!read.ok) return { file, reason: read.reason };
  try {
    const document = parse(read.text);
    return isBinary(document) ? { file, reason: BINARY_REASON } : { file, document };
  } catch (error) {
    return { file, reason: internalError(error) };
  }
}

export function internalError(error: unknown): string {
  return `could not be processed: internal error (${describeError(error)}); please report it`;
}
