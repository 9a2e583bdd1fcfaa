// Rule fixtures in the markdownlint style: a letter with MARKER LINES, each naming one finding that starts
// on the nearest text line above it, with its exact span (test/fixtures/rules/README.md):
//   ~~> IMR014 @36-37        columns 36 to 37 of that line
//   ~~> IMR004 @39-+1:10     from column 39 to column 10 of the next text line
// Columns count from 1, as an editor shows them, and both ends are inclusive. Markers are removed before
// checking; lines and columns refer to the stripped text, whose line terminators are kept byte for byte.
import { readFileSync } from 'node:fs';
import type { Range } from '../../server/src/core/model';
import { at } from '../support/elements';

export const MARKER = /^~~> (IMR\d{3}) @(\d+)-(?:\+(\d+):)?(\d+)\s*$/;
/** The old line-only form (`~~> IMR001 IMR005`): an error now, so that no marker is left without its span. */
const SPANLESS = /^~~> IMR\d{3}(?: IMR\d{3})*\s*$/;

export interface ExpectedFinding {
  ruleId: string;
  /** Zero-based, end exclusive, as findings report it. */
  range: Range;
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

/** A range in marker syntax: `@36-37` or `@39-+1:10`. */
export function markerSpan(range: Range): string {
  const below = range.end.line - range.start.line;
  return `@${range.start.character + 1}-${below ? `+${below}:` : ''}${range.end.character}`;
}

export function parseFixture(source: string, name = 'fixture'): Fixture {
  const kept: string[] = [];
  const expected: ExpectedFinding[] = [];
  for (const line of linesWithTerminators(source)) {
    const bare = line.replace(/[\r\n]+$/, '');
    const m = MARKER.exec(bare);
    if (!m) {
      if (SPANLESS.test(bare))
        throw new Error(`${name}: marker without a span (one rule id, then @start-end): ${bare}`);
      kept.push(line);
      continue;
    }
    if (kept.length === 0) throw new Error(`${name}: a marker line comes before any text line: ${bare}`);
    const [, ruleId, start, below, end] = m as unknown as [string, string, string, string | undefined, string];
    const startLine = kept.length - 1;
    expected.push({
      ruleId,
      range: {
        start: { line: startLine, character: Number(start) - 1 },
        end: { line: startLine + Number(below ?? 0), character: Number(end) },
      },
    });
  }
  const lines = kept.map((l) => l.replace(/[\r\n]+$/, ''));
  for (const { ruleId, range } of expected) {
    const where = `${name}: ${ruleId} ${markerSpan(range)} on line ${range.start.line + 1}`;
    const startLine = at(lines, range.start.line);
    const endLine = lines[range.end.line];
    if (range.start.character < 0 || range.start.character >= startLine.length)
      throw new Error(`${where}: the start column is outside the line`);
    if (endLine === undefined || range.end.character > endLine.length)
      throw new Error(`${where}: the end is outside the text`);
    if (range.end.line === range.start.line && range.end.character <= range.start.character)
      throw new Error(`${where}: the span ends before it starts`);
  }
  return { text: kept.join(''), expected };
}

export function loadFixture(path: string): Fixture {
  return parseFixture(readFileSync(path, 'utf8'), path);
}
