// Reads a PDF letter as text for the CLI and the language server. pdfjs is large and slow to load, so it
// lives in its own bundle (dist/pdf.js, built from ./bundle.ts) that is required only when the first PDF
// is read: activating the extension or checking text letters never loads it. Never throws.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type * as PdfBundleModule from './bundle';
import { codeCacheDir, loadWithCodeCache, type CachedLoad } from '../codeCache';
import type { PdfOutcome } from './engine';
import { REASONS } from './reasons';

export type { PdfLineOrigin, PdfText } from './layout';
export type { PdfOutcome } from './engine';
export { REASONS as PDF_PROBLEMS } from './reasons';

/** Determination PDFs are a few hundred KiB; beyond this a file is not one. */
export const MAX_PDF_BYTES = 64 * 1024 * 1024;

/** What dist/pdf.js exports: a type-only import, so that nothing of it enters the caller's bundle. */
type PdfBundle = typeof PdfBundleModule;

let bundle: CachedLoad<PdfBundle> | undefined;

/** True once the PDF bundle has been loaded into this process (tests check activation does not). */
export function isPdfBundleLoaded(): boolean {
  return bundle !== undefined;
}

/**
 * dist/pdf.js beside the running bundle (dist/cli.js, dist/server.js), or the repo's dist/ when this
 * file runs from source (tests under tsx, after `npm run build`).
 */
export function pdfBundlePath(): string {
  const beside = path.join(__dirname, 'pdf.js');
  return existsSync(beside) ? beside : path.resolve(__dirname, '../../../../dist/pdf.js');
}

function loadBundle(): CachedLoad<PdfBundle> {
  // Loaded from its file at run time (a bundler does not follow it), so pdfjs stays out of the caller's
  // bundle; with V8's code cache (./codeCache.ts), so that a new process or worker compiles it faster.
  bundle ??= loadWithCodeCache<PdfBundle>(pdfBundlePath(), codeCacheDir());
  return bundle;
}

/** The text of a PDF's bytes, or a one-line reason it has none (the caller names the file). */
export async function readPdfBytes(bytes: Uint8Array): Promise<PdfOutcome> {
  let engine: CachedLoad<PdfBundle>;
  try {
    engine = loadBundle();
  } catch {
    return { ok: false, reason: 'cannot be read: the PDF reader (dist/pdf.js) is missing; reinstall or rebuild' };
  }
  let outcome: PdfOutcome;
  try {
    outcome = await engine.exports.extractPdf(bytes);
  } catch {
    return { ok: false, reason: REASONS.damaged };
  }
  // After a whole PDF, the functions it took are compiled and go into the cache.
  if (outcome.ok) engine.save();
  return outcome;
}

export async function readPdfFile(file: string): Promise<PdfOutcome> {
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return { ok: false, reason: 'not a regular file' };
    if (info.size > MAX_PDF_BYTES)
      return { ok: false, reason: `larger than ${MAX_PDF_BYTES / 1024 / 1024} MiB; skipped` };
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return { ok: false, reason: `cannot be read (${typeof code === 'string' ? code : 'error'})` };
  }
  return readPdfBytes(bytes);
}
