// Runs a pure function in a worker thread that is stopped after a time limit. A synchronous function that
// is quadratic on hostile input would block node:test's own timeout (a timer on the same thread): in a
// worker, the test fails with a clear message instead of hanging the suite. The limit is a safety net for
// regressions, far above the expected time, never a measurement (speed is measured in `npm run bench`).
import { Worker } from 'node:worker_threads';
import * as path from 'node:path';

// Generous: the machines that run the suite are shared, and a worker first compiles the core (about 1 s).
export const WORKER_LIMIT_MS = 30_000;

/** `exportName` of the module at `modulePath` (from the repo root) called with `args`; rejects past the limit. */
export function inWorker<T>(
  modulePath: string,
  exportName: string,
  args: unknown[],
  limitMs = WORKER_LIMIT_MS,
): Promise<T> {
  const worker = new Worker(path.join(__dirname, 'budget-worker.cjs'), {
    workerData: { modulePath: path.resolve(modulePath), exportName, args },
  });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`${exportName} did not finish within ${limitMs / 1000} s: is it quadratic again?`));
    }, limitMs);
    worker.once('message', (value: T) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(value);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
