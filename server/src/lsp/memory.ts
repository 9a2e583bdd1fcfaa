// Keeps the server's memory near what it really holds when a very large document is open (the target is
// 150 MB with a 10 MiB document). V8 grows its heap freely and collects late, so reading, parsing and
// answering for a 10 MiB text leaves tens of megabytes of garbage standing on top of the live data.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Texts at least this long (characters) are collected after, so their garbage does not pile up. */
export const LARGE_TEXT = 2_000_000;

let collect: (() => void) | undefined;
let youngGenerationHeld = false;

/** Call once at startup: exposes V8's collector to this process only (not to user code; there is none). */
export function enableExplicitCollection(): void {
  try {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
    // Back to its default (gc stays ours): V8 checks a code cache against the flags, and the server bundle's
    // (serverEntry.ts) is read before this runs.
    v8.setFlagsFromString('--no-expose-gc');
  } catch {
    collect = undefined;
  }
}

/**
 * While a large document is open, keeps V8's young generation at the size it has. Building a large model
 * makes many objects survive the scavenges, which V8 reads as a reason to double the young generation up to
 * its limit (16 MiB per semi-space, 32+ MiB committed), pages it then keeps: held, the survivors move to the
 * old generation sooner: with a 10 MiB document, most of the ~22 MB taken off the peak RSS. Held from the
 * header of a large message (messageReader.ts: its text alone would grow it), then while a large document
 * is open (analysis.ts): for ordinary letters the larger young generation is faster (fewer scavenges). A
 * no-op unless `enableExplicitCollection` ran (the server, not the tests or the CLI).
 */
export function holdYoungGeneration(hold: boolean): void {
  if (!collect || hold === youngGenerationHeld) return;
  try {
    // Read each time the young generation would grow, unlike --max-semi-space-size (fixed at startup).
    // 2 is V8's default.
    v8.setFlagsFromString(`--semi-space-growth-factor=${hold ? 1 : 2}`);
    youngGenerationHeld = hold;
  } catch {
    // Unknown to this V8: nothing held.
  }
}

/** Collects now; a no-op unless `enableExplicitCollection` ran. For after large work only: it takes milliseconds. */
export function collectNow(): void {
  collect?.();
}

/** Collects now when `size` is large; a no-op for ordinary letters. */
export function collectAfterLargeWork(size: number): void {
  if (size >= LARGE_TEXT) collectNow();
}
