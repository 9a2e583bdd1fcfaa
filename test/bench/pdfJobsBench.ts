// The --jobs part of `npm run bench`: `imr check --jobs 2` against `--jobs 1` over the corpus PDFs, and over a
// temporary folder of ten copies of them (1,170 files; copies, not links; removed afterwards).
//
// The target (">= 1.7x on this 2-core machine") is judged on the 1,170-file row: the issue asks that
// "a folder of thousands of PDFs uses every core", and on 117 files (about 2 s on one core) each thread's
// fixed cost (pdfjs's bundle load and JIT warm-up, paid again by every worker) is a large share of the run.
// The 117-file row is printed next to the same target so that this fixed cost stays visible.
//
// Wall time on a machine shared with other work says more about the neighbours than about --jobs, so each row
// also gives the ratio estimated for 2 idle cores from CPU times (threadTimes.ts). Neither figure is tuned:
// `--jobs 1` keeps part of a second core busy with V8's background compilation, and that is counted.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Row } from './benchServer';
import { idleWallEstimate, timeThreads, type ThreadTimes } from './threadTimes';
import { at } from '../support/elements';

const COPIES = 10;
const TARGET = 1.7;

const ms = (n: number) => `${n.toFixed(0)} ms`;

/** `wall (cpu total: busiest, next, helpers)`: the JavaScript threads by CPU, V8's and libuv's helpers summed. */
function cliTimes(times: ThreadTimes, jobs: number): string {
  const named = times.threads.slice(0, jobs);
  const helpers = times.threads.slice(jobs).reduce((sum, t) => sum + t, 0);
  const parts = named.map((t, k) => `${k === 0 ? 'busiest' : 'next'} ${t.toFixed(0)}`);
  const split = times.threads.length > 0 ? `: ${parts.join(', ')}, helpers ${helpers.toFixed(0)}` : '';
  return `${ms(times.wall)} (cpu ${ms(times.cpu)}${split})`;
}

/** The fastest of `runs` runs of `imr check --jobs N <dir>`: the least disturbed one. */
async function fastest(dir: string, jobs: number, runs: number): Promise<ThreadTimes> {
  const times: ThreadTimes[] = [];
  for (let k = 0; k < runs; k++) times.push(await timeThreads(['check', '--jobs', String(jobs), dir]));
  return at(
    times.sort((a, b) => a.wall - b.wall),
    0,
  );
}

async function compareJobs(row: Row, dir: string, files: number, runs: number): Promise<void> {
  const one = await fastest(dir, 1, runs);
  const two = await fastest(dir, 2, runs);
  row(`imr check <${files} PDFs> --jobs 1`, cliTimes(one, 1), '(info)', true);
  row(`imr check <${files} PDFs> --jobs 2`, cliTimes(two, 2), '(info)', true);
  const speedup = one.wall / two.wall;
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  row(`  --jobs 2 over --jobs 1, wall (load ${load})`, `${speedup.toFixed(2)}x`, `>= ${TARGET}x`, speedup >= TARGET);
  if (one.threads.length > 0 && two.threads.length > 0) {
    const estimate = idleWallEstimate(one, 2) / idleWallEstimate(two, 2);
    row('  estimate for 2 idle cores, from CPU times', `${estimate.toFixed(2)}x`, `>= ${TARGET}x`, estimate >= TARGET);
    // The most --jobs 2 could give if it added no work at all (no second warm-up): --jobs 1's CPU, all of
    // it, shared out over the 2 cores. --jobs 1 already keeps the second core partly busy (V8's compiler and
    // collector), so this is under 2x, and a target above it cannot be reached by spreading files.
    const ceiling = idleWallEstimate(one, 2) / (one.cpu / 2);
    row('  ceiling: --jobs 1 estimate over half its CPU', `${ceiling.toFixed(2)}x`, '(info)', true);
  }
}

/** `dir`'s PDFs copied `COPIES` times into a new temporary folder (one sub-folder per copy). */
function copiesOf(dir: string, names: readonly string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'imr-pdf-jobs-'));
  for (let k = 0; k < COPIES; k++) {
    const sub = join(root, `copy-${k}`);
    mkdirSync(sub);
    for (const name of names) copyFileSync(join(dir, name), join(sub, name));
  }
  return root;
}

/**
 * What a new thread pays before its steady pace: `imr check` of one PDF in a new process, CPU of all its
 * threads (best of 3), without the PDF bundle's code cache and with it (a cache folder of its own, filled by
 * a first run, removed after).
 */
async function fixedCost(row: Row, pdf: string): Promise<void> {
  const cache = mkdtempSync(join(tmpdir(), 'imr-code-cache-'));
  const leastCpu = async (env: Record<string, string>) => {
    const runs: ThreadTimes[] = [];
    for (let k = 0; k < 3; k++) runs.push(await timeThreads(['check', '--jobs', '1', pdf], env));
    return Math.min(...runs.map((t) => t.cpu));
  };
  try {
    const without = await leastCpu({ IMR_CACHE_DIR: '' });
    await timeThreads(['check', '--jobs', '1', pdf], { IMR_CACHE_DIR: cache });
    const withCache = await leastCpu({ IMR_CACHE_DIR: cache });
    row('imr check <1 PDF>, cpu: without, with code cache', `${ms(without)}, ${ms(withCache)}`, '(info)', true);
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

export async function jobsBenchmarks(row: Row, dir: string, names: readonly string[]): Promise<void> {
  const first = names[0];
  if (first !== undefined) await fixedCost(row, join(dir, first));
  await compareJobs(row, dir, names.length, 2);
  const copies = copiesOf(dir, names);
  try {
    // One run each: about 25 s together on an idle machine.
    await compareJobs(row, copies, names.length * COPIES, 1);
  } finally {
    rmSync(copies, { recursive: true, force: true });
  }
}
