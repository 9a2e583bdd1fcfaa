// CPU time of an `imr` run thread by thread, for the --jobs benchmark. On a machine shared with other work
// the wall clock says more about the neighbours than about --jobs; CPU time per thread does not. Linux
// only: the threads are read from /proc/<pid>/task/*/schedstat every 10 ms while the run lasts (a thread
// that ends between two reads loses at most those 10 ms). Elsewhere only the process total is known.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ROOT } from '../support/corpus';

export interface ThreadTimes {
  wall: number;
  /** user + system of the whole process (bash `time`), in ms. */
  cpu: number;
  /** CPU ms of each thread, busiest first; the JavaScript threads (main, workers) lead, V8's and libuv's helpers follow. */
  threads: number[];
}

const POLL_MS = 10;

/** The pid of bash's only child: the `node` that `time` runs. */
function childOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ')[0]) || undefined;
  } catch {
    return undefined;
  }
}

function readThreads(pid: number, into: Map<string, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      const [runNs = 0] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
      into.set(tid, runNs / 1e6);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
}

/** Runs `node dist/cli.js <args>` from the repo root, output discarded, with `env` added to this environment. */
export function timeThreads(args: string[], env: Record<string, string> = {}): Promise<ThreadTimes> {
  const perThread = new Map<string, number>();
  const canPoll = existsSync('/proc/self/task');
  const t0 = performance.now();
  // The arguments reach bash as its positional parameters, never as script text.
  const shell = spawn('bash', ['-c', `TIMEFORMAT='%U %S'; time node dist/cli.js "$@" >/dev/null`, 'bash', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  shell.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setInterval(() => {
    const node = shell.pid === undefined ? undefined : childOf(shell.pid);
    if (canPoll && node !== undefined) readThreads(node, perThread);
  }, POLL_MS);
  return new Promise((resolve) => {
    shell.on('close', () => {
      clearInterval(timer);
      const wall = performance.now() - t0;
      const [user = NaN, sys = NaN] = (stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
      resolve({ wall, cpu: (user + sys) * 1000, threads: [...perThread.values()].sort((a, b) => b - a) });
    });
  });
}

/**
 * What a run would take on `cores` idle cores, from its CPU times alone: at least its busiest thread, and at
 * least all its CPU shared out evenly. V8 compiles and collects garbage on helper threads, so even
 * `--jobs 1` keeps part of a second core busy; this counts that. Waits (for a helper, for a file) are not
 * seen, so it is an estimate, not a measurement.
 */
export function idleWallEstimate({ cpu, threads }: ThreadTimes, cores: number): number {
  return Math.max(threads[0] ?? 0, cpu / cores);
}
