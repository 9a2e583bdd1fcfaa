// The CLI over the real corpus: every decision exported, and `check` never fails to read a letter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import fg from 'fast-glob';
import type * as Sarif from 'sarif';
import { assertSarifShape, CORPUS, corpusAvailable, imr, lines, ROOT } from './helpers';
import { at } from '../support/elements';

/**
 * Decision words counted without the parser: a line ending in `: Upheld`/`: Overturned`, or a line that is
 * just the word after a line ending in `:` (format guide §5). Form feeds and blank lines are skipped.
 */
function decisionsByHand(text: string): string[] {
  const found: string[] = [];
  let previous = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\f/g, '').trim();
    if (!line) continue;
    const tail = /:\s*(Upheld|Overturned)$/.exec(line);
    if (tail) found.push(at(tail, 1));
    else if ((line === 'Upheld' || line === 'Overturned') && previous.endsWith(':')) found.push(line);
    previous = line;
  }
  return found;
}

test('export over dwc-2016/text: 247 items, the same decisions per letter as counted by hand', (t) => {
  if (!corpusAvailable(t)) return;
  const dir = join(CORPUS, 'dwc-2016', 'text');
  const run = imr(['export', '--format', 'json', dir]);
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stderr, '');
  const rows = JSON.parse(run.stdout) as { file: string; caseNumber: string; decision: string; index: number }[];
  assert.equal(rows.length, 247);
  const exported = new Map<string, string[]>();
  for (const row of rows) exported.set(basename(row.file), [...(exported.get(basename(row.file)) ?? []), row.decision]);
  const files = fg.sync('*.txt', { cwd: dir }).sort();
  assert.equal(files.length, 117);
  let total = 0;
  for (const file of files) {
    const expected = decisionsByHand(readFileSync(join(dir, file), 'utf8'));
    total += expected.length;
    assert.deepEqual(exported.get(file) ?? [], expected, file);
  }
  assert.equal(total, 247);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.decision, (counts.get(row.decision) ?? 0) + 1);
  assert.deepEqual(Object.fromEntries(counts), { Upheld: 214, Overturned: 33 });
  for (const row of rows) assert.equal(row.caseNumber, basename(row.file, '.txt'));
});

test('check over the whole corpus, PDFs too: exit 0 or 1, never 2; no progress bar in a pipe; valid SARIF', (t) => {
  if (!corpusAvailable(t)) return;
  const run = imr(['check', '--format', 'sarif', CORPUS]);
  assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
  assert.equal(run.stderr, '', 'nothing on stderr: no unreadable letter, no progress bar');
  const log = JSON.parse(run.stdout) as Sarif.Log;
  assertSarifShape(log);
  assert.equal(at(at(log.runs, 0).invocations, 0).executionSuccessful, true);
  const letters = fg.sync('**/*.{txt,imr,pdf}', { cwd: CORPUS });
  const prefix = relative(ROOT, CORPUS).split('\\').join('/') + '/';
  for (const result of at(log.runs, 0).results ?? []) {
    const uri = at(result.locations, 0).physicalLocation?.artifactLocation?.uri ?? '';
    assert.ok(uri.startsWith(prefix) && letters.includes(decodeURIComponent(uri.slice(prefix.length))), uri);
  }
  const text = imr(['check', CORPUS]);
  assert.equal(text.status, run.status);
  assert.match(lines(text.stdout).at(-1) ?? '', new RegExp(` in ${letters.length} files$`));
});
