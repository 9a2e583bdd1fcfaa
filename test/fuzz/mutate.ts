// Hostile versions of real letters for the fuzz suite: lines deleted, duplicated and shuffled, labels cut,
// random bytes, CR/LF/CRLF mixes, a BOM, NULs, lone surrogates, 100,000-character tokens and 100,000 empty
// lines. A case is a base letter plus a list of mutations, applied in order by `mutate` (a pure function,
// so that a failing case is reproduced from its printed description alone).
import fc from 'fast-check';
import { corpusLetters, corpusPresent, type Letter } from '../support/corpus';
import { letterText, SHIPPED_LETTERS } from '../support/letters';

export const HUGE = 100_000;

/** Units a 100,000-character token is made of: the runs that have made line-level algorithms quadratic. */
export const TOKEN_UNITS = ['-', 'a', 'a1/', 'ab  ', '  ', 'x.', 'Upheld ', 'MTUS ', '\t', '\f', 'é'] as const;

export type Mutation =
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'shuffle'; at: number; count: number; seed: number }
  | { kind: 'cut'; at: number; keep: number }
  | { kind: 'bytes'; at: number; offset: number; bytes: number[] }
  | { kind: 'insert'; at: number; offset: number; text: string }
  | { kind: 'eol'; style: 'lf' | 'cr' | 'crlf' | 'mixed'; seed: number }
  | { kind: 'bom' }
  | { kind: 'nul'; at: number; offset: number; count: number }
  | { kind: 'surrogate'; at: number; offset: number; unit: number }
  | { kind: 'token'; at: number; offset: number; unit: (typeof TOKEN_UNITS)[number] }
  | { kind: 'emptyLines'; at: number };

export interface Case {
  letter: string;
  mutations: Mutation[];
}

/** A small deterministic generator (mulberry32), so that shuffles and line-ending mixes replay exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits into lines, keeping each line's terminator with it. */
function linesOf(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function insertAt(lines: string[], at: number, offset: number, piece: string): void {
  if (!lines.length) {
    lines.push(piece);
    return;
  }
  const i = at % lines.length;
  const line = lines[i];
  if (line === undefined) return;
  const body = line.replace(/(?:\r\n|\r|\n)$/, '');
  const o = offset % (body.length + 1);
  lines[i] = body.slice(0, o) + piece + line.slice(o);
}

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = linesOf(text);
  for (const m of mutations) {
    const n = lines.length;
    const i = n ? ('at' in m ? m.at % n : 0) : 0;
    switch (m.kind) {
      case 'delete':
        lines.splice(i, m.count);
        break;
      case 'duplicate':
        lines.splice(i, 0, ...lines.slice(i, i + m.count));
        break;
      case 'shuffle': {
        const block = lines.slice(i, i + m.count);
        const next = random(m.seed);
        for (let k = block.length - 1; k > 0; k--) {
          const j = Math.floor(next() * (k + 1));
          const [a, b] = [block[k], block[j]];
          if (a === undefined || b === undefined) continue;
          [block[k], block[j]] = [b, a];
        }
        lines.splice(i, block.length, ...block);
        break;
      }
      case 'cut': {
        // Cut a line short (a label torn in two), keeping its line ending.
        if (!n) break;
        const line = lines[i];
        if (line === undefined) break;
        const body = line.replace(/(?:\r\n|\r|\n)$/, '');
        lines[i] = body.slice(0, m.keep % (body.length + 1)) + line.slice(body.length);
        break;
      }
      case 'bytes':
        // Bytes read as Latin-1 (what a wrongly decoded file gives): controls, C1 controls, accented letters.
        insertAt(lines, m.at, m.offset, String.fromCharCode(...m.bytes));
        break;
      case 'insert':
        insertAt(lines, m.at, m.offset, m.text);
        break;
      case 'eol': {
        const next = random(m.seed);
        const pick = () => (m.style === 'mixed' ? mixedEol(next()) : { lf: '\n', cr: '\r', crlf: '\r\n' }[m.style]);
        lines = lines.map((l) => l.replace(/(?:\r\n|\r|\n)$/, (eol) => (eol ? pick() : eol)));
        break;
      }
      case 'bom':
        lines[0] = `\ufeff${lines[0] ?? ''}`;
        break;
      case 'nul':
        insertAt(lines, m.at, m.offset, '\0'.repeat(m.count));
        break;
      case 'surrogate':
        insertAt(lines, m.at, m.offset, String.fromCharCode(m.unit));
        break;
      case 'token':
        insertAt(lines, m.at, m.offset, m.unit.repeat(Math.ceil(HUGE / m.unit.length)).slice(0, HUGE));
        break;
      case 'emptyLines':
        lines.splice(i, 0, '\n'.repeat(HUGE));
        break;
    }
  }
  return lines.join('');
}

/** The letters cases start from: the shipped ones always, every corpus letter when the corpus is there. */
export function baseLetters(): Letter[] {
  const shipped = SHIPPED_LETTERS.map((name) => ({ name, text: letterText(name) }));
  if (!corpusPresent()) return shipped;
  return [...shipped, ...corpusLetters().filter((l) => !SHIPPED_LETTERS.includes(l.name))];
}

const at = fc.nat(5000);
const offset = fc.nat(300);

/** Mutations that keep a letter's size: the common kind. */
const ordinary: fc.Arbitrary<Mutation>[] = [
  fc.record({ kind: fc.constant('delete' as const), at, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at, count: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('shuffle' as const), at, count: fc.integer({ min: 2, max: 12 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at, keep: fc.nat(80) }),
  fc.record({
    kind: fc.constant('bytes' as const),
    at,
    offset,
    bytes: fc.array(fc.nat(255), { minLength: 1, maxLength: 12 }),
  }),
  fc.record({ kind: fc.constant('insert' as const), at, offset, text: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({
    kind: fc.constant('eol' as const),
    style: fc.constantFrom('lf' as const, 'cr' as const, 'crlf' as const, 'mixed' as const),
    seed: fc.nat(),
  }),
  fc.constant({ kind: 'bom' as const }),
  fc.record({ kind: fc.constant('nul' as const), at, offset, count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('surrogate' as const), at, offset, unit: fc.integer({ min: 0xd800, max: 0xdfff }) }),
];

/** Mutations that add 100,000 characters or lines. */
const huge: fc.Arbitrary<Mutation>[] = [
  fc.record({ kind: fc.constant('token' as const), at, offset, unit: fc.constantFrom(...TOKEN_UNITS) }),
  fc.record({ kind: fc.constant('emptyLines' as const), at }),
];

export function mutationArb(options: { huge: boolean }): fc.Arbitrary<Mutation> {
  return options.huge ? fc.oneof(...ordinary, ...huge) : fc.oneof(...ordinary);
}

/** A case: a base letter and 1–6 mutations, at most one of them huge (when `huge`). */
export function caseArb(letters: readonly Letter[], options: { huge: boolean }): fc.Arbitrary<Case> {
  const plain = fc.array(mutationArb({ huge: false }), { minLength: 1, maxLength: 6 });
  const mutations = options.huge
    ? fc.tuple(plain, fc.oneof(...huge), fc.nat(6)).map(([list, big, k]) => {
        const out = [...list];
        out.splice(k % (out.length + 1), 0, big);
        return out;
      })
    : plain;
  return fc.record({ letter: fc.constantFrom(...letters.map((l) => l.name)), mutations });
}

/** One line describing a case, for reports: `letter | kind(at=…) …`, the huge payloads by unit only. */
export function describeCase(c: Case): string {
  return `${c.letter} | ${c.mutations.map((m) => `${m.kind}${JSON.stringify({ ...m, kind: undefined })}`).join(' ')}`;
}

/** A line ending drawn from [0, 1): LF, CR or CRLF, a third each. */
function mixedEol(r: number): string {
  const k = Math.floor(r * 3);
  return k === 0 ? '\n' : k === 1 ? '\r' : '\r\n';
}
