// Reading the decision at the end of an item line (format guide §5, §7).
import type { DecisionValue } from '../model';
import { isBlank } from '../text/chars';
import { isEcmaWhiteSpace } from '../text/whitespace';

/** Words that look like a decision but are not one of the two: kept raw so a rule can flag them. */
const DECISION_LIKE =
  /^(?:(?:partially|partly)\s+)?(?:upheld|uphold|upholds|overturned|overturn|overturns|denied|deny|denial|non-?certified|certified|modified|approved|authorized|authorised|reversed|affirmed|sustained|granted)$/i;

export function decisionValue(raw: string): DecisionValue | undefined {
  return raw === 'Upheld' || raw === 'Overturned' ? raw : undefined;
}

const MAX_DECISION_LENGTH = 30;

export function isDecisionLike(word: string): boolean {
  return word.length <= MAX_DECISION_LENGTH && DECISION_LIKE.test(word);
}

export interface DecisionTail {
  /** Offset of the last colon in the line: the item text ends here. */
  colon: number;
  /** Offset and text of the decision word(s) after it. */
  start: number;
  raw: string;
}

/**
 * `<item text>: <decision>`: splits on the LAST colon (item texts contain colons, e.g.
 * `Labs to include: EKG: Upheld`). Returns undefined when what follows is no decision word.
 */
export function decisionTail(text: string): DecisionTail | undefined {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return undefined;
  let start = colon + 1;
  while (start < text.length && isBlank(text.charCodeAt(start))) start++;
  // A stray final period (`Knee MRI: Upheld.`) is not part of the word.
  const raw = text
    .slice(start)
    .trimEnd()
    .replace(/[.;,]$/, '');
  if (!raw || !isDecisionLike(raw)) return undefined;
  return { colon, start, raw };
}

/** A line that is a decision by itself: `Upheld` after a line ending in `:` (9/247 items). */
export function isLoneDecision(text: string): boolean {
  // Longer than a decision word plus its final stop: no need to strip the stop and test.
  if (text.length > MAX_DECISION_LENGTH + 1) return false;
  return isDecisionLike(text.replace(/[.;,]$/, ''));
}

/**
 * `<text>: Upheld` with exactly one of the two words: a strong item anchor even without labels. What
 * `/:\s*(?:Upheld|Overturned)\.?$/` matches, read from the end: that regex would try every start in the line.
 */
export function isStrongDecisionLine(text: string): boolean {
  let end = text.length;
  if (text.charCodeAt(end - 1) === 46) end--; // .
  // Upheld / Overturned both end in 'd'.
  if (text.charCodeAt(end - 1) !== 100) return false;
  let k = endsWithAt(text, end, 'Upheld') ? end - 6 : endsWithAt(text, end, 'Overturned') ? end - 10 : -1;
  if (k < 0) return false;
  while (k > 0 && isEcmaWhiteSpace(text.charCodeAt(k - 1))) k--;
  return text.charCodeAt(k - 1) === 58; // :
}

/** `text[0, end)` ends with `word`. */
function endsWithAt(text: string, end: number, word: string): boolean {
  return end >= word.length && text.startsWith(word, end - word.length);
}
