// The most bytes one PDF stream may decode to, so that a small PDF whose stream inflates to gigabytes (a
// decompression bomb) costs bounded memory. pdfjs decodes a stream in one go, without yielding, so nothing
// can watch it from outside: scripts/build.mjs makes pdfjs's decoders call checkDecodedLength as they grow.
// No imports: the reasons (and so the CLI and the server) use it without pulling in pdfjs or zlib.

/**
 * The real letters' largest stream decodes to 0.2 MiB (a logo; their text streams to under 40 KiB), and the
 * largest PDF read is 64 MiB. A power of two: pdfjs's buffers grow by doubling, and are checked as they grow.
 */
export const MAX_DECODED_STREAM_BYTES = 64 * 1024 * 1024;

/** The message that marks the error: pdfjs hands a worker's error to its caller by message, not by class. */
const STREAM_TOO_LARGE = 'imr: a PDF stream decodes past MAX_DECODED_STREAM_BYTES';

export function streamTooLarge(): Error {
  return new Error(STREAM_TOO_LARGE);
}

export function checkDecodedLength(length: number): void {
  if (length > MAX_DECODED_STREAM_BYTES) throw streamTooLarge();
}

export function isStreamTooLarge(error: unknown): boolean {
  return error instanceof Error && error.message.includes(STREAM_TOO_LARGE);
}
