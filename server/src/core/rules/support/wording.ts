// Two namings of one request that differ only in part: the same request reworded ("Terocin lotion 120 ml" /
// "Terocin lotion 240 ml"), as against another request. Words compare as itemKey compares letters: case,
// spacing, line wraps and punctuation do not count.
import { itemKey } from './keys';

const WORD = /[\p{L}\p{N}]+/gu;

interface Word {
  key: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ key: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
}

/** What differs between two namings, each as written: the words between their common start and end. */
export interface Rewording {
  first: string;
  second: string;
}

/** The part as written from word `from` to word `to` (inclusive), widened to whole blank-delimited words. */
function part(text: string, words: readonly Word[], from: number, to: number): string {
  const first = words[from];
  const last = words[to];
  if (!first || !last || to < from) return '';
  let start = first.start;
  let end = last.end;
  while (start > 0 && !/\s/.test(text.charAt(start - 1))) start--;
  while (end < text.length && !/\s/.test(text.charAt(end))) end++;
  return text.slice(start, end).replace(/[.,;:]+$/, '');
}

/**
 * The difference when `a` and `b` name the same request in other words: they share at least half of their
 * words at the start and the end. Undefined when they read alike (nothing to report) or share too little
 * (another request, not a rewording).
 */
export function rewording(a: string, b: string): Rewording | undefined {
  if (itemKey(a) === itemKey(b)) return undefined; // "50 mg" is "50mg"
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  const shorter = Math.min(wa.length, wb.length);
  let prefix = 0;
  while (prefix < shorter && wa[prefix]?.key === wb[prefix]?.key) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && wa[wa.length - 1 - suffix]?.key === wb[wb.length - 1 - suffix]?.key) suffix++;
  const longer = Math.max(wa.length, wb.length);
  if (prefix + suffix === 0 || 2 * (prefix + suffix) < longer) return undefined;
  return {
    first: part(a, wa, prefix, wa.length - 1 - suffix),
    second: part(b, wb, prefix, wb.length - 1 - suffix),
  };
}
