// IMR011 header-date-order: the header's dates must name real days and follow the life of the dispute:
// injury, then UR denial, then the IMR application, then assignment, then decision (format guide §3, §12).
import type { HeaderField, HeaderFieldName } from '../model';
import { compareDates, formatDate, readHeaderDate, type CalendarDate } from './support/dates';
import type { Report, Rule } from './types';

/** The order the dates must follow, earliest first. */
const CHAIN: readonly HeaderFieldName[] = ['dateOfInjury', 'urDenialDate', 'applicationReceived', 'dateAssigned', 'decisionDate'];
const EARLIEST_YEAR = 1950;

interface Dated {
  field: HeaderField;
  date: CalendarDate;
}

function label(field: HeaderField): string {
  return `\`${field.label}\``;
}

const NONE: ReadonlySet<number> = new Set();

function isInOrder(dated: readonly Dated[]): boolean {
  for (let i = 1; i < dated.length; i++) if (compareDates(dated[i - 1].date, dated[i].date) > 0) return false;
  return true;
}

/**
 * The dates that break the order: the complement of a longest run that is in order (ties keep the later
 * fields, so the decision date, the one the letter is dated by, is the last to be blamed).
 */
function outOfOrder(dated: readonly Dated[]): ReadonlySet<number> {
  const n = dated.length;
  if (isInOrder(dated)) return NONE; // every letter of the corpus: no need to look for a longest run
  // best[i]: longest in-order run ending at i; small n (≤ 5), so the quadratic pass is nothing.
  const best = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (compareDates(dated[j].date, dated[i].date) <= 0 && best[j] + 1 >= best[i]) {
        best[i] = best[j] + 1;
        previous[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < n; i++) if (best[i] >= best[end]) end = i;
  const kept = new Set<number>();
  for (let i = end; i >= 0; i = previous[i]) kept.add(i);
  const broken = new Set<number>();
  for (let i = 0; i < n; i++) if (!kept.has(i)) broken.add(i);
  return broken;
}

/** The kept date this one conflicts with: the first later field dated before it, else an earlier one dated after. */
function conflict(dated: readonly Dated[], broken: ReadonlySet<number>, i: number): { other: Dated; otherIsLater: boolean } | undefined {
  for (let j = i + 1; j < dated.length; j++) {
    if (!broken.has(j) && compareDates(dated[j].date, dated[i].date) < 0) return { other: dated[j], otherIsLater: true };
  }
  for (let j = i - 1; j >= 0; j--) {
    if (!broken.has(j) && compareDates(dated[j].date, dated[i].date) > 0) return { other: dated[j], otherIsLater: false };
  }
  return undefined;
}

export const headerDateOrder: Rule = {
  meta: {
    id: 'IMR011',
    name: 'header-date-order',
    description: 'Header dates out of order (injury ≤ UR denial ≤ application received ≤ date assigned ≤ decision date) or impossible.',
    defaultSeverity: 'warning',
    tags: ['header', 'dates', 'consistency'],
    fixable: false,
    rationale:
      'An IMR follows a fixed sequence: the injury, the utilization review denial, the application for IMR, ' +
      'the assignment to MAXIMUS, then the decision. A header date that breaks this order, or that names no real ' +
      'day, is a typing error in a finding of fact; a plainly erroneous finding of fact is one of the grounds on ' +
      'which an IMR determination can be appealed (Labor Code 4610.6(h)). All 117 letters of the 2016 corpus are in order.',
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
      const read = readHeaderDate(field.value);
      if (read.kind === 'malformed') {
        reports.push({ message: `${label(field)} "${field.value}" is not a date in MM/DD/YYYY form.`, range: field.valueRange });
      } else if (read.kind === 'impossible') {
        reports.push({ message: `${label(field)} ${field.value} is not a real date: ${read.why}.`, range: field.valueRange });
      } else if (read.date.year < EARLIEST_YEAR) {
        reports.push({ message: `${label(field)} ${field.value} is implausibly early (before ${EARLIEST_YEAR}).`, range: field.valueRange });
      } else {
        dated.push({ field, date: read.date });
      }
    }
    const broken = outOfOrder(dated);
    for (const i of broken) {
      const d = dated[i];
      const c = conflict(dated, broken, i);
      if (!c) continue;
      const relation = c.otherIsLater ? 'after' : 'before';
      reports.push({
        message:
          `${label(d.field)} ${formatDate(d.date)} is ${relation} ${label(c.other.field)} ${formatDate(c.other.date)}, ` +
          'but the header dates must run: injury ≤ UR denial ≤ application received ≤ date assigned ≤ decision date.',
        range: d.field.valueRange,
      });
    }
    if (reports.length > 1) reports.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return reports;
  },
};
