// Rule fixtures in the markdownlint style. A fixture is a letter with MARKER LINES: a line that is exactly
// `~~> IMR001` (or several ids: `~~> IMR001 IMR005`) says the nearest preceding non-marker line is the start
// line of exactly one finding per id listed. Markers are removed before checking; line numbers refer to the
// stripped text, whose line terminators are kept byte for byte.
import { readFileSync } from 'node:fs';

export const MARKER = /^~~> (IMR\d{3}(?: IMR\d{3})*)\s*$/;

export interface ExpectedFinding {
  /** Zero-based line in the stripped text. */
  line: number;
  ruleId: string;
}

export interface Fixture {
  text: string;
  expected: ExpectedFinding[];
}

/** Splits into lines that keep their own terminator (`\r\n`, `\n` or `\r`). */
function linesWithTerminators(text: string): string[] {
  const lines = text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g);
  return lines ?? [];
}

export function parseFixture(source: string, name = 'fixture'): Fixture {
  const kept: string[] = [];
  const expected: ExpectedFinding[] = [];
  for (const line of linesWithTerminators(source)) {
    const m = MARKER.exec(line.replace(/[\r\n]+$/, ''));
    if (!m) {
      kept.push(line);
      continue;
    }
    if (kept.length === 0) throw new Error(`${name}: a marker line comes before any text line: ${line.trim()}`);
    for (const ruleId of m[1].split(' ')) expected.push({ line: kept.length - 1, ruleId });
  }
  return { text: kept.join(''), expected };
}

export function loadFixture(path: string): Fixture {
  return parseFixture(readFileSync(path, 'utf8'), path);
}
