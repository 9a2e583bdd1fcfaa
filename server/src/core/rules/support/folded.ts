// Folds a range of the original text into one string (line breaks and page breaks become single spaces),
// with a map back to source positions: the same folding the parser applies to field bodies, so offsets
// found in the folded text turn into exact ranges in the letter.
import type { Range } from '../../model';
import type { SourceText } from '../../source';
import { Excerpt } from '../../text/excerpt';
import type { Line } from '../../text/lines';
import { lineLocator } from './lineLocator';

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff;
}

/** The lines of `range`, each without form feeds and outer blanks; blank lines are dropped. */
function linesOf(source: SourceText, range: Range): Line[] {
  const lines: Line[] = [];
  const locator = lineLocator(source);
  for (let n = range.start.line; n <= range.end.line; n++) {
    const whole = locator.lineAt(n);
    let from = n === range.start.line ? Math.min(range.start.character, whole.length) : 0;
    let to = n === range.end.line ? Math.min(range.end.character, whole.length) : whole.length;
    while (from < to && isBlank(whole.charCodeAt(from))) from++;
    while (to > from && isBlank(whole.charCodeAt(to - 1))) to--;
    if (to <= from) continue;
    lines.push({ line: n, start: from, text: whole.slice(from, to), indent: 0, pageBreakBefore: false, blankBefore: false });
  }
  return lines;
}

/** The text of `range` folded to one line, or undefined when it holds no text. */
export function fold(source: SourceText, range: Range): Excerpt | undefined {
  const lines = linesOf(source, range);
  return lines.length === 0 ? undefined : Excerpt.fromLines(lines);
}
