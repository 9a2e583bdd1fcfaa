// Long work in the server (the workspace index, Check All Letters) runs in slices, yielding to the event loop
// between them so that requests are answered meanwhile.

export const yieldToEventLoop = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

/** A check to await between units of work: it yields once more than `sliceMs` has passed since the last yield. */
export function timeSlices(sliceMs: number): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart <= sliceMs) return;
    await yieldToEventLoop();
    sliceStart = performance.now();
  };
}
