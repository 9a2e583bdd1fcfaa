// IMR018 placeholder-text: a slot meant to be filled in, left in the letter: what the quick fixes insert
// (`<rationale>`, `<is / is not>`, …) and the usual hand-written ones (`[item]`, `XXX`, `TBD`).
import { Candidates, stickyMatches } from '../text/scan';
import { letterSpan } from './support/letterSpan';
import { lineLocator } from './support/lineLocator';
import { PLACEHOLDERS } from './support/placeholders';
import type { Report, Rule } from './types';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
// Angle slots hold lower-case words ("<5 mm" and "< 10" are measures); square slots are a known word, so that
// "[sic]" and bracketed record text stay quiet; X runs are upper case only.
const SLOT = new RegExp(
  [
    ...Object.values(PLACEHOLDERS).map(escape),
    '<[a-z][a-z ]{0,30}(?: / [a-z][a-z ]{0,30})?>',
    '\\[(?:item|items|request|date|name|drug|dose|rationale|guideline|citation|title|decision|specialty|state|diagnosis|insert[a-z ]*)\\]',
    '\\bX{3,}\\b',
    '\\bTBD\\b',
  ].join('|'),
  'y',
);
// Where a slot can start: the first character of each literal slot, `<`, `[`, the X run, and TBD found by its
// `BD` (indexOf stops at each occurrence of a needle's first character, and a capital B is far rarer than a T).
const LITERAL_STARTS = new Set([...Object.values(PLACEHOLDERS).map((p) => p.charAt(0)), '<', '[', 'XXX']);
const SLOT_STARTS = [...[...LITERAL_STARTS].map((needle) => ({ needle, before: 0 })), { needle: 'BD', before: 1 }];

export const placeholderText: Rule = {
  meta: {
    id: 'IMR018',
    name: 'placeholder-text',
    description: 'A placeholder meant to be filled in (<rationale>, [item], XXX, TBD) is left in the letter.',
    defaultSeverity: 'warning',
    tags: ['wording', 'proofreading'],
    fixable: false,
    rationale:
      'The quick fixes insert skeletons with slots such as <rationale> and <is / is not>, and authors type [item], ' +
      'XXX or TBD while drafting. A letter sent with one still in it states nothing where the slot stands, which ' +
      'for a rationale or a conclusion is the finding Labor Code 4610.6 requires.',
    examples: {
      failing: 'Decision rationale: <rationale>. As such, the request is not medically necessary.',
      passing: 'Decision rationale: No functional gain is documented. As such, the request is not medically necessary.',
    },
  },
  check({ document, source }) {
    const reports: Report[] = [];
    const text = source.text;
    // Only this letter's part: the haystack ends where the letter does (a prefix slice keeps the offsets).
    const { from, to } = letterSpan(document, lineLocator(source));
    const letter = to === text.length ? text : text.slice(0, to);
    for (const m of stickyMatches(letter, SLOT, new Candidates(letter, SLOT_STARTS), from)) {
      reports.push({
        message: `Placeholder "${m[0]}" is still in the letter: replace it with the text it stands for.`,
        range: { start: source.positionAt(m.index), end: source.positionAt(m.index + m[0].length) },
      });
    }
    return reports;
  },
};
