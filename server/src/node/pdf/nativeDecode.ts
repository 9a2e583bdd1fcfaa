// zlib's decoders for pdfjs's worker (a build-time cut in scripts/build.mjs), stopped at the stream limit.
import { brotliDecompressSync, inflateSync } from 'node:zlib';
import { MAX_DECODED_STREAM_BYTES, streamTooLarge } from './streamLimit';

const DECODERS: Record<string, typeof inflateSync | undefined> = { deflate: inflateSync, brotli: brotliDecompressSync };

/**
 * A stream's bytes decoded, or null when zlib cannot decode them (pdfjs's own decoder then tries, itself
 * stopped at the limit), or undefined for a format zlib does not decode here. Throws past the limit.
 */
export function decodeNatively(format: string, bytes: Uint8Array): Uint8Array | null | undefined {
  const decode = DECODERS[format];
  if (decode === undefined) return undefined;
  try {
    const out = decode(bytes, { maxOutputLength: MAX_DECODED_STREAM_BYTES });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw streamTooLarge();
    return null;
  }
}
