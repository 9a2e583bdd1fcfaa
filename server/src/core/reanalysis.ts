// Re-analysis after an edit. The letters of a file are read and checked each on its own (parse/index.ts reads
// a letter from its lines alone; runRules checks each letter as a document of its own), so a new version
// reads again only the letters whose lines changed and takes the others' model, and their rule runs while
// their text is unchanged too, from the previous version, moved to their new lines. The result equals a
// full parse and rule run of the new text (test/core/reanalysis.test.ts, test/fuzz/incremental.ts, the soak).
//
// Why a letter's rule runs can be reused: runRules gives every rule one letter as its document (its own
// header, sections, items; test/rules/per-letter.test.ts), so no rule sees another letter's model. Their other
// inputs: the source text, which every rule reads only within its letter (IMR012/014/018/019 cut the text at
// the letter's span, IMR001/003/007 read lines of the letter's own fields), so a run is reused only while
// the letter's raw text is unchanged; the document's line break, which fixes insert (part of the key); and
// the cap per rule, which counts across letters (a run is reused only when neither budget cut it short).
// No rule reads `lineCount` or the whole document.
//
// Bounded: an analysis keeps nothing of the one before it but the rule runs of its unchanged letters. The
// strings of a letter and of its findings are copied out of the text they were cut from (detachStrings.ts),
// so a reused letter keeps no earlier text alive: an edit holds the previous text and the new one only. Reuse
// is still allowed only from the previous text and one earlier one (`base`, the text most letters were read
// from), so that a string the copy could miss (in an object it does not walk) keeps at most three alive.
import { detachedCopy, detachStrings } from './detachStrings';
import { lettersOf } from './letters';
import type { ImrDocument, Letter, Range } from './model';
import { parse, type LetterReader } from './parse';
import { runRules, type Finding, type LetterRun, type LetterRunner, type RuleSetting } from './rules';
import { shiftLines, Unmovable } from './shiftLines';
import { SourceText } from './source';
import type { Line } from './text/lines';

/** The rule runs on one letter under one configuration and line terminator. */
interface Runs {
  readonly settingsKey: readonly unknown[];
  readonly eol: string;
  /** By rule id: the run, and the budget it ran with (a run cut short by its budget may differ under another). */
  readonly byRule: Map<string, RunEntry>;
}

/**
 * A run and its budget; a run that reported nothing, most of them (a 10 MiB file has 40,000 runs), is kept
 * as its budget alone: a number in the map, no objects.
 */
type RunEntry = number | { readonly budget: number; readonly run: LetterRun };

/** The run that reported nothing. Shared, so frozen: its readers only read it. */
const NOTHING: LetterRun = Object.freeze({ findings: Object.freeze([]) as unknown as Finding[], reported: 0 });

function entryOf(budget: number, run: LetterRun): RunEntry {
  return run.reported === 0 && run.findings.length === 0 ? budget : { budget, run };
}

function runOf(entry: RunEntry): LetterRun {
  return typeof entry === 'number' ? NOTHING : entry.run;
}

/**
 * What a letter was read from, kept small: its first line, how many lines, and the raw text from that line's
 * start to the end of its last line (`rawFrom`..`rawTo` of the analysis's text, terminator included), not the
 * Line objects, which for a 10 MiB text would keep a whole-text line table (about 15 MB) alive between edits.
 * The raw text settles every line after the first: a line's fields follow from its own text and the blank
 * lines before it, all inside the span; the first line's fields, which depend on what stands before the
 * span, are compared themselves. Doubled text is read in line pairs that a shift by an odd number of lines
 * would pair differently, so it is never reused (only the seeds are doubled, and they are small).
 */
interface LetterInput {
  readonly first: Line;
  readonly count: number;
  readonly range: Range;
  readonly rawFrom: number;
  readonly rawTo: number;
}

/** A letter of an analysis and what a later version needs to reuse it. */
interface LetterRecord {
  readonly letter: Letter;
  /** What it was read from (`parse`'s input for it); none for a letter `parse` made up (empty, binary text). */
  readonly input?: LetterInput;
  /** Identifies the text its strings point into. */
  readonly origin: object;
  /** Its raw text, `[from, to)` of the analysis's text: what the rules read besides the model. */
  readonly from: number;
  readonly to: number;
  runs?: Runs;
  /** Runs on an earlier version of the same letter (same model and text), `lines` lines above or below. */
  inherited?: { runs: Runs; lines: number };
}

export interface Reanalysis {
  readonly text: string;
  readonly document: ImrDocument;
  readonly source: SourceText;
  /** One per letter of `document`, in order. */
  readonly letters: readonly LetterRecord[];
  /** This version's text's identity, and the one earlier text whose letters the next version may reuse. */
  readonly origin: object;
  readonly base: object;
}

/** The letter's raw span in its text: from its range's start to its end. */
function spanOf(source: SourceText, range: Range): { from: number; to: number } {
  const lines = source.cursor;
  const from = Math.min(source.text.length, lines.lineStart(range.start.line) + range.start.character);
  const to = Math.min(source.text.length, lines.lineStart(range.end.line) + range.end.character);
  return { from, to: Math.max(from, to) };
}

/** `a` and `b` are the same line, `b` `shift` lines further down. Every field of `Line` is compared (a test
 * fails when `Line` gains one). */
function sameLine(a: Line, b: Line, shift: number): boolean {
  return (
    a.text === b.text &&
    a.line + shift === b.line &&
    a.start === b.start &&
    a.indent === b.indent &&
    a.pageBreakBefore === b.pageBreakBefore &&
    a.blankBefore === b.blankBefore
  );
}

/** The letter read from `was` in `wasText` is read again from `now` in `text`, `shift` lines further down. */
function sameInput(was: LetterInput, wasText: string, now: LetterInput, text: string, shift: number): boolean {
  return (
    was.count === now.count &&
    sameRange(was.range, now.range, shift) &&
    sameLine(was.first, now.first, shift) &&
    was.rawTo - was.rawFrom === now.rawTo - now.rawFrom &&
    text.slice(now.rawFrom, now.rawTo) === wasText.slice(was.rawFrom, was.rawTo)
  );
}

function sameRange(a: Range, b: Range, shift: number): boolean {
  return (
    a.start.line + shift === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line + shift === b.end.line &&
    a.end.character === b.end.character
  );
}

function keyOf(input: LetterInput): string {
  return `${input.count}\n${input.first.text}`;
}

/** The previous version's letters that may be reused, by `keyOf` their lines. */
function candidatesOf(previous: Reanalysis): Map<string, LetterRecord[]> {
  const byKey = new Map<string, LetterRecord[]>();
  for (const record of previous.letters) {
    if (!record.input || (record.origin !== previous.origin && record.origin !== previous.base)) continue;
    const key = keyOf(record.input);
    const list = byKey.get(key);
    if (list) list.push(record);
    else byKey.set(key, [record]);
  }
  return byKey;
}

/**
 * The candidates for a letter that now starts at `line`, the least moved first: a file that holds the same
 * letter twice has two candidates for each copy, and the one that has not moved is taken as it is, where
 * the other would be copied to its new lines (`shiftLines`).
 */
function nearestFirst(list: LetterRecord[] | undefined, line: number): readonly LetterRecord[] {
  if (!list) return [];
  if (list.length === 1) return list;
  const moved = (record: LetterRecord) => Math.abs((record.input?.range.start.line ?? 0) - line);
  return [...list].sort((a, b) => moved(a) - moved(b));
}

/** The origin most letters come from: the base of the next version. */
function commonestOrigin(records: readonly LetterRecord[], fallback: object): object {
  const counts = new Map<object, number>();
  let best = fallback;
  let most = 0;
  for (const { origin } of records) {
    const n = (counts.get(origin) ?? 0) + 1;
    counts.set(origin, n);
    if (n > most) [best, most] = [origin, n];
  }
  return best;
}

/** A letter read from the text and holding none of it (detachStrings.ts). */
function readDetached(read: () => Letter): Letter {
  const letter = read();
  detachStrings(letter);
  return letter;
}

/**
 * Parses `text`, reusing the letters of `previous` (the analysis of the version before) that the edit left
 * alone. Without `previous`, a plain parse.
 */
export function analyse(text: string, previous?: Reanalysis): Reanalysis {
  const source = new SourceText(text);
  const origin = {};
  const candidates = previous ? candidatesOf(previous) : undefined;
  const records = new Map<Letter, LetterRecord>();
  const readLetter: LetterReader = (lines, range, doubled, read) => {
    const { from, to } = spanOf(source, range);
    const first = lines[0];
    const last = lines[lines.length - 1];
    if (doubled || !first || !last) {
      const letter = readDetached(read);
      records.set(letter, { letter, origin, from, to });
      return letter;
    }
    const rawFrom = source.cursor.lineStart(first.line);
    const input: LetterInput = {
      first,
      count: lines.length,
      range,
      rawFrom,
      rawTo: source.cursor.lineStart(last.line + 1),
    };
    for (const old of nearestFirst(candidates?.get(keyOf(input)), range.start.line)) {
      const was = old.input;
      const shift = range.start.line - (was?.range.start.line ?? 0);
      if (!was || !previous || !sameInput(was, previous.text, input, text, shift)) continue;
      let letter: Letter;
      try {
        letter = shiftLines(old.letter, shift);
      } catch (error) {
        if (error instanceof Unmovable) break;
        throw error;
      }
      const sameText =
        to - from === old.to - old.from && text.slice(from, to) === previous.text.slice(old.from, old.to);
      // Unmoved, its runs are taken over as they are: no copy of every rule's entry for every letter.
      const runs = sameText && shift === 0 ? old.runs : undefined;
      const inherited =
        !sameText || runs
          ? undefined
          : old.runs
            ? { runs: old.runs, lines: shift }
            : old.inherited && { runs: old.inherited.runs, lines: old.inherited.lines + shift };
      // The kept first line holds no text (detachStrings.ts): the earlier one's, whose text is equal.
      const kept = { ...input, first: shift === 0 ? was.first : { ...first, text: was.first.text } };
      records.set(letter, { letter, input: kept, origin: old.origin, from, to, runs, inherited });
      return letter;
    }
    const letter = readDetached(read);
    records.set(letter, {
      letter,
      input: { ...input, first: { ...first, text: detachedCopy(first.text) } },
      origin,
      from,
      to,
    });
    return letter;
  };
  const document = parse(text, { readLetter });
  const letters = lettersOf(document).map(
    (letter) => records.get(letter) ?? { letter, origin, ...spanOf(source, letter.range) },
  );
  return { text, document, source, letters, origin, base: commonestOrigin(letters, origin) };
}

function sameKey(runs: Runs, settingsKey: readonly unknown[], eol: string): boolean {
  return (
    runs.eol === eol &&
    runs.settingsKey.length === settingsKey.length &&
    runs.settingsKey.every((k, i) => k === settingsKey[i])
  );
}

/** An earlier run stands for a run with `budget` when neither budget cut it short. */
function stands(entry: RunEntry, budget: number): boolean {
  const ranWith = typeof entry === 'number' ? entry : entry.budget;
  const { reported } = runOf(entry);
  return ranWith === budget || (reported < ranWith && reported < budget);
}

/**
 * `runRules` over an analysis, reusing each unchanged letter's runs from earlier versions under the same
 * configuration (`settingsKey`: values that change whenever `settings` may, compared with ===) and line
 * terminator (fixes insert the document's own).
 */
export function checkAnalysis(
  analysis: Reanalysis,
  settings: ReadonlyMap<string, RuleSetting>,
  settingsKey: readonly unknown[],
  maxFindingsPerRule = Infinity,
): Finding[] {
  const eol = analysis.source.eol;
  const runOnLetter: LetterRunner = (rule, k, budget, run) => {
    const record = analysis.letters[k];
    if (!record) return run();
    if (!record.runs || !sameKey(record.runs, settingsKey, eol)) record.runs = { settingsKey, eol, byRule: new Map() };
    const id = rule.meta.id;
    const own = record.runs.byRule.get(id);
    if (own !== undefined && stands(own, budget)) return runOf(own);
    const inherited = record.inherited;
    const earlier = inherited && sameKey(inherited.runs, settingsKey, eol) ? inherited.runs.byRule.get(id) : undefined;
    let done: LetterRun | undefined;
    if (inherited && earlier !== undefined && stands(earlier, budget)) {
      try {
        done = shiftLines(runOf(earlier), inherited.lines);
      } catch (error) {
        if (!(error instanceof Unmovable)) throw error;
      }
    }
    if (!done) {
      done = run();
      // Kept for later versions: its messages and fixes must not keep this version's text alive.
      if (done.findings.length > 0) detachStrings(done.findings);
    }
    record.runs.byRule.set(id, entryOf(budget, done));
    return done;
  };
  const findings = runRules(analysis.document, analysis.source, settings, undefined, maxFindingsPerRule, runOnLetter);
  // Every rule ran or was taken over: the earlier versions' runs are no longer needed.
  for (const record of analysis.letters) record.inherited = undefined;
  return findings;
}
