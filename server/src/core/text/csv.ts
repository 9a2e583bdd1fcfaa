// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a quote, comma or line break.
// A field that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+1+cmd|…`) starts with an
// apostrophe, as OWASP advises against CSV injection: a letter's item name becomes a cell (issue 12).

/** What a spreadsheet reads as the start of a formula; a signed plain number is just a number. */
const FORMULA = /^(?:[=@\t\r]|[+-](?!\d+(?:\.\d+)?$))/;

export function csvField(value: string): string {
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',') + '\r\n').join('');
}
