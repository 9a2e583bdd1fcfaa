// Spreads per-file work over this thread and N - 1 worker threads (`--jobs N`) and returns the results in input order, so that
// output never depends on which thread finished first. Workers run this same bundle (dist/cli.js): the
// commands register their per-file task by name, and main.ts starts serveTasks() instead of the command
// line inside a worker. Small runs of text letters stay in this thread, where a worker's start-up
// (loading the bundle) would cost more than it saves; PDFs, at tens of milliseconds each, always spread.
// Threads take one file at a time, largest first, so that no thread is left with a large file while the
// others have finished. They take it from a counter they share (Atomics), never by asking this thread: this
// thread reads files too, and a worker that waited for it to get round to a reply would sit idle for up to
// one file's time per file (--jobs 2 on 1,170 PDFs: 10.0 s of CPU in this thread, 7.8 s in the worker).
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isPdfFileName } from '../node/files';
import { describeError } from '../node/errors';
import { UsageError } from './usage';

/** Below this many text letters (and no PDF), one thread is faster than starting workers. */
export const TEXT_FILES_WORTH_THREADS = 100;

type Task = { file: string };
type Runner = (task: Task) => Promise<unknown>;
const runners = new Map<string, Runner>();

/** What a worker is started with: the whole run, so that it takes its next file without asking this thread. */
interface WorkerJob {
  imrTasks: true;
  name: string;
  tasks: readonly Task[];
  /** The order to take `tasks` in (indices into `tasks`). */
  order: readonly number[];
  /** Int32 [next position in `order`, then per worker slot: the index of the task in hand, -1 when none]. */
  shared: SharedArrayBuffer;
  slot: number;
}
type WorkerReply = { index: number; result: unknown } | { index: number; failure: string };

const NEXT = 0;
const IDLE = -1;

/** A per-file task, runnable here or in a worker. */
export interface TaskKind<T extends Task, R> {
  name: string;
  run: (task: T) => Promise<R>;
}

/** Makes a per-file task runnable in workers. Its input and result must survive structured cloning. */
export function registerTask<T extends Task, R>(name: string, run: (task: T) => Promise<R>): TaskKind<T, R> {
  runners.set(name, run as Runner);
  return { name, run };
}

/**
 * The most threads `--jobs` starts: each loads the bundle (about 12 MB), and past the cores none is faster.
 * `--jobs 200` over 5,000 letters took 2.5 GB and 9 s (1.3 s with the default); 9999 would exhaust memory.
 */
export function maxJobs(): number {
  return Math.max(availableParallelism(), 16);
}

/** `--jobs`: a positive whole number, at most maxJobs(); the number of cores when absent. */
export function parseJobs(value: string | undefined, command: string): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d{0,3}$/.test(value))
    throw new UsageError(`--jobs must be a whole number from 1 (got '${value}'). See 'imr ${command} --help'.`);
  return Math.min(Number(value), maxJobs());
}

/** The order to hand tasks out in: largest file first (a file that cannot be looked at counts as empty), ties in input order. */
export function largestFirst(sizes: readonly number[]): number[] {
  return sizes.map((_, index) => index).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

export function isWorkerThread(): boolean {
  return !isMainThread && (workerData as Partial<WorkerJob> | undefined)?.imrTasks === true;
}

/**
 * Inside a worker: take the next task from the shared counter, run it, send back its result, until none is
 * left. Taking needs no reply from the main thread, which is busy with files of its own: waiting on it
 * would leave this thread idle for up to a file's time on every file.
 */
export async function serveTasks(): Promise<void> {
  const { name, tasks, order, shared, slot } = workerData as WorkerJob;
  const runner = runners.get(name);
  const counters = new Int32Array(shared);
  const reply = (message: WorkerReply) => parentPort?.postMessage(message);
  for (let at = Atomics.add(counters, NEXT, 1); at < order.length; at = Atomics.add(counters, NEXT, 1)) {
    const index = order[at] ?? 0;
    const task = tasks[index];
    if (task === undefined) continue;
    Atomics.store(counters, slot, index);
    if (!runner) reply({ index, failure: `unknown task ${name}` });
    else
      await runner(task).then(
        (result) => reply({ index, result }),
        (error: unknown) => reply({ index, failure: describeError(error) }),
      );
    Atomics.store(counters, slot, IDLE);
  }
}

/**
 * Runs the named task over every input, on up to `jobs` threads. `onFailure` turns a task that threw or a
 * worker that died (with a one-line reason) into that input's result, so one bad file never stops the others. `onDone` ticks progress.
 * Once `stop` aborts, no thread starts another task: the results end early (fewer than the tasks, or failures).
 */
export async function runTasks<T extends Task, R>(
  { name, run: runner }: TaskKind<T, R>,
  tasks: readonly T[],
  jobs: number,
  onFailure: (task: T, reason: string) => R,
  onDone: () => void = () => {},
  stop?: AbortSignal,
): Promise<R[]> {
  const threads = Math.min(jobs, tasks.length);
  const worthThreads = tasks.some((t) => isPdfFileName(t.file)) || tasks.length >= TEXT_FILES_WORTH_THREADS;
  // Workers need the bundle: from source (unit tests under tsx) everything runs here.
  if (threads <= 1 || !worthThreads || !__filename.endsWith('.js')) {
    const results: R[] = [];
    for (const task of tasks) {
      if (stop?.aborted) break;
      results.push(await runner(task).catch((error: unknown) => onFailure(task, describeError(error))));
      onDone();
    }
    return results;
  }
  const order = largestFirst(tasks.map((task) => fileSize(task.file)));
  // Every thread takes its next task from one shared counter (the main thread's slot is unused).
  const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (threads + 1));
  const counters = new Int32Array(shared).fill(IDLE);
  counters[NEXT] = 0;
  // Stopped: no thread takes another task; those in hand finish, and the ones never taken fail.
  stop?.addEventListener('abort', () => Atomics.store(counters, NEXT, order.length));
  const take = (): number | undefined => {
    const at = Atomics.add(counters, NEXT, 1);
    return at < order.length ? order[at] : undefined;
  };
  return new Promise<R[]>((resolve) => {
    const results = new Array<R>(tasks.length);
    const settled = new Array<boolean>(tasks.length).fill(false);
    let finished = 0;
    const settle = (index: number, result: R) => {
      if (settled[index]) return;
      settled[index] = true;
      results[index] = result;
      onDone();
      if (++finished === tasks.length) resolve(results);
    };
    // Threads still running. When none is left, a task that none of them settled (a worker that died between
    // taking it and marking it in hand) fails instead of leaving the run waiting for ever.
    let running = threads;
    const stopped = () => {
      if (--running > 0) return;
      tasks.forEach((task, index) => settle(index, onFailure(task, 'not processed: its thread stopped')));
    };
    const start = (slot: number) => {
      const job: WorkerJob = { imrTasks: true, name, tasks, order, shared, slot };
      const worker = new Worker(__filename, { workerData: job });
      worker.on('exit', stopped);
      worker.on('message', (reply: WorkerReply) => {
        const task = tasks[reply.index];
        if (task) settle(reply.index, 'failure' in reply ? onFailure(task, reply.failure) : (reply.result as R));
      });
      // A worker that dies takes only the file in its hands with it; a fresh one carries on with the rest.
      worker.on('error', (error) => {
        const index = Atomics.exchange(counters, slot, IDLE);
        const task = tasks[index];
        if (task) settle(index, onFailure(task, describeError(error)));
        if (Atomics.load(counters, NEXT) < order.length) {
          running++;
          start(slot);
        }
      });
    };
    // This thread is one of the `jobs`: one PDF bundle fewer to load than with a worker in its place.
    const runHere = async () => {
      for (let index = take(); index !== undefined; index = take()) {
        const task = tasks[index];
        if (task === undefined) continue;
        settle(index, await runner(task).catch((error: unknown) => onFailure(task, describeError(error))));
      }
      stopped();
    };
    for (let k = 1; k < threads; k++) start(k);
    void runHere();
  });
}
