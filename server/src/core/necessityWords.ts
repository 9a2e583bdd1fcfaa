// Words and characters for the necessity scan (necessity.ts): words read backwards on demand or forwards
// to a semicolon, normalised for comparison. Pure: no I/O.

export interface Token {
  word: string;
  start: number;
  end: number;
  /** A comma, semicolon or colon stands between this token and the one scanned before it. */
  clauseBreakAfter: boolean;
}

/**
 * Lower-cased words in [from, to), last first; apostrophes normalised so "isn’t" reads "isn't". Read on
 * demand: a polarity is mostly decided by the two or three words before the cue, so the rest of the
 * sentence is never cut into words.
 */
export class WordsBackwards {
  private readonly words: Token[] = [];
  /** Everything from here to `to` has been read. */
  private position: number;

  constructor(
    private readonly text: string,
    private readonly from: number,
    to: number,
  ) {
    this.position = to;
  }

  /** The k-th word counting back from the end (0: the last), or undefined when there are fewer words. */
  at(k: number): Token | undefined {
    while (this.words.length <= k) if (!this.readOne()) break;
    return this.words[k];
  }

  private readOne(): boolean {
    const { text, from } = this;
    let clauseBreak = false;
    let i = this.position;
    for (; i > from && !isWordCode(text.charCodeAt(i - 1)); i--) {
      const c = text.charCodeAt(i - 1);
      if (c === 0x2c || c === 0x3b || c === 0x3a) clauseBreak = true; // , ; :
    }
    const end = i;
    while (i > from && isWordCode(text.charCodeAt(i - 1))) i--;
    this.position = i;
    if (i === end) return false;
    this.words.push({ word: normalise(text, i, end), start: i, end, clauseBreakAfter: clauseBreak });
    return true;
  }
}

/** Lower-cased words in [from, to) up to the first semicolon, first first. */
export function tokensForward(text: string, from: number, to: number): string[] {
  const words: string[] = [];
  let i = from;
  while (i < to && text[i] !== ';') {
    if (!isWordCode(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < to && isWordCode(text.charCodeAt(i))) i++;
    words.push(normalise(text, start, i));
  }
  return words;
}

/** Lower case, curly apostrophes straightened, outer hyphens and apostrophes dropped. */
function normalise(text: string, start: number, end: number): string {
  while (start < end && isJoiner(text[start])) start++;
  while (end > start && isJoiner(text[end - 1])) end--;
  const word = text.slice(start, end).toLowerCase();
  return word.includes('\u2019') ? word.replace(/\u2019/g, "'") : word;
}

/** Whether `ch` is one of the characters of `set` (false past the end of the text). */
export function isOneOf(ch: string | undefined, set: string): boolean {
  return ch !== undefined && ch !== '' && set.includes(ch);
}

function isJoiner(ch: string | undefined): boolean {
  return ch === '-' || ch === "'" || ch === '’';
}

/** A letter, a digit, an apostrophe (straight or curly) or a hyphen. */
function isWordCode(code: number): boolean {
  return isLetterCode(code) || (code >= 0x30 && code <= 0x39) || code === 0x27 || code === 0x2019 || code === 0x2d;
}

export function isLetterCode(code: number): boolean {
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) return true;
  if (code <= 127) return false;
  const ch = String.fromCharCode(code);
  return ch.toLowerCase() !== ch.toUpperCase();
}

export function isUpper(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (code < 128) return code >= 0x41 && code <= 0x5a;
  return ch !== ch.toLowerCase();
}
