// `imr check --fix`: safe fixes are written in place, nothing else in the file changes, and what is left
// is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, FIXTURES, imr, ROOT, type CheckReport } from './helpers';
import { at } from '../support/elements';

const LETTER = readFileSync(join(ROOT, FIXTURES, 'letters', 'two-items.txt'), 'utf8');

function inTemp(name: string, content: string | Buffer): { file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'imr-fix-'));
  // An empty config, so that no .imr.json above the temp folder changes the rules.
  writeFileSync(join(dir, '.imr.json'), '{}');
  const file = join(dir, name);
  writeFileSync(file, content);
  return { file, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('--fix rewrites a safe misspelling (Uphold -> Upheld) and nothing else; exit 0', () => {
  const broken = LETTER.replace('Labs to include: EKG: Upheld', 'Labs to include: EKG: Uphold');
  assert.notEqual(broken, LETTER);
  const { file, done } = inTemp('letter.txt', broken);
  try {
    const before = imr(['check', '--format', 'json', file]);
    assert.equal(before.status, 1);
    assert.deepEqual(
      at(JSON.parse(before.stdout) as CheckReport, 0).findings.map((f) => f.ruleId),
      ['IMR003'],
    );
    const fixed = imr(['check', '--fix', '--format', 'json', file]);
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.deepEqual(at(JSON.parse(fixed.stdout) as CheckReport, 0).findings, []);
    assert.equal(readFileSync(file, 'utf8'), LETTER);
  } finally {
    done();
  }
});

test('--fix keeps CRLF line endings and the UTF-8 byte-order mark', () => {
  const crlf = LETTER.replace(/\n/g, '\r\n');
  const broken = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(crlf.replace(': Upheld\r\n', ': Uphold\r\n'), 'utf8'),
  ]);
  const { file, done } = inTemp('letter.txt', broken);
  try {
    assert.equal(imr(['check', '--fix', file]).status, 0);
    const after = readFileSync(file);
    assert.deepEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal(after.subarray(3).toString('utf8'), crlf);
  } finally {
    done();
  }
});

test('--fix leaves an unsafe finding (a contradicted decision) in place, reports it, exit 1', () => {
  const contradicted = LETTER.replace('#30: Overturned', '#30: Upheld');
  const { file, done } = inTemp('letter.txt', contradicted);
  try {
    const run = imr(['check', '--fix', '--format', 'json', file]);
    assert.equal(run.status, 1);
    assert.deepEqual(
      at(JSON.parse(run.stdout) as CheckReport, 0).findings.map((f) => f.ruleId),
      ['IMR004'],
    );
    assert.equal(readFileSync(file, 'utf8'), contradicted);
  } finally {
    done();
  }
});

test('without --fix the file is never written', () => {
  const broken = LETTER.replace('Labs to include: EKG: Upheld', 'Labs to include: EKG: Uphold');
  const { file, done } = inTemp('letter.txt', broken);
  try {
    assert.equal(imr(['check', file]).status, 1);
    assert.equal(readFileSync(file, 'utf8'), broken);
  } finally {
    done();
  }
});

/** The letter with a safe fix to make (Uphold), as bytes, with `bad` bytes put into the summary text. */
function fixableWith(bad: number[]): Buffer {
  const broken = LETTER.replace('Labs to include: EKG: Upheld', 'Labs to include: EKG: Uphold');
  const at = broken.indexOf('Labs to include');
  return Buffer.concat([
    Buffer.from(broken.slice(0, at), 'utf8'),
    Buffer.from(bad),
    Buffer.from(broken.slice(at), 'utf8'),
  ]);
}

for (const [name, bad, first] of [
  ['Windows-1252 bytes (0x92, 0xE9)', [0x92, 0x20, 0xe9, 0x20], '0x92'],
  ['invalid UTF-8 (a cut-short sequence, an overlong one)', [0xe2, 0x82, 0x20, 0xc0, 0x80, 0x20], '0xE2'],
] as const) {
  test(`--fix refuses to rewrite a file with ${name}: one warning, the bytes unchanged, the file still checked`, () => {
    const bytes = fixableWith([...bad]);
    const { file, done } = inTemp('letter.txt', bytes);
    try {
      const run = imr(['check', '--fix', '--format', 'json', file]);
      assert.equal(run.status, 1, run.stderr);
      const offset = bytes.indexOf(Buffer.from([bad[0]]));
      assert.equal(
        run.stderr,
        `imr: warning: ${file}: not fixed: byte ${first} at offset ${offset} is not UTF-8 (Windows-1252 or Latin-1 text?), and rewriting it would change those bytes\n`,
      );
      assert.deepEqual(
        at(JSON.parse(run.stdout) as CheckReport, 0).findings.map((f) => f.ruleId),
        ['IMR003'],
      );
      assert.deepEqual(readFileSync(file), bytes);
    } finally {
      done();
    }
  });
}

test('--fix writes a UTF-16 LE letter back as UTF-16 LE, byte-order mark included', () => {
  const broken = LETTER.replace('Labs to include: EKG: Upheld', 'Labs to include: EKG: Uphold');
  const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const { file, done } = inTemp('letter.txt', utf16(broken));
  try {
    const run = imr(['check', '--fix', '--format', 'json', file]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(at(JSON.parse(run.stdout) as CheckReport, 0).findings, []);
    assert.deepEqual(readFileSync(file), utf16(LETTER));
  } finally {
    done();
  }
});

/** Makes `file` unwritable for this process: read-only, or for root (whom that does not stop) immutable. */
function makeUnwritable(file: string): { reason: string; undo: () => void } | { skip: string } {
  if (process.getuid?.() !== 0) {
    chmodSync(file, 0o444);
    return { reason: 'permission denied, EACCES', undo: () => chmodSync(file, 0o644) };
  }
  const made = spawnSync('chattr', ['+i', file]);
  if (made.status !== 0) return { skip: 'running as root, and chattr +i is not available to make a file unwritable' };
  return { reason: 'operation not permitted, EPERM', undo: () => spawnSync('chattr', ['-i', file]) };
}

test('--fix on a file it cannot write: one warning, the findings still reported, the file unchanged', (t) => {
  const broken = LETTER.replace('Labs to include: EKG: Upheld', 'Labs to include: EKG: Uphold');
  const { file, done } = inTemp('letter.txt', broken);
  const unwritable = makeUnwritable(file);
  try {
    if ('skip' in unwritable) return t.skip(unwritable.skip);
    const run = imr(['check', '--fix', '--format', 'json', file]);
    assert.equal(run.stderr, `imr: warning: ${file}: not fixed: cannot be written (${unwritable.reason})\n`);
    assert.equal(run.status, 1);
    assert.deepEqual(
      at(JSON.parse(run.stdout) as CheckReport, 0).findings.map((f) => [f.ruleId, f.range]),
      [['IMR003', { start: { line: 11, character: 22 }, end: { line: 11, character: 28 } }]],
    );
    assert.equal(readFileSync(file, 'utf8'), broken);
  } finally {
    if (!('skip' in unwritable)) unwritable.undo();
    done();
  }
});

test('Ctrl-C during --fix: the letters in hand are finished, exit code 130, no letter half written, nothing left behind', async () => {
  const broken = LETTER.replace('Labs to include: EKG: Upheld', 'Labs to include: EKG: Uphold');
  const dir = mkdtempSync(join(tmpdir(), 'imr-fix-int-'));
  try {
    writeFileSync(join(dir, '.imr.json'), '{}');
    const names = Array.from({ length: 600 }, (_, k) => `letter-${k}.txt`);
    for (const name of names) writeFileSync(join(dir, name), broken);
    const child = spawn(process.execPath, [CLI, 'check', '--fix', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<[number | null, string | null]>((resolve) =>
      child.on('close', (code, signal) => resolve([code, signal])),
    );
    // The first letter written (its new file created beside it) means the run is under way: interrupt it then.
    const watcher = watch(dir, () => {
      watcher.close();
      child.kill('SIGINT');
    });
    assert.deepEqual(await exited, [130, null]);
    assert.equal(stderr, 'imr: interrupted; the files not yet processed were left as they are\n');
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.includes('imr-fix')),
      [],
    );
    const contents = names.map((name) => readFileSync(join(dir, name), 'utf8'));
    assert.deepEqual(
      contents.filter((text) => text !== broken && text !== LETTER),
      [],
    );
    assert.ok(contents.includes(broken), 'some letters were never reached');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
