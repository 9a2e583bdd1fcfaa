// `imr check` and its configuration: bounded problem output, and the search for .imr.json stops at the
// working directory (issue 12.5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, lines, type CheckReport } from './helpers';
import { at } from '../support/elements';

/** A letter the parser cannot place: one IMR000 finding, an error when configured so. */
const UNKNOWN_LETTER = 'Dear Sir,\nThis is not a determination.\n';

function run(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
}

test('a .imr.json with 200,000 unknown keys is over the size cap: one warning line, defaults used', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'imr-keys-')));
  try {
    const rules: Record<string, number> = {};
    for (let i = 0; i < 200_000; i++) rules[`r${i}`] = 0;
    writeFileSync(join(dir, '.imr.json'), JSON.stringify({ rules }));
    writeFileSync(join(dir, 'a.txt'), UNKNOWN_LETTER);
    const result = run(dir, ['check', 'a.txt']);
    assert.equal(result.status, 0);
    assert.deepEqual(lines(result.stderr), [
      `imr: warning: ${join(dir, '.imr.json')}: larger than 1 MiB, so not read; default rule settings are used.`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a .imr.json with 50,000 unknown keys (under the cap): eleven warning lines, not 50,000', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'imr-keys-')));
  try {
    const rules: Record<string, number> = {};
    for (let i = 0; i < 50_000; i++) rules[`r${i}`] = 0;
    writeFileSync(join(dir, '.imr.json'), JSON.stringify({ rules }));
    writeFileSync(join(dir, 'a.txt'), UNKNOWN_LETTER);
    const result = run(dir, ['check', 'a.txt']);
    assert.equal(result.status, 0);
    const config = join(dir, '.imr.json');
    assert.deepEqual(lines(result.stderr), [
      ...Array.from(
        { length: 10 },
        (_, i) => `imr: warning: ${config}: rules.r${i}: no rule has this id or name; it is ignored.`,
      ),
      `imr: warning: ${config}: and 49990 more problems like these; those entries are ignored too.`,
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a .imr.json above the working directory never applies; one inside it does', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'imr-bound-')));
  try {
    writeFileSync(join(dir, '.imr.json'), '{ "rules": { "IMR000": "error" } }');
    const work = join(dir, 'work');
    mkdirSync(join(work, 'letters'), { recursive: true });
    writeFileSync(join(work, 'letters', 'a.txt'), UNKNOWN_LETTER);
    const outside = run(work, ['check', '--format', 'json', 'letters/a.txt']);
    assert.equal(outside.status, 0, outside.stderr);
    assert.deepEqual(
      at(JSON.parse(outside.stdout) as CheckReport, 0).findings.map((f) => f.severity),
      ['information'],
    );
    const inside = run(dir, ['check', '--format', 'json', 'work/letters/a.txt']);
    assert.equal(inside.status, 1, inside.stderr);
    assert.deepEqual(
      at(JSON.parse(inside.stdout) as CheckReport, 0).findings.map((f) => f.severity),
      ['error'],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
