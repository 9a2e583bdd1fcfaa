// Long work in the server (the workspace index, Check All Letters) runs in slices, yielding to the event loop
// between them so that requests are answered meanwhile.

export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A check to await between units of work: it yields once more than `sliceMs` has passed since the last yield,
 * or since its first call: not since it was made, at the server's start, where reading the clock first loads
 * node's perf_hooks (about half a millisecond of the cold start).
 */
export function timeSlices(sliceMs: number): () => Promise<void> {
  let sliceStart: number | undefined;
  return async () => {
    sliceStart ??= performance.now();
    if (performance.now() - sliceStart <= sliceMs) return;
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
}
