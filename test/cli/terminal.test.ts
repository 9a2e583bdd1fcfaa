// What `imr` prints is one line per finding, message or outline node, whatever a letter or a file name holds:
// control characters (an escape sequence, a line break) are printed as escapes, never sent to the terminal
// (issue 12). And a report that cannot be written is an error, except to a reader that stopped reading.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, FIXTURES, imr, lines, ROOT } from './helpers';

const LETTER = readFileSync(join(ROOT, FIXTURES, 'letters', 'two-items.txt'), 'utf8');
/** The first item's name hides what follows it at a terminal (ESC [ 8 m) and rings its bell. */
const HOSTILE = LETTER.replace('Labs to include: EKG: Upheld', 'Labs \u001b[8m to include\u0007: EKG: Uphold');

function inTemp(name: string, content: string): { dir: string; file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'imr-print-'));
  writeFileSync(join(dir, '.imr.json'), '{}');
  const file = join(dir, name);
  writeFileSync(file, content);
  return { dir, file, done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('check: an escape sequence in a letter and a line break in its name are printed as escapes', () => {
  const { dir, done } = inTemp('new\nline.txt', HOSTILE);
  try {
    const run = spawnSync(process.execPath, [CLI, 'check', 'new\nline.txt', 'gone\u001b[2J.txt'], {
      cwd: dir,
      encoding: 'utf8',
    });
    assert.deepEqual(lines(run.stdout), [
      'new\\nline.txt:12:29  error  Item 1 "Labs \\x1b[8m to include\\x07: EKG" has the decision "Uphold"; a decision must be Upheld or Overturned (did you mean Upheld?).  IMR003/invalid-decision',
      '1 error, 0 warnings, 0 infos in 1 file',
    ]);
    assert.equal(run.stderr, 'imr: gone\\x1b[2J.txt: no such file or directory\n');
    assert.equal(run.status, 2);
  } finally {
    done();
  }
});

test('outline: an escape sequence in an item name is printed as an escape', () => {
  const { file, done } = inTemp('letter.txt', HOSTILE);
  try {
    const run = imr(['outline', file]);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(
      lines(run.stdout).filter((line) => line.includes('Labs')),
      ['12    Labs \\x1b[8m to include\\x07: EKG — "Uphold" · no medical evidence cited'],
    );
  } finally {
    done();
  }
});

test("an empty argument (an unset shell variable) is a usage error, not 'internal error'", () => {
  const run = imr(['check', '']);
  assert.equal(run.stderr, 'imr: an empty argument was given where a path was expected.\n');
  assert.equal(run.stdout, '');
  assert.equal(run.status, 2);
});

test('a report stdout cannot take (a full disk) is an error: one line, exit code 2', (t) => {
  if (!existsSync('/dev/full')) return t.skip('no /dev/full on this system');
  const full = openSync('/dev/full', 'w');
  try {
    const run = spawnSync(process.execPath, [CLI, 'check', join(FIXTURES, 'letters', 'two-items.txt')], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', full, 'pipe'],
    });
    assert.equal(run.stderr, 'imr: stdout: cannot write the output (no space left on the device, ENOSPC)\n');
    assert.equal(run.status, 2);
  } finally {
    closeSync(full);
  }
});

test('a reader that stopped reading (| head) is no error: the exit code still says what was found', async () => {
  const { file, done } = inTemp('letter.txt', HOSTILE);
  try {
    const child = spawn(process.execPath, [CLI, 'check', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before the command has started, so that its one write meets a pipe with no reader.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr, '');
    assert.equal(status, 1);
  } finally {
    done();
  }
});

test('--output naming a letter that is read (under any name) is a usage error, and the letter is kept', () => {
  const { dir, done } = inTemp('letter.txt', LETTER);
  try {
    symlinkSync('letter.txt', join(dir, 'link.txt'));
    const runs = [
      ['check', 'letter.txt', '-o', 'letter.txt'],
      ['check', '.', '--output', './link.txt'],
      ['export', 'letter.txt', '--format', 'csv', '-o', 'letter.txt'],
      ['outline', './letter.txt', '-o', 'link.txt'],
    ].map((args) => spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8' }));
    assert.deepEqual(
      runs.map((run) => [run.status, run.stderr, run.stdout]),
      [
        [2, 'imr: --output letter.txt is the letter letter.txt: the report would replace it.\n', ''],
        [2, 'imr: --output ./link.txt is the letter ./letter.txt: the report would replace it.\n', ''],
        [2, 'imr: --output letter.txt is the letter letter.txt: the report would replace it.\n', ''],
        [2, 'imr: --output link.txt is the letter ./letter.txt: the report would replace it.\n', ''],
      ],
    );
    assert.equal(readFileSync(join(dir, 'letter.txt'), 'utf8'), LETTER);
  } finally {
    done();
  }
});
