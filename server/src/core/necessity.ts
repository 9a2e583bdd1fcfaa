// Finds a rationale's medical-necessity conclusion and its polarity (format guide §7). Pure: no I/O.
// The conclusion sits near the end, so sentences are read backwards from the end of the text and the
// scan stops at the first sentence that states necessity; nothing before it is touched.
import type { Polarity } from './model';
import { isLetterCode, isOneOf, isUpper, tokensForward, WordsBackwards } from './necessityWords';
import { isSpaceOrBreak } from './text/chars';
import { isUrOutcomeWord, urOutcomePolarity } from './urVocabulary';

export interface ConclusionMatch {
  polarity: Polarity;
  /** Offsets of the conclusion sentence in the input, terminal punctuation included. */
  start: number;
  end: number;
}

type Sentence = { start: number; end: number };

interface Cue {
  /** Where `necess…` or `medically appropriate` starts (a preceding "medically" is not included). */
  start: number;
  end: number;
  /** "necessity" is a noun and may be the subject ("medical necessity … is not established"). */
  noun: boolean;
  /** The sentence's words before the cue: read once, for the conditional test and then the polarity. */
  wordsBefore: WordsBackwards;
}

// Finite verbs head the verb group whose negation decides the polarity ("is not", "cannot be deemed").
const FINITE = new Set([
  'is',
  'are',
  'was',
  'were',
  'am',
  'can',
  'could',
  'will',
  'would',
  'shall',
  'should',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'cannot',
]);
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'neither',
  'nor',
  'cannot',
  'un',
  'lack',
  'lacks',
  'lacking',
  'fail',
  'fails',
  'failed',
  'unable',
  'insufficient',
  'unclear',
]);
// Words that extraction glues after "not": "notmedically", "notbe".
const GLUED_AFTER_NOT = new Set([
  'medically',
  'medical',
  'necessary',
  'be',
  'been',
  'a',
  'considered',
  'deemed',
  'supported',
  'established',
  'seen',
  'indicated',
  'appropriate',
]);
const CUE = /necess(ary|ity)|medically\s*appropriate/gi;
// "if necessary", "when necessary": a condition, not a judgement.
const CONDITIONALS = new Set(['if', 'when', 'whenever', 'where', 'wherever', 'unless']);
const COMPLEMENTIZERS = new Set(['that', 'which', 'whether']);
// Single words before a period that do not end a sentence ("Dr. X", "e.g. Y", "vs. Z").
const ABBREVIATIONS = new Set([
  'dr',
  'drs',
  'mr',
  'mrs',
  'ms',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'v',
  'fig',
  'figs',
  'pg',
  'pp',
  'vol',
  'ed',
  'eds',
  'approx',
  'dept',
  'inc',
  'co',
  'corp',
  'ltd',
  'cf',
  'al',
  'ca',
  'est',
  'jan',
  'feb',
  'apr',
  'aug',
  'sept',
  'oct',
  'nov',
  'dec',
]);
// Abbreviations only before a number: "No. 5", "Nos. 3-4".
const NUMBER_ABBREVIATIONS = new Set(['no', 'nos']);
const LONGEST_ABBREVIATION = Math.max(...[...ABBREVIATIONS, ...NUMBER_ABBREVIATIONS].map((a) => a.length));

// The opioid-tapering boilerplate (§7): any of its three sentences, which may also appear alone.
const OPIOID_BOILERPLATE =
  /addresses\s+the\s+medical\s+necessity\s+of\s+opioid|interpreted\s+as\s+a\s+recommendation\s+to\s+stop|tapering\s+opioids|advised\s+to\s+consult\s+the\s+MTUS\s+Opioid/i;

const UR_COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'remains', 'hereby']);
const HISTORY_WORDS = new Set(['previously', 'prior', 'initially', 'originally', 'already', 'formerly']);
// A sentence naming utilization review tells the history, not the IMR's own conclusion.
const UR_ACTOR = /\bUR\b|\butilization\s+review|claims\s+administrator|(?:prior|previous)\s+review/i;

export function findNecessityConclusion(rationale: string): ConclusionMatch | undefined {
  return findConclusions(rationale).necessity;
}

/**
 * Both conclusions of a rationale in one walk back over its sentences: the necessity conclusion, and the UR
 * vocabulary one (`findUrVocabularyConclusion`), which read the same last sentences.
 */
export function findConclusions(rationale: string): { necessity?: ConclusionMatch; ur?: UrConclusionMatch } {
  let ur: UrConclusionMatch | undefined;
  let concluding = true;
  for (let end = contentEnd(rationale); end > 0;) {
    const sentence = sentenceEndingAt(rationale, end);
    end = sentence.previousEnd;
    // One copy of the sentence for the three patterns that read it.
    const written = rationale.slice(sentence.start, sentence.end);
    if (OPIOID_BOILERPLATE.test(written)) continue;
    const cue = lastCue(rationale, sentence, written);
    if (concluding) {
      // UR vocabulary counts only in the concluding position, and only when no necessity statement stands there.
      concluding = false;
      if (!cue && !UR_ACTOR.test(written)) ur = urPredicate(rationale, sentence);
    }
    if (!cue) continue;
    const polarity: Polarity = isNegativeAt(rationale, sentence, cue) ? 'negative' : 'positive';
    return { necessity: { polarity, start: sentence.start, end: sentence.end }, ur };
  }
  return { ur };
}

/** Polarity of the sentence's main necessity statement; without a cue, whether it holds any negation. */
export function isNegativeNecessity(sentence: string): boolean {
  const whole = trimmed(sentence, { start: 0, end: sentence.length });
  const cue = lastCue(sentence, whole);
  if (cue) return isNegativeAt(sentence, whole, cue);
  const words = new WordsBackwards(sentence, whole.start, whole.end);
  for (let k = 0, w = words.at(0); w !== undefined; w = words.at(++k)) if (isNegator(w.word)) return true;
  return false;
}

export interface UrConclusionMatch {
  /** The UR word as written ("non-certified"), or with a detached prefix ("non certified"). */
  word: string;
  start: number;
  end: number;
  /** What the word says about necessity, negation included; undefined for "modified". */
  polarity?: Polarity;
  /** Offsets of the whole concluding sentence. */
  sentenceStart: number;
  sentenceEnd: number;
}

/** UR vocabulary used as the conclusion ("The request is non-certified."): the last sentence, no necessity cue. */
export function findUrVocabularyConclusion(rationale: string): UrConclusionMatch | undefined {
  return findConclusions(rationale).ur;
}

// ---- sentences ----

const contentEnd = (text: string): number => trimmed(text, { start: 0, end: text.length }).end;

/** The sentence that ends at `end` (a content end), and where the one before it ends (0: none). */
function sentenceEndingAt(text: string, end: number): Sentence & { previousEnd: number } {
  for (let i = end - 1; i > 0; i--) {
    const c = text.charCodeAt(i);
    if (c !== 0x2e && c !== 0x3f && c !== 0x21) continue; // . ? !
    const boundary = sentenceBoundaryAfter(text, i, end);
    if (boundary !== undefined) return { start: boundary.nextStart, end, previousEnd: boundary.end };
  }
  const first = trimmed(text, { start: 0, end });
  return { start: first.start, end: first.end, previousEnd: 0 };
}

/** If a sentence ends at `i`, where it ends and where the next one starts (before `limit`). */
function sentenceBoundaryAfter(text: string, i: number, limit: number): { end: number; nextStart: number } | undefined {
  const ch = text[i];
  let end = i + 1;
  while (end < limit && isOneOf(text[end], '"\'”’)]')) end++;
  let next = end;
  while (next < limit && isSpaceOrBreak(text.charCodeAt(next))) next++;
  if (next === end || next >= limit) return undefined; // "0.5", "10/325mg.": no space, or nothing follows
  const c = text.charAt(next); // next < limit: a character
  const startsSentence = isUpper(c) || isOneOf(c, '"“(‘[\'');
  const startsNumber = c >= '0' && c <= '9';
  if (!startsSentence && !startsNumber) return undefined; // lower case: "e.g. the", "vs. placebo"
  if (ch === '.' && isAbbreviation(text, i, startsNumber)) return undefined;
  return { end, nextStart: next };
}

function isAbbreviation(text: string, dot: number, beforeNumber: boolean): boolean {
  let s = dot;
  let dotted = false;
  for (; s > 0; s--) {
    const c = text.charCodeAt(s - 1);
    if (c === 0x2e /* . */) dotted = true;
    else if (!isLetterCode(c)) break;
  }
  if (s > 0 && (text[s - 1] === "'" || text[s - 1] === '’')) return false; // "the claimant's."
  // Most sentences end in a word longer than any abbreviation: no lower-cased copy of it for the sets.
  if (dot - s > LONGEST_ABBREVIATION) return dotted;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 0) return beforeNumber && /\d/.test(text[dot - 1] ?? ''); // "0. 5 cc"
  if (word.length === 1 || dotted) return true; // initials, "e.g.", "i.e.", "b.i.d."
  return ABBREVIATIONS.has(word) || (beforeNumber && NUMBER_ABBREVIATIONS.has(word));
}

function trimmed(text: string, s: Sentence): Sentence {
  let { start, end } = s;
  while (start < end && isSpaceOrBreak(text.charCodeAt(start))) start++;
  while (end > start && isSpaceOrBreak(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

// ---- cues ----

/** The last necessity cue in the sentence that is a judgement (not "if necessary"); `sentence` is its text. */
function lastCue(text: string, s: Sentence, sentence = text.slice(s.start, s.end)): Cue | undefined {
  let last: Cue | undefined;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(sentence); m !== null; m = CUE.exec(sentence)) {
    const start = s.start + m.index;
    const wordsBefore = new WordsBackwards(text, s.start, start);
    if (isConditional(wordsBefore)) continue;
    const noun = m[1] !== undefined && (m[1].charCodeAt(0) | 0x20) === 0x69;
    last = { start, end: start + m[0].length, noun, wordsBefore };
  }
  return last;
}

/** Whether the words before a cue make it a condition ("if necessary", "when medically necessary", "as necessary"). */
function isConditional(words: WordsBackwards): boolean {
  let k = 0;
  const bare = !(words.at(0)?.word === 'medically' || words.at(0)?.word === 'medical');
  if (!bare) k++;
  const before = words.at(k)?.word;
  return before !== undefined && (CONDITIONALS.has(before) || (bare && before === 'as'));
}

// ---- polarity ----

/**
 * Negative when the verb group governing the cue is negated: scan back from the cue to the nearest finite
 * verb ("is not", "cannot be deemed", "is determined to not be"), so that a "not" in a leading clause
 * ("As the request does not exceed …, it is medically necessary") does not count. A subject "necessity"
 * looks forward instead ("the medical necessity … is not established"). A governing "that"/"which" clause
 * can flip it ("There is no indication that … is medically necessary").
 */
function isNegativeAt(text: string, s: Sentence, cue: Cue): boolean {
  const back = cue.wordsBefore;
  let negated = false;
  let k = 0;
  let word = back.at(0);
  for (; word !== undefined; word = back.at(++k)) {
    if (cue.noun && word.clauseBreakAfter) break; // "As X, medical necessity has …"
    if (isNegator(word.word)) negated = true;
    if (isFinite(word.word)) break;
  }
  if (word === undefined || !isFinite(word.word)) {
    return negated || (cue.noun && negatedForward(text, cue.end, s.end));
  }
  // The subject before the verb is often long; most hold no complementizer, and then need no walk.
  if (!mayHoldComplementizer(text, s.start, word.start)) return negated;
  return negated !== governedByNegation(back, k + 1);
}

// A word that normalises to "that", "which" or "whether" has exactly these letters, in either ASCII case
// (no other character lower-cases to them): their absence in a span proves there is no complementizer.
const COMPLEMENTIZER_LETTERS = /that|which|whether/gi;

/**
 * Whether text[from, to) holds those letters. `to` starts a word, so a non-letter stands just before it:
 * a match that starts before `to` also ends by it, and `test` (no match object) is enough.
 */
function mayHoldComplementizer(text: string, from: number, to: number): boolean {
  COMPLEMENTIZER_LETTERS.lastIndex = from;
  return COMPLEMENTIZER_LETTERS.test(text) && COMPLEMENTIZER_LETTERS.lastIndex <= to;
}

/** Walks the subject back from the finite verb; a "that/which/whether" before it has its own verb group. */
function governedByNegation(back: WordsBackwards, from: number): boolean {
  for (let k = from, word = back.at(k); word !== undefined; word = back.at(++k)) {
    if (word.clauseBreakAfter || isFinite(word.word)) return false;
    if (!COMPLEMENTIZERS.has(word.word)) continue;
    for (let j = k + 1, before = back.at(j); before !== undefined; before = back.at(++j)) {
      if (isNegator(before.word)) return true;
      if (isFinite(before.word) || before.clauseBreakAfter) return false;
    }
    return false;
  }
  return false;
}

function negatedForward(text: string, from: number, limit: number): boolean {
  const words = tokensForward(text, from, limit);
  for (const [k, word] of words.entries()) {
    if (!isFinite(word)) continue;
    return words.slice(k, k + 3).some(isNegator); // "has not been", "is not", "cannot be"
  }
  return false;
}

function isFinite(word: string): boolean {
  if (word.includes('-')) return isFinite(word.slice(0, word.indexOf('-'))); // "is-not", "cannot-be"
  return FINITE.has(word) || word.endsWith("n't") || gluedNot(word)?.verb === true;
}

function isNegator(word: string): boolean {
  if (word.includes('-')) return word.split('-').some(isNegator); // "not-medically", "not-be", "is-not"
  return NEGATORS.has(word) || word.endsWith("n't") || gluedNot(word) !== undefined;
}

/**
 * "not" glued to the words around it by extraction or a typo: "notmedically", "isnot", "cannotbe",
 * "isnotmedically". `verb`: a finite verb is glued before it.
 */
function gluedNot(word: string): { verb: boolean } | undefined {
  const at = word.indexOf('not');
  if (at < 0 || word.length === 3) return undefined;
  const before = word.slice(0, at);
  const after = word.slice(at + 3);
  const verb = before === 'can' || FINITE.has(before);
  if (before !== '' && !verb) return undefined;
  return after === '' ? (verb ? { verb } : undefined) : GLUED_AFTER_NOT.has(after) ? { verb } : undefined;
}

// ---- UR words ----

function urPredicate(text: string, s: Sentence): UrConclusionMatch | undefined {
  const back = new WordsBackwards(text, s.start, s.end);
  for (let k = 0, word = back.at(k); word !== undefined; word = back.at(++k)) {
    if (!isUrOutcomeWord(word.word)) continue;
    // "is non-certified", "was therefore denied"; never "was previously non-certified".
    let negated = false;
    let start = word.start;
    for (let j = k + 1, before = back.at(j); before !== undefined && j <= k + 3; before = back.at(++j)) {
      if (HISTORY_WORDS.has(before.word) || before.clauseBreakAfter) break;
      if (j === k + 1 && (before.word === 'non' || before.word === 'un')) start = before.start; // "non certified"
      if (isNegator(before.word) || before.word === 'non') negated = !negated;
      if (!UR_COPULAS.has(before.word)) continue;
      const polarity = urOutcomePolarity(word.word, negated);
      return {
        word: text.slice(start, word.end),
        start,
        end: word.end,
        polarity,
        sentenceStart: s.start,
        sentenceEnd: s.end,
      };
    }
  }
  return undefined;
}
