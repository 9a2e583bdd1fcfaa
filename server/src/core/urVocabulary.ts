// Utilization review's outcome words (format guide §7). They are not IMR decisions, but a rationale that
// concludes in them still says which way it goes: "non-certified" means not medically necessary. One home
// for the list: the necessity reader (necessity.ts) and IMR015 both build on it.
import type { Polarity } from './model';

/** Each word, lower case, with the medical necessity it states; `modified` approves in part: neither. */
const OUTCOMES: readonly (readonly [string, Polarity | undefined])[] = [
  ['non-certified', 'negative'],
  ['noncertified', 'negative'],
  ['uncertified', 'negative'],
  ['denied', 'negative'],
  ['certified', 'positive'],
  ['modified', undefined],
];

const BY_WORD: ReadonlyMap<string, Polarity | undefined> = new Map(OUTCOMES);

/** Alternation of the words for a regular expression, longest first so that none shadows another. */
export const UR_OUTCOME_ALTERNATION = OUTCOMES.map(([w]) => w)
  .sort((a, b) => b.length - a.length)
  .join('|');

export function isUrOutcomeWord(lowerCaseWord: string): boolean {
  return BY_WORD.has(lowerCaseWord);
}

/**
 * The necessity a UR word states; `negated` when a "not" or a detached "non"/"un" stands before it
 * ("is not certified", "non certified").
 */
export function urOutcomePolarity(word: string, negated = false): Polarity | undefined {
  const polarity = BY_WORD.get(word.toLowerCase().replace(/[\u2010-\u2013]/g, '-'));
  if (!polarity || !negated) return polarity;
  return polarity === 'negative' ? 'positive' : 'negative';
}
