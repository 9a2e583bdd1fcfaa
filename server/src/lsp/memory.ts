// Keeps the server's memory near what it really holds when a very large document is open (the target is
// 150 MB with a 10 MiB document). V8 grows its heap freely and collects late, so reading, parsing and
// answering for a 10 MiB text leaves tens of megabytes of garbage standing on top of the live data.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Texts at least this long (characters) are collected after, so their garbage does not pile up. */
export const LARGE_TEXT = 2_000_000;

let collect: (() => void) | undefined;

/** Call once at startup: exposes V8's collector to this process only (not to user code; there is none). */
export function enableExplicitCollection(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  } catch {
    collect = undefined;
  }
}

/** Collects now when `size` is large; a no-op for ordinary letters. */
export function collectAfterLargeWork(size: number): void {
  if (size >= LARGE_TEXT) collect?.();
}
