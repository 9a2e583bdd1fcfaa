// pdfjs's worker inflates streams with zlib's inflateSync (a build-time cut in scripts/build.mjs), not through
// a web DecompressionStream, and reads the same text. The encrypted fixture's streams are the ones pdfjs
// inflates natively (a plain PDF's small streams it decodes in JavaScript). Reads through dist/pdf.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { readPdfFile } from '../../server/src/node/pdf';

test('the encrypted fixture is inflated without a DecompressionStream and reads as its letter', async () => {
  const Native = globalThis.DecompressionStream;
  let made = 0;
  globalThis.DecompressionStream = class Counted extends Native {
    constructor(format: ConstructorParameters<typeof Native>[0]) {
      super(format);
      made++;
    }
  };
  try {
    const read = await readPdfFile('test/fixtures/pdf/two-items-aes.pdf');
    assert.ok(read.ok, read.ok ? '' : read.reason);
    assert.deepEqual(
      parse(read.pdf.text).items.map((i) => [i.text.text, i.decision?.value]),
      [
        ['Labs to include: EKG', 'Upheld'],
        ['Lidocaine 5% patch, "as needed", #30', 'Overturned'],
      ],
    );
  } finally {
    globalThis.DecompressionStream = Native;
  }
  assert.equal(made, 0);
});
