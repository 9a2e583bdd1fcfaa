// Counts in labels and messages, for nouns whose plural adds an `s`: `1 item`, `3 items`, `0 problems`.

export function countOf(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
