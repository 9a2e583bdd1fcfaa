// Utilization-review vocabulary inside a sentence that also states medical necessity: "… is not medically
// necessary and is therefore non-certified." (necessity.ts finds UR words only where no necessity cue
// stands.) Reported only in the main clause and only as the request's predicate, never as history.
import { UR_OUTCOME_ALTERNATION } from '../../urVocabulary';

/**
 * "is/be … non-certified", with up to three adverbs or "not" between. Present tense only: beside a necessity
 * statement, "the request was modified to 2 sessions" narrates what UR did (CM17-0002324).
 */
const UR_PREDICATE = new RegExp(
  `\\b(?:is|are|be|remains?|hereby)\\s+(?:(?:therefore|thus|hence|hereby|accordingly|also|not|being|respectfully)[\\s,]+){0,3}(${UR_OUTCOME_ALTERNATION})\\b`,
  'gi',
);
// History and other actors: "was previously denied", "the claims administrator denied", "UR modified".
const NOT_OURS =
  /\b(?:previously|prior|initially|originally|already|formerly)\b|\bUR\b|\butilization\s+review|claims\s+administrator|(?:prior|previous)\s+review/i;
// A leading reason clause: "As the surgery was denied, the ancillary service is not medically necessary."
const REASON_CLAUSE = /^\s*(?:as|since|because|given|considering|although|while|when|if)\b[^,;]*$/i;

export interface UrWord {
  word: string;
  start: number;
  end: number;
}

/** The UR word used as the predicate of `text[start, end)`, offsets into `text`. */
export function urPredicateIn(text: string, start: number, end: number): UrWord | undefined {
  const sentence = text.slice(start, end);
  if (NOT_OURS.test(sentence)) return undefined;
  UR_PREDICATE.lastIndex = 0;
  for (let m = UR_PREDICATE.exec(sentence); m; m = UR_PREDICATE.exec(sentence)) {
    if (REASON_CLAUSE.test(sentence.slice(0, m.index))) continue;
    const word = m[1];
    if (word === undefined) continue;
    const wordStart = m.index + m[0].length - word.length;
    return { word, start: start + wordStart, end: start + wordStart + word.length };
  }
  return undefined;
}
