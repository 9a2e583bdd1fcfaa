// Incremental re-analysis against a fresh one: files of several letters edited at random (letter boundaries
// made, merged, split and deleted, edits at the very start and end, CR/LF/CRLF mixes, form feeds), each
// version analysed from the one before (core/reanalysis.ts) and compared with a full parse and rule run of
// its text: the same model, positions and findings in the same order. Used by test/fuzz/incremental.test.ts
// and scripts/soak.ts.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parse } from '../../server/src/core';
import { analyse, checkAnalysis, type Reanalysis } from '../../server/src/core/reanalysis';
import { runRules } from '../../server/src/core/rules';
import { SourceText } from '../../server/src/core/source';
import { ROOT } from '../support/corpus';

const fixture = (dir: string, name: string) => readFileSync(path.join(ROOT, 'test', 'fixtures', dir, name), 'utf8');

/** Letters to join: three that read as L3, L3 with `-layout` text, and the older layouts. */
export const INCREMENTAL_LETTERS: readonly string[] = [
  fixture('joined', 'A-plain.txt'),
  fixture('joined', 'B-plain.txt'),
  fixture('joined', 'C-layout.txt'),
  fixture('layouts', 'L1.txt'),
  fixture('layouts', 'L0.txt'),
  fixture('layouts', 'L3-doubled-crlf.txt'),
];

/** What edits insert: line breaks of every kind, headings that open or close a letter, decisions, labels. */
const PIECES = [
  '',
  'x',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '\f',
  '\ufeff',
  'Upheld',
  'Overturned',
  'Decision rationale:',
  'HOW THE IMR FINAL DETERMINATION WAS MADE\n',
  'IMR ISSUES, DECISIONS AND RATIONALES\n',
  'Case Number: CM16-0000001\n',
  'MAXIMUS FEDERAL SERVICES, INC.\n',
  '<rationale>',
] as const;

/**
 * One edit: replace `[from, from + length)` (from as a share of the text; 0 and 1 are its very start and
 * end) with a piece, a whole letter (a boundary made), or a stretch of the text itself (a letter copied).
 */
export interface Edit {
  at: number;
  length: number;
  /** `lineEnd`: at the end of the line `at` falls in (trailing blanks); `terminator`: replacing its line break. */
  where: 'anywhere' | 'lineEnd' | 'terminator';
  insert:
    { kind: 'piece'; index: number } | { kind: 'letter'; index: number } | { kind: 'copy'; at: number; length: number };
}

export interface IncrementalCase {
  letters: number[];
  joint: 'pasted' | 'bundle';
  eol: 'lf' | 'crlf' | 'cr' | 'mixed';
  edits: Edit[];
  /** The rules' cap per rule (as the server's MAX_FINDINGS_PER_RULE), small so that the cap is reached. */
  cap: number;
}

const share = fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true }));

export const editArb: fc.Arbitrary<Edit> = fc.record({
  at: share,
  where: fc.constantFrom('anywhere' as const, 'anywhere' as const, 'lineEnd' as const, 'terminator' as const),
  // Mostly short; sometimes long enough to delete a boundary between letters, or a whole letter.
  length: fc.oneof({ weight: 4, arbitrary: fc.nat(40) }, { weight: 1, arbitrary: fc.nat(8000) }),
  insert: fc.oneof(
    { weight: 6, arbitrary: fc.record({ kind: fc.constant('piece' as const), index: fc.nat(PIECES.length - 1) }) },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant('letter' as const), index: fc.nat(INCREMENTAL_LETTERS.length - 1) }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('copy' as const), at: share, length: fc.nat(6000) }) },
  ),
});

export const incrementalCaseArb: fc.Arbitrary<IncrementalCase> = fc.record({
  letters: fc.array(fc.nat(INCREMENTAL_LETTERS.length - 1), { minLength: 1, maxLength: 4 }),
  joint: fc.constantFrom('pasted' as const, 'bundle' as const),
  eol: fc.constantFrom('lf' as const, 'crlf' as const, 'cr' as const, 'mixed' as const),
  edits: fc.array(editArb, { minLength: 1, maxLength: 8 }),
  cap: fc.constantFrom(Infinity, 1, 2, 5),
});

function withEol(text: string, eol: IncrementalCase['eol'], salt: number): string {
  if (eol === 'lf') return text;
  let k = salt;
  return text.replace(/\r\n|\r|\n/g, () => {
    const mixed = k++ % 3;
    return eol === 'crlf' || (eol === 'mixed' && mixed === 1) ? '\r\n' : eol === 'cr' || mixed === 2 ? '\r' : '\n';
  });
}

/** The letters one after the other, each ending in a line break; in a bundle, a form feed opens each after the first. */
export function initialText(c: IncrementalCase): string {
  const parts = c.letters.map((i, k) => {
    const letter = INCREMENTAL_LETTERS[i] ?? '';
    const ended = letter.endsWith('\n') ? letter : `${letter}\n`;
    return c.joint === 'bundle' && k > 0 ? `\f${ended}` : ended;
  });
  return withEol(parts.join(''), c.eol, c.letters.length);
}

/** Where the line break at or after `from` starts, and its length (0 at the text's end). */
function breakAt(text: string, from: number): { at: number; length: number } {
  const found = text.slice(from).search(/\r\n|\r|\n/);
  if (found < 0) return { at: text.length, length: 0 };
  const at = from + found;
  return { at, length: text.startsWith('\r\n', at) ? 2 : 1 };
}

export function applyEdit(text: string, edit: Edit): string {
  let from = Math.floor(edit.at * text.length);
  let to = Math.min(text.length, from + edit.length);
  if (edit.where !== 'anywhere') {
    const found = breakAt(text, from);
    from = found.at;
    to = edit.where === 'lineEnd' ? from : from + found.length;
  }
  const { insert } = edit;
  const piece =
    insert.kind === 'piece'
      ? PIECES[insert.index]
      : insert.kind === 'letter'
        ? INCREMENTAL_LETTERS[insert.index]
        : text.slice(Math.floor(insert.at * text.length), Math.floor(insert.at * text.length) + insert.length);
  return text.slice(0, from) + (piece ?? '') + text.slice(to);
}

/** The model as data: folded text by its text and position map, without the lazily cached range. */
export function modelJson(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (key === 'wholeRange' ? undefined : v));
}

/** The first place two JSON texts differ, for a readable failure. */
function firstDifference(a: string, b: string): string {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return `…${a.slice(Math.max(0, k - 80), k + 80)}… vs …${b.slice(Math.max(0, k - 80), k + 80)}…`;
}

/** The settings key of every check in a case: one configuration, so that rule runs are reused. */
const KEY = ['incremental-test'];

/**
 * Replays a case, each version analysed from the previous one, and returns what differs from a full
 * analysis (empty: every version equal).
 */
export function incrementalViolations(c: IncrementalCase): string[] {
  let text = initialText(c);
  let previous: Reanalysis = analyse(text);
  checkAnalysis(previous, new Map(), KEY, c.cap);
  for (const [k, edit] of c.edits.entries()) {
    text = applyEdit(text, edit);
    const next = analyse(text, previous);
    const fresh = parse(text);
    const [a, b] = [modelJson(next.document), modelJson(fresh)];
    if (a !== b) return [`after edit ${k}, the model differs from a full parse: ${firstDifference(a, b)}`];
    const incremental = modelJson(checkAnalysis(next, new Map(), KEY, c.cap));
    const whole = modelJson(runRules(fresh, new SourceText(text), new Map(), undefined, c.cap));
    if (incremental !== whole)
      return [`after edit ${k}, the findings differ from a full rule run: ${firstDifference(incremental, whole)}`];
    previous = next;
  }
  return [];
}

export function describeIncrementalCase(c: IncrementalCase): string {
  return JSON.stringify(c, (_, v: unknown) => (v === Infinity ? 'Infinity' : v));
}
