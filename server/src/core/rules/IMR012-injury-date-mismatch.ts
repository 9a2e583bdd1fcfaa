// IMR012 injury-date-mismatch: the case summary's injury date ("date of injury on 10-18-2016", "claim from
// 11/05/2016", "an industrial injury of December 27, 2005") must be the header's `Date of Injury:` (§12).
import { readHeaderDate, readTextDateAt, textDateIs, type CalendarDate, type TextDate } from './support/dates';
import { foldAhead } from './support/foldAhead';
import { lineLocator } from './support/lineLocator';
import { stringListOption } from './support/options';
import type { Report, Rule, RuleMeta } from './types';

// Phrases that put the injury date right after them: "injury", "injury date", "date of injury" (found at
// its "injury"), "DOI", "claim from", "injured on". "injured worker presented on …" is a visit, not the
// injury; "Report of Occupational Injury or Illness from …" dates a report: neither matches.
const KEYWORD = /(?:injury(?:\s+date)?|injured(?=\s+on\b)|DOI|claim\s+from)\b/iy;
// What may stand between the phrase and the date: "injury on", "injury date of", "DOI:", "injury on or about".
const CONNECTOR =
  /\s*[:,]?\s*(?:(?:on|of|dated?|from|was|is|occurring\s+on|which\s+occurred\s+on)\s+)?(?:(?:or\s+)?(?:about|around|approximately)\s+)?/iy;
/** Enough folded text after a keyword for a connector, a date and a period's second date. */
const LOOKAHEAD = 80;
// A cumulative-trauma period: "claim from 01/01/2015 through 10/10/2016"; either end may be the header's date.
const PERIOD_JOINER = /\s*(?:-|\u2013|to|through|thru|until)\s*/iy;
const WHITESPACE = /\s/;

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Where "claim from" starts, given where its "from" (or "FROM") is; -1 if it is not there. */
function claimBefore(text: string, from: number): number {
  let k = from;
  while (k > 0 && WHITESPACE.test(text.charAt(k - 1))) k--;
  if (k === from || k < 5) return -1;
  const claim = text.slice(k - 5, k);
  const upper = text.charCodeAt(from) === 0x46; // "FROM" goes with "CLAIM" only
  return (upper ? claim === 'CLAIM' : claim === 'claim' || claim === 'Claim') ? k - 5 : -1;
}

/**
 * Where a keyword may start, in text order: the "i" before "njur"/"NJUR", "DOI", the "claim" of
 * "[Cc]laim\s+from"/"CLAIM\s+FROM" (the exact casings KEYWORD is tried at). Found with indexOf, whose
 * native scan is several times faster than one regex over the whole summary; "njur" by its "j", a far
 * rarer letter than the "n" indexOf would stop at.
 */
function keywordStarts(text: string): number[] {
  const starts: number[] = [];
  for (let j = text.indexOf('j'); j >= 0; j = text.indexOf('j', j + 1))
    if (j >= 2 && text.startsWith('njur', j - 1)) starts.push(j - 2);
  for (let j = text.indexOf('J'); j >= 0; j = text.indexOf('J', j + 1))
    if (j >= 2 && text.startsWith('NJUR', j - 1)) starts.push(j - 2);
  for (let at = text.indexOf('DOI'); at >= 0; at = text.indexOf('DOI', at + 1)) starts.push(at);
  for (const from of ['from', 'FROM']) {
    for (let at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1)) {
      const claim = claimBefore(text, at);
      if (claim >= 0) starts.push(claim);
    }
  }
  return isAscending(starts) ? starts : starts.sort((a, b) => a - b);
}

/** Usually so: the anchors other than "j" are rare. */
function isAscending(values: readonly number[]): boolean {
  let previous = -Infinity;
  for (const value of values) {
    if (previous > value) return false;
    previous = value;
  }
  return true;
}

/** Where each keyword ends, in text order: the built-in phrases, then the configured ones. */
function keywordEnds(text: string, extra: RegExp | undefined): number[] {
  const ends: number[] = [];
  for (const start of keywordStarts(text)) {
    if (isLetter(text.charCodeAt(start - 1))) continue; // "reinjury"
    KEYWORD.lastIndex = start;
    if (KEYWORD.test(text)) ends.push(KEYWORD.lastIndex);
  }
  if (extra) {
    extra.lastIndex = 0;
    for (let m = extra.exec(text); m; m = extra.exec(text)) ends.push(m.index + m[0].length);
    ends.sort((a, b) => a - b);
  }
  return ends;
}

const patternCache = new Map<string, RegExp | undefined>();

/** The configured phrases as one case-insensitive pattern, compiled once per distinct list. */
function extraPattern(extra: readonly string[]): RegExp | undefined {
  if (extra.length === 0) return undefined;
  const key = extra.join('\u0000');
  if (!patternCache.has(key)) {
    const escaped = extra
      .map((p) =>
        p
          .trim()
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/\s+/g, String.raw`\s+`),
      )
      .filter(Boolean);
    if (patternCache.size > 16) patternCache.clear();
    let pattern: RegExp | undefined;
    try {
      pattern = escaped.length ? new RegExp(String.raw`\b(?:${escaped.join('|')})\b`, 'gi') : undefined;
    } catch {
      pattern = undefined; // too large for the engine: cached as no pattern, so it is not rebuilt on every check
    }
    patternCache.set(key, pattern);
  }
  return patternCache.get(key);
}

/** The date a keyword match introduces, and a period's other end if it is one. */
function dateAfter(text: string, at: number): { date: TextDate; periodEnd?: TextDate } | undefined {
  CONNECTOR.lastIndex = at;
  CONNECTOR.test(text); // always matches (every part is optional): only where it ends counts
  const date = readTextDateAt(text, CONNECTOR.lastIndex);
  if (!date) return undefined;
  PERIOD_JOINER.lastIndex = date.end;
  const periodEnd = PERIOD_JOINER.test(text) ? readTextDateAt(text, PERIOD_JOINER.lastIndex) : undefined;
  return { date, periodEnd };
}

function written(text: string, d: TextDate): string {
  return text.slice(d.start, d.end);
}

const meta: RuleMeta = {
  id: 'IMR012',
  name: 'injury-date-mismatch',
  description: "The injury date in the case summary differs from the header's Date of Injury.",
  defaultSeverity: 'warning',
  tags: ['case-summary', 'dates', 'consistency'],
  fixable: false,
  rationale:
    "The header's Date of Injury and the date the clinical case summary gives for the injury must agree; when " +
    'they differ, one of them is a plainly erroneous finding of fact, a ground of appeal against the determination ' +
    '(Labor Code 4610.6(h)). In the 2016 corpus, 3 of 117 summaries disagree with their header.',
  examples: {
    failing:
      'Date of Injury: 10/10/2016\n…\nThe injured worker is a 46 year old male with a date of injury on 10-18-2016.',
    passing:
      'Date of Injury: 10/10/2016\n…\nThe injured worker is a 46 year old male with a date of injury on 10-10-2016.',
  },
  options: {
    extraKeywords: {
      type: 'string[]',
      default: [],
      description: 'More phrases that put the injury date right after them, e.g. "industrial accident of".',
    },
  },
};

export const injuryDateMismatch: Rule = {
  meta,
  check(context) {
    const { document, source } = context;
    const header = document.header?.fields.dateOfInjury;
    if (!header) return [];
    const read = readHeaderDate(header.value);
    if (read.kind !== 'date') return []; // IMR011 reports a header date it cannot read
    const injury: CalendarDate = read.date;
    const extra = extraPattern(stringListOption(context, meta, 'extraKeywords'));
    // The letter's own summary: a file holding several letters has one header (the first) in the model,
    // and comparing the other letters' summaries with it would be wrong.
    const section = document.sections.find((s) => s.kind === 'caseSummary');
    if (!section) return [];
    // Read in place, folding only a short stretch after each keyword: cheaper than folding the summary.
    const lines = lineLocator(source);
    const text = source.text;
    const from = lines.lineStart(section.bodyRange.start.line) + section.bodyRange.start.character;
    const to = lines.lineStart(section.bodyRange.end.line) + section.bodyRange.end.character;
    const summary = text.slice(from, to); // a regex scan on the whole text would run on past the summary
    const reports: Report[] = [];
    let after = 0;
    for (const end of keywordEnds(summary, extra)) {
      if (end < after) continue; // inside a date already read
      const stretch = foldAhead(summary, end, LOOKAHEAD);
      const found = dateAfter(stretch.text, 0);
      if (!found) continue;
      after = stretch.sourceOffset((found.periodEnd ?? found.date).end - 1) + 1;
      if (textDateIs(found.date, injury) || (found.periodEnd && textDateIs(found.periodEnd, injury))) continue;
      const start = from + stretch.sourceOffset(found.date.start);
      const stop = from + stretch.sourceOffset(found.date.end - 1) + 1;
      reports.push({
        message:
          `The case summary gives the injury date as ${written(stretch.text, found.date)}, but the header's ` +
          `\`Date of Injury:\` is ${header.value}.`,
        range: { start: lines.positionAt(start), end: lines.positionAt(stop) },
        related: [{ message: "The header's Date of Injury", range: header.valueRange }],
      });
    }
    return reports;
  },
};
