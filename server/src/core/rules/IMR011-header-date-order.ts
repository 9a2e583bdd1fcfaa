// IMR011 header-date-order: the header's dates must name real days and follow the life of the dispute:
// injury, then UR denial, then the IMR application, then assignment, then decision (format guide §3, §12).
// An L1 letter's dates (`Dated:` and the procedural paragraph's) follow the same life: UR denial ≤
// application ≤ Notice of Assignment ≤ `Dated:` (format guide §9).
import { headerFieldTitle } from '../headerFields';
import type { HeaderField, HeaderFieldName, Layout } from '../model';
import { compareDates, formatDate, readFieldDate, type CalendarDate } from './support/dates';
import type { Report, Rule } from './types';

/** The order the dates must follow, earliest first. */
const CHAIN: readonly HeaderFieldName[] = [
  'dateOfInjury',
  'urDenialDate',
  'applicationReceived',
  'dateAssigned',
  'noticeOfAssignment',
  'decisionDate',
];
const EARLIEST_YEAR = 1950;

interface Dated {
  field: HeaderField;
  date: CalendarDate;
}

/** `\`Date of Injury:\``, or for a date read from an L1 sentence, `the Notice of Assignment date`. */
function label(field: HeaderField): string {
  return field.inSentence ? `the ${headerFieldTitle(field)} date` : `\`${field.label}\``;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function expectedOrder(layout: Layout): string {
  return layout === 'L1'
    ? "the letter's dates must run: UR denial ≤ application received ≤ Notice of Assignment ≤ `Dated:`."
    : 'the header dates must run: injury ≤ UR denial ≤ application received ≤ date assigned ≤ decision date.';
}

const NONE: ReadonlySet<number> = new Set();

function isInOrder(dated: readonly Dated[]): boolean {
  let previous: Dated | undefined;
  for (const d of dated) {
    if (previous && compareDates(previous.date, d.date) > 0) return false;
    previous = d;
  }
  return true;
}

/** The longest in-order run ending at a date: its length and the index of the date before it (-1 if none). */
interface Run {
  date: CalendarDate;
  length: number;
  previous: number;
}

/**
 * The dates that break the order: the complement of a longest run that is in order (ties keep the later
 * fields, so the decision date, the one the letter is dated by, is the last to be blamed).
 */
function outOfOrder(dated: readonly Dated[]): ReadonlySet<number> {
  if (isInOrder(dated)) return NONE; // every letter of the corpus: no need to look for a longest run
  // runs[i]: longest in-order run ending at i; small n (≤ 5), so the quadratic pass is nothing.
  const runs: Run[] = [];
  for (const { date } of dated) {
    const run: Run = { date, length: 1, previous: -1 };
    for (const [j, before] of runs.entries()) {
      if (compareDates(before.date, date) <= 0 && before.length + 1 >= run.length) {
        run.length = before.length + 1;
        run.previous = j;
      }
    }
    runs.push(run);
  }
  let end = -1;
  let endLength = 0;
  for (const [i, run] of runs.entries()) {
    if (run.length >= endLength) {
      end = i;
      endLength = run.length;
    }
  }
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = runs[i]?.previous ?? -1) kept.add(i);
  const broken = new Set<number>();
  for (const i of runs.keys()) if (!kept.has(i)) broken.add(i);
  return broken;
}

/** The kept date this one conflicts with: the first later field dated before it, else an earlier one dated after. */
function conflict(
  dated: readonly Dated[],
  broken: ReadonlySet<number>,
  i: number,
): { other: Dated; otherIsLater: boolean } | undefined {
  const date = dated[i]?.date;
  if (!date) return undefined;
  for (const [j, other] of dated.entries()) {
    if (j > i && !broken.has(j) && compareDates(other.date, date) < 0) return { other, otherIsLater: true };
  }
  for (let j = i - 1; j >= 0; j--) {
    const other = dated[j];
    if (other && !broken.has(j) && compareDates(other.date, date) > 0) return { other, otherIsLater: false };
  }
  return undefined;
}

export const headerDateOrder: Rule = {
  meta: {
    id: 'IMR011',
    name: 'header-date-order',
    description:
      'Header dates out of order (injury ≤ UR denial ≤ application received ≤ date assigned ≤ decision date; ' +
      'in L1 letters UR denial ≤ application ≤ Notice of Assignment ≤ Dated) or impossible.',
    defaultSeverity: 'warning',
    tags: ['header', 'dates', 'consistency'],
    fixable: false,
    rationale:
      'An IMR follows a fixed sequence: the injury, the utilization review denial, the application for IMR, ' +
      'the assignment to MAXIMUS, then the decision. A header date that breaks this order, or that names no real ' +
      'day, is a typing error in a finding of fact; a plainly erroneous finding of fact is one of the grounds on ' +
      'which an IMR determination can be appealed (Labor Code 4610.6(h)). All 117 letters of the 2016 corpus are in order. ' +
      'An L1 (2013) letter has no header block: its `Dated:` date and the dates of its procedural paragraph (application ' +
      'received, UR denial, Notice of Assignment) are checked the same way.',
    examples: {
      failing: 'Date of Injury: 10/10/2016\nUR Denial Date: 12/28/2016\nApplication Received: 12/16/2016',
      passing: 'Date of Injury: 10/10/2016\nUR Denial Date: 12/16/2016\nApplication Received: 12/28/2016',
    },
  },
  check({ document }) {
    const fields = document.header?.fields;
    if (!fields) return [];
    const reports: Report[] = [];
    const dated: Dated[] = [];
    for (const name of CHAIN) {
      const field = fields[name];
      if (!field || field.value === '') continue; // a missing value is a structure problem, not an order one
      const read = readFieldDate(field);
      if (read.kind === 'malformed') {
        reports.push({
          message: `${capitalised(label(field))} "${field.value}" is not a date in MM/DD/YYYY form.`,
          range: field.valueRange,
        });
      } else if (read.kind === 'impossible') {
        reports.push({
          message: `${capitalised(label(field))} ${field.value} is not a real date: ${read.why}.`,
          range: field.valueRange,
        });
      } else if (read.date.year < EARLIEST_YEAR) {
        reports.push({
          message: `${capitalised(label(field))} ${field.value} is implausibly early (before ${EARLIEST_YEAR}).`,
          range: field.valueRange,
        });
      } else {
        dated.push({ field, date: read.date });
      }
    }
    const broken = outOfOrder(dated);
    for (const [i, d] of dated.entries()) {
      if (!broken.has(i)) continue;
      const c = conflict(dated, broken, i);
      if (!c) continue;
      const relation = c.otherIsLater ? 'after' : 'before';
      reports.push({
        message:
          `${capitalised(label(d.field))} ${formatDate(d.date)} is ${relation} ${label(c.other.field)} ` +
          `${formatDate(c.other.date)}, but ${expectedOrder(document.layout)}`,
        range: d.field.valueRange,
        related: [
          { message: `${capitalised(label(c.other.field))} ${c.other.field.value}`, range: c.other.field.valueRange },
        ],
      });
    }
    if (reports.length > 1)
      reports.sort(
        (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      );
    return reports;
  },
};
