// Whole-text regex scans that step only where a match can start. A global regex tries every position of a
// 10 MiB text one by one; when every match must contain a rare literal at a fixed place (`<`, `XXX`, the
// colon of `Disclaimer:`), native indexOf finds those places far faster, and a sticky twin of the regex,
// tried at each, finds exactly the matches the global one would.

/**
 * Offsets where a match may start: every occurrence of each needle, less its `before` (the characters a match
 * holds ahead of the needle), in increasing order. Each needle's next occurrence is kept until passed, so the
 * whole walk reads the text once per needle however the needles interleave.
 */
export class Candidates {
  private readonly next: number[];

  constructor(
    private readonly text: string,
    private readonly needles: ReadonlyArray<{ needle: string; before: number }>,
  ) {
    this.next = needles.map(() => -2); // -2: not looked for yet; -1: no more
  }

  /** The first candidate at or after `from`, or -1. */
  from(from: number): number {
    let best = -1;
    // Indexed, not entries(): this runs at every candidate, so no iterator or pair is built per needle.
    for (let k = 0; k < this.needles.length; k++) {
      const spec = this.needles[k];
      if (!spec) continue;
      const { needle, before } = spec;
      let at = this.next[k] ?? -1;
      if (at === -2 || (at >= 0 && at - before < from)) {
        at = this.text.indexOf(needle, Math.max(0, from + before));
        this.next[k] = at;
      }
      if (at >= 0 && (best < 0 || at - before < best)) best = at - before;
    }
    return best;
  }
}

/**
 * Each match of `sticky` (the `y` twin of a global regex) in `text` from `start`, as that global regex finds
 * them (leftmost first, never overlapping), provided no match can start but at a candidate.
 */
export function* stickyMatches(
  text: string,
  sticky: RegExp,
  candidates: Candidates,
  start = 0,
): Generator<RegExpExecArray> {
  for (let at = candidates.from(start); at >= 0;) {
    sticky.lastIndex = at;
    const m = sticky.exec(text);
    if (m) yield m;
    at = candidates.from(m && m[0].length > 0 ? m.index + m[0].length : at + 1);
  }
}
