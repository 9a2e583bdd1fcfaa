// A progress bar on stderr for long runs at a terminal (never in pipes or CI, where it would be noise), and the
// commands' per-file runs it counts.
import { SingleBar } from 'cli-progress';
import { runTasks, type TaskKind } from './jobs';
import type { FailedFile } from './results';

/** Fewer files than this finish before a bar would be worth drawing. */
export const PROGRESS_THRESHOLD = 20;

export interface Progress {
  tick(): void;
  stop(): void;
}

const NONE: Progress = { tick() {}, stop() {} };

export function startProgress(total: number): Progress {
  const ci = process.env.CI !== undefined && process.env.CI !== '' && process.env.CI !== 'false';
  if (total <= PROGRESS_THRESHOLD || !process.stderr.isTTY || ci) return NONE;
  const bar = new SingleBar({
    stream: process.stderr,
    format: 'imr [{bar}] {value}/{total} files',
    clearOnComplete: true,
    hideCursor: true,
  });
  // Ctrl-C mid-run: give the terminal its cursor back before leaving.
  const interrupted = () => {
    bar.stop();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    // Results and messages are written only after this, so the bar never garbles them.
    stop: () => {
      process.removeListener('SIGINT', interrupted);
      bar.stop();
    },
  };
}

/**
 * Runs a command's per-file `kind` over `tasks` on `jobs` threads (jobs.ts) with a progress bar; a task that
 * throws, or whose thread dies, is `could not be processed (why)`. Results in input order.
 */
export async function runWithProgress<T extends { file: string }, R>(
  kind: TaskKind<T, R | FailedFile>,
  tasks: readonly T[],
  jobs: number,
): Promise<(R | FailedFile)[]> {
  const progress = startProgress(tasks.length);
  const failed = ({ file }: T, reason: string): FailedFile => ({ file, reason: `could not be processed (${reason})` });
  try {
    return await runTasks(kind, tasks, jobs, failed, () => progress.tick());
  } finally {
    progress.stop();
  }
}
