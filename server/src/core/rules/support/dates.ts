// Calendar dates as letters write them (format guide §3, §10, §12): header values `MM/DD/YYYY`, and in the
// narrative "October 10, 2015", "10-18-2016", "11/05/2016", "10-20-16". Pure arithmetic, no Date objects:
// a letter's dates are calendar days, with no time zone to get wrong.

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function isRealDate(d: CalendarDate): boolean {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The calendar day `days` (≥ 0) after `d`. */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  let { year, month, day } = d;
  day += days;
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    month++;
    if (month > 12) {
      month = 1;
      year++;
    }
  }
  return { year, month, day };
}

/** `MM/DD/YYYY`, as the header writes it. */
export function formatDate(d: CalendarDate): string {
  return `${String(d.month).padStart(2, '0')}/${String(d.day).padStart(2, '0')}/${String(d.year).padStart(4, '0')}`;
}

export type HeaderDate =
  | { kind: 'date'; date: CalendarDate }
  /** Not month/day/year digits at all. */
  | { kind: 'malformed' }
  /** Month/day/year digits that name no day of the calendar: month 13, February 30. */
  | { kind: 'impossible'; why: string };

// One- or two-digit month and day are accepted: `1/4/2017` is readable, only the padding differs.
const HEADER_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The number written by the digits of value[from, to), or -1 when one of them is not a digit. */
function numberAt(value: string, from: number, to: number): number {
  let number = 0;
  for (let i = from; i < to; i++) {
    const code = value.charCodeAt(i);
    if (!isDigit(code)) return -1;
    number = number * 10 + code - 48;
  }
  return number;
}

/**
 * Month, day and year of a value written exactly `M/D/YYYY` (nothing around it), read without a regex:
 * every header of every letter has several such dates. Undefined for anything else, left to HEADER_DATE.
 */
function plainHeaderDate(value: string): CalendarDate | undefined {
  const first = value.indexOf('/');
  const second = value.indexOf('/', first + 1);
  if (first < 1 || first > 2 || second - first < 2 || second - first > 3 || value.length - second !== 5)
    return undefined;
  const month = numberAt(value, 0, first);
  const day = numberAt(value, first + 1, second);
  const year = numberAt(value, second + 1, value.length);
  return month < 0 || day < 0 || year < 0 ? undefined : { month, day, year };
}

export function readHeaderDate(value: string): HeaderDate {
  let date = plainHeaderDate(value);
  if (!date) {
    const m = HEADER_DATE.exec(value.trim());
    if (!m) return { kind: 'malformed' };
    date = { month: Number(m[1]), day: Number(m[2]), year: Number(m[3]) };
  }
  return onCalendar(date);
}

/** A header field's date: a `Label:` value in M/D/YYYY, or a date an L1 sentence writes in any form of the text. */
export function readFieldDate(field: { value: string; inSentence?: boolean }): HeaderDate {
  if (!field.inSentence) return readHeaderDate(field.value);
  const written = readTextDateAt(field.value, 0);
  if (!written || written.end !== field.value.length || written.yearDigits !== 4) return { kind: 'malformed' };
  return onCalendar(written);
}

function onCalendar({ year, month, day }: CalendarDate): HeaderDate {
  if (month < 1 || month > 12) return { kind: 'impossible', why: `there is no month ${month}` };
  if (!isRealDate({ year, month, day })) {
    return { kind: 'impossible', why: `${MONTH_NAMES[month - 1]} ${year} has no day ${day}` };
  }
  return { kind: 'date', date: { year, month, day } };
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const MONTH_BY_PREFIX = new Map<string, number>();
MONTH_NAMES.forEach((name, k) => {
  MONTH_BY_PREFIX.set(name.toLowerCase(), k + 1);
  MONTH_BY_PREFIX.set(name.slice(0, 3).toLowerCase(), k + 1);
});
MONTH_BY_PREFIX.set('sept', 9);

/** A date in running text; a two-digit year is kept as written (`yearDigits` 2), not guessed at. */
export interface TextDate {
  month: number;
  day: number;
  year: number;
  yearDigits: 2 | 4;
  start: number;
  end: number;
}

const MONTH_WORD =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
// After a separator one space may stand, where a wrapped line was folded ("10/12/ 2016", "10- 18-2016").
const TEXT_DATE = new RegExp(
  String.raw`(?:(${MONTH_WORD})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s?(\d{4})` +
    String.raw`|(\d{1,2})([-/]) ?(\d{1,2})\5 ?(\d{4}|\d{2}))(?![\d/-])`,
  'iy',
);

/** The date that starts exactly at `at`, if one does. */
export function readTextDateAt(text: string, at: number): TextDate | undefined {
  TEXT_DATE.lastIndex = at;
  const m = TEXT_DATE.exec(text);
  if (!m) return undefined;
  const end = at + m[0].length;
  if (m[1] !== undefined) {
    const month = MONTH_BY_PREFIX.get(m[1].toLowerCase()) ?? 0;
    return { month, day: Number(m[2]), year: Number(m[3]), yearDigits: 4, start: at, end };
  }
  const year = m[7];
  if (year === undefined) return undefined; // the other alternative always captures a year
  return {
    month: Number(m[4]),
    day: Number(m[6]),
    year: Number(year),
    yearDigits: year.length === 2 ? 2 : 4,
    start: at,
    end,
  };
}

/** Whether a date written in the text names the same day; a two-digit year matches its last two digits. */
export function textDateIs(written: TextDate, date: CalendarDate): boolean {
  if (written.month !== date.month || written.day !== date.day) return false;
  return written.yearDigits === 2 ? written.year === date.year % 100 : written.year === date.year;
}
