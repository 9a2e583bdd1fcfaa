// `imr check` over folders the walker must not loop in (issue 12.1), and letters in UTF-16.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { CLI, FIXTURES, ROOT } from './helpers';

const LETTER = readFileSync(join(ROOT, FIXTURES, 'letters', 'two-items.txt'), 'utf8');

test('a folder with two symlink cycles: the command ends, and each letter is checked exactly once', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'imr-loop-')));
  try {
    writeFileSync(join(dir, '.imr.json'), '{}');
    mkdirSync(join(dir, 'loop', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'loop', 'a.txt'), LETTER);
    writeFileSync(
      join(dir, 'loop', 'sub', 'b.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(LETTER, 'utf16le')]),
    );
    symlinkSync('.', join(dir, 'loop', 'self'));
    symlinkSync('..', join(dir, 'loop', 'sub', 'up'));
    symlinkSync('a.txt', join(dir, 'loop', 'alias.txt'));
    // Before the fix this never ended: the timeout turns a hang into a failure.
    const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', 'loop', 'loop/**/*.txt'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.signal, null, 'the command ended by itself');
    assert.equal(run.stderr, '');
    const files = (JSON.parse(run.stdout) as { file: string; findings: { ruleId: string }[] }[]).map((r) => r.file);
    assert.deepEqual(files, ['loop/a.txt', 'loop/sub/b.txt']);
    const [utf8, utf16] = JSON.parse(run.stdout) as { findings: unknown[] }[];
    assert.deepEqual(utf16?.findings, utf8?.findings, 'the UTF-16 copy reads like the UTF-8 one');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
