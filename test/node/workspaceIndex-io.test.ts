// The workspace index reads and walks through the shared node/ reader and walker: a UTF-16 letter is
// indexed like a UTF-8 one, and a folder with symlink cycles is indexed once per real file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';

const LETTER = readFileSync(join(__dirname, '..', 'cli', 'fixtures', 'letters', 'two-items.txt'), 'utf8');

test('UTF-16 LE and BE letters are indexed; symlink cycles and a link to a letter add nothing', async () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'imr-index-')));
  try {
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), LETTER);
    writeFileSync(join(dir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LETTER, 'utf16le')]));
    writeFileSync(
      join(dir, 'sub', 'be.imr'),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(LETTER, 'utf16le').swap16()]),
    );
    symlinkSync('.', join(dir, 'self'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    symlinkSync('a.txt', join(dir, 'z-alias.txt'));
    const index = new WorkspaceIndex();
    const stats = await index.rebuild([dir]);
    assert.equal(stats.files, 3);
    const uris = [...index.all()].map((e) => e.uri).sort();
    assert.deepEqual(
      uris,
      ['a.txt', 'le.txt', 'sub/be.imr'].map((f) => pathToFileURL(join(dir, f)).href),
    );
    const items = (file: string) =>
      index.get(pathToFileURL(join(dir, file)).href)?.letters[0]?.items.map((i) => i.name);
    assert.ok((items('a.txt')?.length ?? 0) > 0, 'the UTF-8 letter has items');
    assert.deepEqual(items('le.txt'), items('a.txt'));
    assert.deepEqual(items('sub/be.imr'), items('a.txt'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a build reports its progress: 0 of M before the first file, then every M/20 files, in order', async () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'imr-index-')));
  try {
    for (let i = 0; i < 45; i++) writeFileSync(join(dir, `letter-${String(i).padStart(2, '0')}.txt`), LETTER);
    const reports: { done: number; total: number }[] = [];
    const index = new WorkspaceIndex({ onProgress: (p) => reports.push(p) });
    const stats = await index.rebuild([dir]);
    assert.equal(stats.letters, 45);
    // 45 files in steps of ceil(45 / 20) = 3.
    assert.deepEqual(
      reports,
      Array.from({ length: 15 }, (_, k) => ({ done: 3 * k, total: 45 })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a PDF is extracted again only when its size or mtime changes (issue 9: cached by modification time)', async () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'imr-index-')));
  try {
    const pdf = join(dir, 'typed.pdf');
    const bytes = readFileSync(join(__dirname, '..', 'fixtures', 'pdf', 'two-items.pdf'));
    const seconds = 1_700_000_000; // whole seconds: the mtime set back below is then exactly the same
    writeFileSync(pdf, bytes);
    utimesSync(pdf, seconds, seconds);
    const index = new WorkspaceIndex();
    const items = () => [...index.all()].flatMap((e) => e.letters.flatMap((l) => l.items.map((i) => i.name)));
    await index.rebuild([dir]);
    const typed = ['Labs to include: EKG', 'Lidocaine 5% patch, "as needed", #30'];
    assert.deepEqual(items(), typed);
    // Other bytes of the same size under the same mtime: the cached extraction stands, the file is not read.
    writeFileSync(pdf, Buffer.alloc(bytes.length, 0x20));
    utimesSync(pdf, seconds, seconds);
    await index.fileChanged(pdf);
    assert.deepEqual(items(), typed);
    // A new mtime: read again, and the blank file is no letter.
    utimesSync(pdf, seconds + 5, seconds + 5);
    await index.fileChanged(pdf);
    assert.deepEqual(items(), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
