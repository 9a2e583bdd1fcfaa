// Why a PDF gave no letter text. Its own module so that the loader can use it without pulling in pdfjs.
import { MAX_DECODED_STREAM_BYTES } from './streamLimit';

/** One line each, after the file's name (`letter.pdf: not a PDF file…`); never the letter's text. */
export const REASONS = {
  notPdf: 'not a PDF file (it does not start with %PDF-); skipped',
  damaged: 'damaged or truncated PDF; cannot be read',
  password: 'PDF needs a password to open; skipped (save a copy without a password to check it)',
  streamTooLarge: `a stream in this PDF decompresses to more than ${MAX_DECODED_STREAM_BYTES / 1024 / 1024} MiB; not read`,
  noText: 'has no text to read: a scanned image without a text layer? (OCR is not supported)',
} as const;
