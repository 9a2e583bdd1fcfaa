// Writing a fixed letter back (`imr check --fix`): never half a letter, never over a change made since the read.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  closeSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceLetter } from '../../server/src/node/letterWriter';

const BEFORE = 'Labs to include: EKG: Uphold\r\n';
const AFTER = 'Labs to include: EKG: Upheld\r\n';

describe('replaceLetter', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'imr-write-'));
    file = join(dir, 'letter.txt');
    writeFileSync(file, BEFORE, { mode: 0o640 });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the new text goes to a new file renamed over the letter: the old file is never truncated', async () => {
    // Written in place, the file was emptied before its new bytes went in: an interrupt between left it empty.
    const old = openSync(file, 'r');
    try {
      assert.equal(await replaceLetter(file, BEFORE, AFTER, 'utf-8'), undefined);
      const bytes = Buffer.alloc(64);
      const read = readSync(old, bytes, 0, bytes.length, 0);
      assert.equal(bytes.toString('utf8', 0, read), BEFORE);
    } finally {
      closeSync(old);
    }
    assert.equal(readFileSync(file, 'utf8'), AFTER);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['letter.txt']);
  });

  test('a file changed after it was read is left as it is', async () => {
    writeFileSync(file, `${BEFORE}A line typed meanwhile\r\n`);
    assert.equal(await replaceLetter(file, BEFORE, AFTER, 'utf-8'), 'it changed after it was read; run again');
    assert.equal(readFileSync(file, 'utf8'), `${BEFORE}A line typed meanwhile\r\n`);
    assert.deepEqual(readdirSync(dir), ['letter.txt']);
  });

  test('through a symbolic link the file it names is replaced, and the link stays a link', async () => {
    const link = join(dir, 'link.txt');
    symlinkSync('letter.txt', link);
    assert.equal(await replaceLetter(link, BEFORE, AFTER, 'utf-8'), undefined);
    assert.equal(lstatSync(link).isSymbolicLink(), true);
    assert.equal(readFileSync(file, 'utf8'), AFTER);
  });

  test('a file with another hard link is left as it is', async () => {
    linkSync(file, join(dir, 'other.txt'));
    assert.equal(
      await replaceLetter(file, BEFORE, AFTER, 'utf-8'),
      'it has 1 other hard link(s), which a rewrite would part from it',
    );
    assert.equal(readFileSync(join(dir, 'other.txt'), 'utf8'), BEFORE);
  });

  test('the encoding it was read in is written back (UTF-16 BE with its byte-order mark)', async () => {
    const utf16be = (text: string) => Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
    writeFileSync(file, utf16be(BEFORE));
    assert.equal(await replaceLetter(file, BEFORE, AFTER, 'utf-16be'), undefined);
    assert.deepEqual(readFileSync(file), utf16be(AFTER));
  });

  test('a path that cannot be read: one line, nothing left behind', async () => {
    assert.equal(
      await replaceLetter(join(dir, 'gone.txt'), BEFORE, AFTER, 'utf-8'),
      'cannot be written (no such file or directory, ENOENT)',
    );
    assert.deepEqual(readdirSync(dir), ['letter.txt']);
  });
});
