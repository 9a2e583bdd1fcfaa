// Files that hold several letters, built from single letters: each part as it stands in the joined file
// (ending in a line break, a bundle's part starting with the form feed its page break leaves), and the
// line where it starts, so that a test can compare each letter of the file with the part parsed alone.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ImrDocument, Letter } from '../../server/src/core/model';
import type { Finding } from '../../server/src/core/rules';
import { ROOT } from './corpus';
import { only } from './elements';

export const JOINED_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'joined');
export const LAYOUT_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'layouts');

/** `pasted`: one after the other; `bundle`: each after the first starts with a form feed, as pages do. */
export type Joint = 'pasted' | 'bundle';

export interface Joined {
  text: string;
  /** Each letter's text as it stands in `text`. */
  parts: string[];
  /** The line each part starts on. */
  startLines: number[];
}

export function joinLetters(letters: readonly string[], joint: Joint): Joined {
  const parts = letters.map((text, k) => {
    const ended = text.endsWith('\n') ? text : `${text}\n`;
    return joint === 'bundle' && k > 0 && !ended.startsWith('\f') ? `\f${ended}` : ended;
  });
  const startLines: number[] = [];
  let line = 0;
  for (const part of parts) {
    startLines.push(line);
    line += part.split('\n').length - 1;
  }
  return { text: parts.join(''), parts, startLines };
}

export function fixtureText(dir: string, name: string): string {
  return readFileSync(path.join(dir, name), 'utf8');
}

/** A letter as plain data (the folded spans' position maps dropped), its positions moved down `lines` lines. */
export function shiftedLetter(letter: Letter, lines: number): unknown {
  return shift(letter, lines);
}

/** A rule's finding as plain data, its range and related places moved down `lines` lines. */
export function shiftedFinding(finding: Finding, lines: number): unknown {
  return shift(finding, lines);
}

/** A letter as plain data: a folded span is its text and range (its position map is the parser's own). */
export function plainLetter(letter: Letter | undefined): unknown {
  return shift(letter, 0);
}

/** The one letter a document of a single letter holds, as plain data (see `shiftedLetter`). */
export function aloneLetter(document: ImrDocument): Letter {
  return only(document.letters ?? [], 'one letter');
}

function shift(value: unknown, lines: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shift(v, lines));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const folded = 'rangeOf' in value && typeof value.rangeOf === 'function';
  for (const [key, v] of Object.entries(value)) {
    if (folded && key !== 'text' && key !== 'range') continue;
    if (typeof v !== 'function' && v !== undefined) out[key] = shift(v, lines);
  }
  if (typeof out.line === 'number' && typeof out.character === 'number') out.line += lines;
  return out;
}
