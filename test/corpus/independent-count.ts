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

export function countDecisions(text: string): CountedItem[] {
  const lines = text.split(/\r\n|\r|\n/);
  const found: CountedItem[] = [];
  let previousNonEmpty = '';
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = clean(raw);
    const same = SAME_LINE.exec(line);
    if (same) {
      // The word is at the end of the cleaned line; find the same word at the end of the raw line.
      const at = raw.replace(/[ \t\f]+$/, '').length - same[1].length;
      found.push({ decision: same[1] as CountedDecision, line: i, character: at });
    } else {
      const alone = ALONE.exec(line.trim());
      if (alone && previousNonEmpty.endsWith(':')) {
        found.push({ decision: alone[1] as CountedDecision, line: i, character: raw.indexOf(alone[1]) });
      }
    }
    if (line.trim() !== '') previousNonEmpty = line.trim();
  }
  return found;
}

/** Loose text comparison: lower case, letters and digits only (text/ drops line-end hyphens, layout/ keeps them). */
export function loose(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]/g, '');
}
