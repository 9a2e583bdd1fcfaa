// A decompression bomb: a small PDF whose content stream decodes to hundreds of MiB. `imr check` names it in
// one line and goes on with the other files, and its memory stays bounded: every stream stops decoding at
// MAX_DECODED_STREAM_BYTES (64 MiB; without that, the 256 MiB bomb below took 0.6 GB). Runs dist/cli.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { MAX_DECODED_STREAM_BYTES } from '../../server/src/node/pdf/streamLimit';
import { deflatedSpaces, MiB, pdfWith } from '../pdf/support/bombs';
import { FIXTURES, imr, lines, ROOT } from './helpers';

const TOO_LARGE = 'a stream in this PDF decompresses to more than 64 MiB; not read';

async function inTempDir(run: (dir: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'imr-pdf-bomb-'));
  try {
    await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function write(file: string, bytes: Buffer): Promise<void> {
  const out = createWriteStream(file);
  out.end(bytes);
  await once(out, 'close');
}

test('the limit is 64 MiB, as the reason says', () => {
  assert.equal(MAX_DECODED_STREAM_BYTES, 64 * MiB);
});

test('a 256 MiB Flate bomb: one line naming it, the other file checked, exit 2, peak memory under 400 MB', async () => {
  await inTempDir(async (dir) => {
    const bomb = join(dir, 'bomb.pdf');
    await write(bomb, pdfWith([await deflatedSpaces(256)]));
    const rssFile = join(dir, 'max-rss');
    const letter = `${FIXTURES}/letters/two-items.txt`;
    const run = imr(['check', '-f', 'json', bomb, letter], {
      NODE_OPTIONS: `--require ${resolve(ROOT, 'test/pdf/support/report-max-rss.cjs')}`,
      IMR_MAX_RSS_FILE: rssFile,
    });
    assert.deepEqual(lines(run.stderr), [`imr: ${bomb}: ${TOO_LARGE}`]);
    assert.equal(run.status, 2);
    assert.deepEqual(
      (JSON.parse(run.stdout) as { file: string }[]).map((r) => r.file),
      [letter],
    );
    const peakMB = (Number(await readFile(rssFile, 'utf8')) * 1024) / 1e6;
    assert.ok(peakMB > 0 && peakMB < 400, `peak memory ${peakMB.toFixed(0)} MB`);
  });
});

test('a page of 100 streams of 1 MiB each: stopped where pdfjs joins them, past 64 MiB', async () => {
  await inTempDir(async (dir) => {
    const bomb = join(dir, 'joined.pdf');
    await write(bomb, pdfWith(Array<Buffer>(100).fill(deflateSync(Buffer.alloc(MiB, 0x20)))));
    const run = imr(['check', bomb]);
    assert.deepEqual(lines(run.stderr), [`imr: ${bomb}: ${TOO_LARGE}`]);
    assert.equal(run.status, 2);
  });
});
