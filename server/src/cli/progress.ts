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
  bar.start(total, 0);
  return {
    tick: () => bar.increment(),
    // Results and messages are written only after this, so the bar never garbles them.
    stop: () => bar.stop(),
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
  // Ctrl-C: the files in hand are finished (a --fix renames its new letter into place, leaving nothing behind),
  // then the command ends; a second Ctrl-C ends it at once.
  const interrupt = new AbortController();
  const onInterrupt = () => interrupt.abort();
  process.once('SIGINT', onInterrupt);
  try {
    return await runTasks(kind, tasks, jobs, failed, () => progress.tick(), interrupt.signal);
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    progress.stop();
    if (interrupt.signal.aborted) {
      process.stderr.write('imr: interrupted; the files not yet processed were left as they are\n');
      process.exit(130);
    }
  }
}
