// A stream of events from the server that tests wait on (diagnostics, messages, refreshes, edits).

interface Waiter<T> {
  accept: (value: T) => boolean;
  resolve: (value: T) => void;
}

/** Every event is also kept in `history`; `add` registers a one-shot waiter and returns its removal. */
export class Signal<T> {
  private waiters: Waiter<T>[] = [];
  readonly history: T[] = [];

  fire(value: T): void {
    this.history.push(value);
    const ready = this.waiters.filter((w) => w.accept(value));
    this.waiters = this.waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(value);
  }

  add(waiter: Waiter<T>): () => void {
    this.waiters.push(waiter);
    return () => {
      this.waiters = this.waiters.filter((w) => w !== waiter);
    };
  }
}
