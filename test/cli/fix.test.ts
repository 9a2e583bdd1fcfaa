// `imr check --fix`: safe fixes are written in place, nothing else in the file changes, and what is left
// is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, imr, ROOT } from './helpers';

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
    assert.deepEqual(JSON.parse(before.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId), ['IMR003']);
    const fixed = imr(['check', '--fix', '--format', 'json', file]);
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.deepEqual(JSON.parse(fixed.stdout)[0].findings, []);
    assert.equal(readFileSync(file, 'utf8'), LETTER);
  } finally {
    done();
  }
});

test('--fix keeps CRLF line endings and the UTF-8 byte-order mark', () => {
  const crlf = LETTER.replace(/\n/g, '\r\n');
  const broken = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf.replace(': Upheld\r\n', ': Uphold\r\n'), 'utf8')]);
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
    assert.deepEqual(JSON.parse(run.stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId), ['IMR004']);
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
