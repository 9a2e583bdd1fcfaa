// Issue 10's first-use figures, each on a fresh server process (the median of several, as a user meets
// them once per window): the server's cold start, from spawn to the `initialize` answer, and opening a
// letter until its outline is shown, from `didOpen` to the `documentSymbol` answer, right after start.
// The server keeps V8's code cache of its bundle in a cache folder (server/src/serverEntry.ts): the bench
// gives it an empty one, so that its first start is the one after an install or update (an info row), and
// the others are the starts users meet every day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bareNodeStart, median, now, Server, type Row } from './benchServer';
import { at } from '../support/elements';

const RUNS = 7;

interface Start {
  start: number;
  outline: number;
}

/** Starts a server, opens `letter` and waits for its outline; the two times. */
async function startAndOpen(letter: string, run: number, cacheDir: string): Promise<Start> {
  const t0 = now();
  const server = await Server.start({ env: { IMR_CACHE_DIR: cacheDir } });
  const start = now() - t0;
  try {
    const uri = `file:///bench/first-open-${run}.txt`;
    const t1 = now();
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr', version: 1, text: letter },
    });
    const symbols = await server.request<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri } });
    const outline = now() - t1;
    if (!symbols?.length) throw new Error('bench: the letter opened on a fresh server has no outline');
    return { start, outline };
  } finally {
    await server.stop();
  }
}

export async function startupBenchmarks(texts: string[], row: Row): Promise<void> {
  const letter = at(
    [...texts].sort((a, b) => a.length - b.length),
    texts.length >> 1,
  );
  const cacheDir = mkdtempSync(join(tmpdir(), 'imr-bench-cache-'));
  const runs: Start[] = [];
  let first: Start;
  try {
    // The first start writes the code cache (on shutdown at the latest), which the others read.
    first = await startAndOpen(letter, 0, cacheDir);
    for (let run = 1; run <= RUNS; run++) runs.push(await startAndOpen(letter, run, cacheDir));
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const starts = runs.map((r) => r.start);
  const outlines = runs.map((r) => r.outline);
  const start = median(starts);
  row('server cold start (spawn → initialize)', `${start.toFixed(0)} ms`, '<= 150 ms', start <= 150);
  row(`  slowest of ${RUNS}`, `${Math.max(...starts).toFixed(0)} ms`, '(info)', true);
  row('  first start, without the code cache', `${first.start.toFixed(0)} ms`, '(info)', true);
  row('  the floor: node alone (spawn → exit of -e 0)', `${(await bareNodeStart(RUNS)).toFixed(0)} ms`, '(info)', true);
  const outline = median(outlines);
  const size = `${(letter.length / 1024).toFixed(1)} KiB`;
  row(`open a letter → outline (${size}, fresh server)`, `${outline.toFixed(0)} ms`, '<= 300 ms', outline <= 300);
  row(`  slowest of ${RUNS}`, `${Math.max(...outlines).toFixed(0)} ms`, '(info)', true);
  row('  on the first start, without the code cache', `${first.outline.toFixed(0)} ms`, '(info)', true);
}
