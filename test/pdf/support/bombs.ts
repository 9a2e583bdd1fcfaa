// Decompression bombs for the tests of the stream limit: small PDFs whose content decodes to many MiB.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflate } from 'node:zlib';

export const MiB = 1024 * 1024;

/** Deflate of `mebibytes` MiB of spaces, made a MiB at a time so that this test holds little of it. */
export async function deflatedSpaces(mebibytes: number): Promise<Buffer> {
  const chunk = Buffer.alloc(MiB, 0x20);
  const parts: Buffer[] = [];
  const deflate = createDeflate({ level: 9 });
  deflate.on('data', (part: Buffer) => parts.push(part));
  await pipeline(
    Readable.from(
      (function* () {
        for (let k = 0; k < mebibytes; k++) yield chunk;
      })(),
    ),
    deflate,
  );
  return Buffer.concat(parts);
}

/** A one-page PDF whose page draws the Flate `streams` (objects 4, 5, …), joined. */
export function pdfWith(streams: Buffer[]): Buffer {
  const refs = streams.map((_, k) => `${k + 4} 0 R`).join(' ');
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << >> /Contents [${refs}] >>`),
    ...streams.map((stream) =>
      Buffer.concat([
        Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
        stream,
        Buffer.from('\nendstream'),
      ]),
    ),
  ];
  const header = Buffer.from('%PDF-1.4\n');
  const parts = [header];
  const offsets: number[] = [];
  let at = header.length;
  objects.forEach((body, k) => {
    const object = Buffer.concat([Buffer.from(`${k + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.push(at);
    parts.push(object);
    at += object.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ']
    .concat(offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `))
    .join('\n');
  const trailer = `\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref + trailer)]);
}
