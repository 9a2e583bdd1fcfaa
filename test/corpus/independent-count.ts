// An independent count of a letter's decisions, sharing NO code with the parser (server/src/**): it looks
// only at line ends. A decision is
//   * a line ending in `: Upheld` / `: Overturned` (one or more blanks after the colon), after stripping
//     form feeds and trailing blanks; or
//   * a line that is exactly `Upheld` / `Overturned` (form feeds and outer blanks stripped) whose previous
//     non-empty line ends in `:` (seen 9/247 times: `…of the right hip and foot:` / `Upheld`).
// Positions are zero-based lines and UTF-16 characters into the original text; \r\n, \r and \n end lines.

export type CountedDecision = 'Upheld' | 'Overturned';

export interface CountedItem {
  decision: CountedDecision;
  /** Where the decision word starts in the original text. */
  line: number;
  character: number;
}

const SAME_LINE = /:[ \t]+(Upheld|Overturned)$/;
const ALONE = /^(Upheld|Overturned)$/;

function clean(line: string): string {
  return line.replace(/\f/g, '').replace(/[ \t]+$/, '');
}

/** The decision word a match captured, if there is a match. */
function decisionOf(match: RegExpExecArray | null): CountedDecision | undefined {
  const word = match?.[1];
  return word === 'Upheld' || word === 'Overturned' ? word : undefined;
}

export function countDecisions(text: string): CountedItem[] {
  const lines = text.split(/\r\n|\r|\n/);
  const found: CountedItem[] = [];
  let previousNonEmpty = '';
  for (const [i, raw] of lines.entries()) {
    const line = clean(raw);
    const same = decisionOf(SAME_LINE.exec(line));
    if (same) {
      // The word is at the end of the cleaned line; find the same word at the end of the raw line.
      const column = raw.replace(/[ \t\f]+$/, '').length - same.length;
      found.push({ decision: same, line: i, character: column });
    } else {
      const alone = decisionOf(ALONE.exec(line.trim()));
      if (alone && previousNonEmpty.endsWith(':'))
        found.push({ decision: alone, line: i, character: raw.indexOf(alone) });
    }
    if (line.trim() !== '') previousNonEmpty = line.trim();
  }
  return found;
}

/** Loose text comparison: lower case, letters and digits only (text/ drops line-end hyphens, layout/ keeps them). */
export function loose(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}
