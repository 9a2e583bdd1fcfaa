// The shared letter reader: UTF-8 with or without a BOM, UTF-16 LE/BE with a BOM, undecodable bytes named.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeLetter, encodeLetter, firstInvalidUtf8, readLetter } from '../../server/src/node/letterReader';

const TEXT = 'Case Number: CM16-0000001\r\nRéviewer’s note\n';

function utf16be(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

describe('decodeLetter', () => {
  test('each encoding decodes to the same text, BOM dropped, encoding named', () => {
    const cases: [Buffer, string][] = [
      [Buffer.from(TEXT, 'utf8'), 'utf-8'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]), 'utf-8-bom'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), 'utf-16be'],
    ];
    for (const [bytes, encoding] of cases) {
      assert.deepEqual(decodeLetter(bytes), { ok: true, text: TEXT, encoding }, encoding);
      assert.deepEqual(encodeLetter(TEXT, encoding as never), bytes, `${encoding} round trip`);
    }
  });

  test('Windows-1252 bytes: text with U+FFFD, and where the first bad byte is', () => {
    const bytes = Buffer.from([0x61, 0x62, 0x92, 0x73, 0x20, 0xe9, 0x0a]);
    const read = decodeLetter(bytes);
    assert.equal(read.text, 'ab\ufffds \ufffd\n');
    assert.equal(read.encoding, 'utf-8');
    assert.equal(read.unwritable, 'byte 0x92 at offset 2 is not UTF-8 (Windows-1252 or Latin-1 text?)');
  });

  test('an odd-length UTF-16 file is flagged', () => {
    const read = decodeLetter(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62]));
    assert.match(read.unwritable ?? '', /^it is not valid UTF-16 LE/);
  });

  test('firstInvalidUtf8: overlong, surrogate, truncated and out-of-range sequences', () => {
    assert.equal(firstInvalidUtf8(Buffer.from('aé€😀', 'utf8')), Buffer.byteLength('aé€😀'));
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80])), 1); // overlong NUL
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0xed, 0xa0, 0x80])), 2); // a surrogate
    assert.equal(firstInvalidUtf8(Buffer.from([0xe2, 0x82])), 0); // cut short
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0xf4, 0x90, 0x80, 0x80])), 1); // above U+10FFFF
    assert.equal(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0x63, 0x80])), 3); // a lone continuation byte
  });
});

describe('readLetter', () => {
  test('reads a UTF-16 file; says in one line why a directory, a missing or an oversized file is not read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-read-'));
    try {
      const file = join(dir, 'a.txt');
      writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]));
      assert.deepEqual(await readLetter(file), { ok: true, text: TEXT, encoding: 'utf-16le' });
      mkdirSync(join(dir, 'folder.txt'));
      assert.deepEqual(await readLetter(join(dir, 'folder.txt')), {
        ok: false,
        kind: 'directory',
        reason: 'a directory, not a file',
      });
      assert.deepEqual(await readLetter(join(dir, 'none.txt')), {
        ok: false,
        kind: 'missing',
        reason: 'cannot be read (no such file or directory, ENOENT)',
      });
      const big = join(dir, 'big.txt');
      writeFileSync(big, '');
      truncateSync(big, 2049);
      assert.deepEqual(await readLetter(big, { maxBytes: 2048 }), {
        ok: false,
        kind: 'too-large',
        reason: 'larger than 2048 bytes; skipped',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
