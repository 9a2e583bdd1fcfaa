// Spreads per-file work over this thread and N - 1 worker threads (`--jobs N`) and returns the results in input order, so that
// output never depends on which thread finished first. Workers run this same bundle (dist/cli.js): the
// commands register their per-file task by name, and main.ts starts serveTasks() instead of the command
// line inside a worker. Small runs of text letters stay in this thread, where a worker's start-up
// (loading the bundle) would cost more than it saves; PDFs, at tens of milliseconds each, always spread.
// Threads take one file at a time, largest first, so that no thread is left with a large file while the
// others have finished.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { isPdfFileName } from '../node/pdf';
import { describeError } from '../node/errors';
import { UsageError } from './usage';

/** Below this many text letters (and no PDF), one thread is faster than starting workers. */
export const TEXT_FILES_WORTH_THREADS = 100;

type Task = { file: string };
type Runner = (task: Task) => Promise<unknown>;
const runners = new Map<string, Runner>();

interface WorkerRequest {
  index: number;
  name: string;
  task: Task;
}
type WorkerReply = { index: number; result: unknown } | { index: number; failure: string };

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

/** `--jobs`: a positive whole number; the number of cores when absent. */
export function parseJobs(value: string | undefined, command: string): number {
  if (value === undefined) return availableParallelism();
  if (!/^[1-9]\d{0,3}$/.test(value))
    throw new UsageError(`--jobs must be a whole number from 1 (got '${value}'). See 'imr ${command} --help'.`);
  return Number(value);
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
  return !isMainThread && (workerData as { imrTasks?: boolean } | undefined)?.imrTasks === true;
}

/** Inside a worker: run each task the main thread sends, one at a time, and send back its result. */
export function serveTasks(): void {
  parentPort?.on('message', (request: WorkerRequest) => {
    const runner = runners.get(request.name);
    const reply = (message: WorkerReply) => parentPort?.postMessage(message);
    if (!runner) return reply({ index: request.index, failure: `unknown task ${request.name}` });
    runner(request.task).then(
      (result) => reply({ index: request.index, result }),
      (error: unknown) => reply({ index: request.index, failure: describeError(error) }),
    );
  });
}

/**
 * Runs the named task over every input, on up to `jobs` threads. `onFailure` turns a task that threw or a
 * worker that died (with a one-line reason) into that input's result, so one bad file never stops the others. `onDone` ticks progress.
 */
export async function runTasks<T extends Task, R>(
  { name, run: runner }: TaskKind<T, R>,
  tasks: readonly T[],
  jobs: number,
  onFailure: (task: T, reason: string) => R,
  onDone: () => void = () => {},
): Promise<R[]> {
  const threads = Math.min(jobs, tasks.length);
  const worthThreads = tasks.some((t) => isPdfFileName(t.file)) || tasks.length >= TEXT_FILES_WORTH_THREADS;
  // Workers need the bundle: from source (unit tests under tsx) everything runs here.
  if (threads <= 1 || !worthThreads || !__filename.endsWith('.js')) {
    const results: R[] = [];
    for (const task of tasks) {
      results.push(await runner(task).catch((error: unknown) => onFailure(task, describeError(error))));
      onDone();
    }
    return results;
  }
  const order = largestFirst(tasks.map((task) => fileSize(task.file)));
  // The next task to hand out (by `order`), and its index in `tasks`, or undefined when none is left.
  let next = 0;
  const take = (): number | undefined => order[next++];
  return new Promise<R[]>((resolve) => {
    const results = new Array<R>(tasks.length);
    let finished = 0;
    const settle = (index: number, result: R) => {
      results[index] = result;
      onDone();
      if (++finished === tasks.length) resolve(results);
    };
    const start = () => {
      const worker = new Worker(__filename, { workerData: { imrTasks: true } });
      // The one task this worker has in hand: it is given the next only when it replies.
      let current: { index: number; task: T } | undefined;
      const feed = () => {
        const index = take();
        const task = index === undefined ? undefined : tasks[index];
        if (index === undefined || task === undefined) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = { index, task };
        worker.postMessage({ index: current.index, name, task } satisfies WorkerRequest);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (current)
          settle(current.index, 'failure' in reply ? onFailure(current.task, reply.failure) : (reply.result as R));
        feed();
      });
      // A worker that dies takes only its current file with it; a fresh one carries on with the rest.
      worker.on('error', (error) => {
        if (current) settle(current.index, onFailure(current.task, describeError(error)));
        current = undefined;
        if (next < order.length) start();
      });
      feed();
    };
    // This thread is one of the `jobs`: one PDF bundle fewer to load than with a worker in its place.
    const runHere = async () => {
      for (let index = take(); index !== undefined; index = take()) {
        const task = tasks[index];
        if (task === undefined) continue;
        settle(index, await runner(task).catch((error: unknown) => onFailure(task, describeError(error))));
      }
    };
    for (let k = 1; k < threads; k++) start();
    void runHere();
  });
}
