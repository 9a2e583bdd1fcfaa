// The shared directory walker: symlink cycles never loop or repeat, links to files count once, one ignore list.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findLetterFiles, isUnder, matchFiles, UniqueFiles } from '../../server/src/node/walker';

/** A folder with the two cycles of issue 12 (`self -> .`, `sub/up -> ..`), a link to a letter and ignored folders. */
export function loopFolder(): { dir: string; done: () => void } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'imr-walk-')));
  mkdirSync(join(dir, 'sub'));
  mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'notes.txt')); // a folder with a letter's extension is not a letter
  writeFileSync(join(dir, 'a.txt'), 'A');
  writeFileSync(join(dir, 'sub', 'b.imr'), 'B');
  writeFileSync(join(dir, 'sub', 'c.docx'), 'not a letter extension');
  writeFileSync(join(dir, 'node_modules', 'pkg', 'readme.txt'), 'ignored');
  writeFileSync(join(dir, '.git', 'notes.txt'), 'ignored');
  symlinkSync('.', join(dir, 'self'));
  symlinkSync('..', join(dir, 'sub', 'up'));
  symlinkSync('a.txt', join(dir, 'link.txt'));
  symlinkSync('missing.txt', join(dir, 'dangling.txt'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A walk's `cancelled` check, called once per entry read: past `max` entries (the loop folder has about a dozen)
 * it stops the walk, so that a walker that followed a cycle fails these tests with `truncated: true` instead of
 * running until memory runs out.
 */
function entryBudget(max = 1000): () => boolean {
  let seen = 0;
  return () => ++seen > max;
}

describe('findLetterFiles', () => {
  test('two symlink cycles: the walk ends, each real letter once, ignored folders skipped', async () => {
    const { dir, done } = loopFolder();
    try {
      const found = await findLetterFiles([dir], { cancelled: entryBudget() });
      assert.deepEqual(found, { files: [`${dir}/a.txt`, `${dir}/sub/b.imr`], matched: 3, truncated: false });
    } finally {
      done();
    }
  });

  test('a link to a file counts when its target is not walked; its target found later is not repeated', async () => {
    const { dir, done } = loopFolder();
    try {
      const other = join(dir, 'other');
      mkdirSync(other);
      symlinkSync(join(dir, 'a.txt'), join(other, 'alias.txt'));
      const unique = new UniqueFiles();
      const first = await findLetterFiles([other], { unique, cancelled: entryBudget() });
      assert.deepEqual([first.files, first.truncated], [[`${other}/alias.txt`], false]);
      const second = await findLetterFiles([dir], { unique, cancelled: entryBudget() });
      assert.deepEqual([second.files, second.truncated], [[`${dir}/sub/b.imr`], false]);
    } finally {
      done();
    }
  });

  test('maxFiles truncates; cancelled stops', async () => {
    const { dir, done } = loopFolder();
    try {
      assert.deepEqual(await findLetterFiles([dir], { maxFiles: 1 }), {
        files: [`${dir}/a.txt`],
        matched: 1,
        truncated: true,
      });
      assert.deepEqual(await findLetterFiles([dir], { cancelled: () => true }), {
        files: [],
        matched: 0,
        truncated: true,
      });
    } finally {
      done();
    }
  });

  test('a root that does not exist gives nothing and does not reject', async () => {
    assert.deepEqual(await findLetterFiles([join(tmpdir(), 'imr-no-such-folder-xyz')]), {
      files: [],
      matched: 0,
      truncated: false,
    });
  });
});

describe('matchFiles and isUnder', () => {
  test('a glob through the cycle folder lists each real file once', async () => {
    const { dir, done } = loopFolder();
    try {
      const found = await matchFiles(`${dir}/**/*.txt`, { cancelled: entryBudget() });
      assert.deepEqual(found, { files: [`${dir}/a.txt`], matched: 2, truncated: false });
    } finally {
      done();
    }
  });

  test('isUnder: inside, the root itself, a sibling with a shared prefix, a name starting with two dots', () => {
    assert.equal(isUnder('/w/a/b.txt', ['/w/a']), true);
    assert.equal(isUnder('/w/a', ['/w/a']), true);
    assert.equal(isUnder('/w/ab/c.txt', ['/w/a']), false);
    assert.equal(isUnder('/w/a/..x/c.txt', ['/w/a']), true);
    assert.equal(isUnder('/w/c.txt', ['/w/a']), false);
  });
});
