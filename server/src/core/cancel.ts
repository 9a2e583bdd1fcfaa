// Cancellation of long analysis: the caller passes a check (the server wraps its request's token), and the
// core polls it between steps and stops with CancelledError.

/** True once the work is no longer wanted. */
export type IsCancelled = () => boolean;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(isCancelled: IsCancelled | undefined): void {
  if (isCancelled?.()) throw new CancelledError();
}
