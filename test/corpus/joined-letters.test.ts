// Real letters joined into one file, as a bundle's extraction or a paste gives them: each part must read
// exactly as the letter alone (items, decisions, headers, sections, ranges moved down by its first line),
// in plain and -layout form, and no single real letter may be split.
// The corpus is found by test/support/corpus.ts. Without it these tests SKIP, unless CI=true, where they FAIL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { lettersOf } from '../../server/src/core/letters';
import { corpusAvailable, corpusLetters, type Letter } from '../support/corpus';
import { aloneLetter, joinLetters, plainLetter, shiftedLetter, type Joint } from '../support/joined';
import { at } from '../support/elements';

/** The case number a corpus letter's file name gives (`dwc-2016/text/CM17-0020384.txt`): not read by the parser. */
const caseOf = (letter: Letter) => /CM\d\d-\d{7}/.exec(letter.name)?.[0];

function checkJoined(group: readonly Letter[], joint: Joint): void {
  const where = `${joint} ${group.map((l) => l.name).join(' + ')}`;
  const joined = joinLetters(
    group.map((l) => l.text),
    joint,
  );
  const letters = lettersOf(parse(joined.text));
  assert.equal(letters.length, group.length, `${where}: letters found`);
  for (const [k, part] of joined.parts.entries()) {
    const read = letters[k];
    assert.equal(
      read?.header?.fields.caseNumber?.value,
      caseOf(at(group, k)),
      `${where}: case number of part ${k + 1}`,
    );
    assert.deepEqual(
      plainLetter(read),
      shiftedLetter(aloneLetter(parse(part)), joined.startLines[k] ?? 0),
      `${where}: part ${k + 1} as alone`,
    );
  }
}

/** Consecutive letters in groups of `size` (the last group may be smaller, but not a single letter). */
function groups<T>(all: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let k = 0; k + 1 < all.length; k += size) out.push(all.slice(k, k + size));
  return out;
}

test('no real letter is split: each corpus letter alone is one letter', (t) => {
  if (!corpusAvailable(t)) return;
  for (const letter of corpusLetters()) assert.equal(lettersOf(parse(letter.text)).length, 1, letter.name);
});

for (const form of ['text', 'layout'] as const) {
  for (const joint of ['pasted', 'bundle'] as const) {
    test(`corpus ${form} letters joined in threes (${joint}): each part reads as the letter alone`, (t) => {
      if (!corpusAvailable(t, [form])) return;
      for (const group of groups(corpusLetters([form]), 3)) checkJoined(group, joint);
    });
  }
}

test('corpus letters of both extractions in one file: plain, -layout, plain', (t) => {
  if (!corpusAvailable(t, ['text', 'layout'])) return;
  const text = corpusLetters(['text']);
  const layout = corpusLetters(['layout']);
  for (let k = 0; k + 2 < text.length; k += 7) {
    checkJoined([at(text, k), at(layout, k + 1), at(text, k + 2)], 'bundle');
    checkJoined([at(layout, k), at(text, k + 1), at(layout, k + 2)], 'pasted');
  }
});
