// Smart select over an L1 (2013) letter's dates. An L1 letter has no header block: but for `Dated:`, its
// dates stand in the procedural paragraph under INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE, so a
// date expands to its sentence, the paragraph (up to the numbered findings), the section, the document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { createLanguageService } from '../../server/src/core/service';
import type { Selection } from '../../server/src/core/service/selection';
import { SourceText } from '../../server/src/core/source';
import { fixtureText, joinLetters, JOINED_FIXTURES, LAYOUT_FIXTURES } from '../support/joined';

type Quad = [number, number, number, number];

/** The ranges around each position, innermost first, as [line, character, line, character]. */
function chains(text: string, ...positions: [number, number][]): Quad[][] {
  const uri = 'memory:/letter.txt';
  const letter = { document: parse(text), source: new SourceText(text) };
  const service = createLanguageService({ letter: (u) => (u === uri ? letter : undefined) });
  return service
    .selection(
      uri,
      positions.map(([line, character]) => ({ line, character })),
    )
    .map((innermost) => {
      const out: Quad[] = [];
      for (let s: Selection | undefined = innermost; s; s = s.parent)
        out.push([s.range.start.line, s.range.start.character, s.range.end.line, s.range.end.character]);
      return out;
    });
}

const L1 = fixtureText(LAYOUT_FIXTURES, 'L1.txt');
// L1.txt: the decisions section runs from line 14 to 26; its paragraph is lines 15–19, then findings 1)–3).
const SECTION: Quad = [14, 0, 26, 26];
const PARAGRAPH: Quad = [15, 0, 19, 37];
const DOCUMENT: Quad = [0, 0, 102, 0];

test('a date of the procedural paragraph: date → sentence → paragraph → section → document', () => {
  // Line 15: "The Application for Independent Medical Review was received on 7/22/2013. The utilization"
  const [received, denial] = chains(L1, [15, 66], [16, 40]);
  assert.deepEqual(received, [[15, 63, 15, 72], [15, 0, 15, 73], PARAGRAPH, SECTION, DOCUMENT]);
  // The UR denial sentence starts after the first one's period and wraps: "The utilization" / "review … 7/12/2013."
  assert.deepEqual(denial, [[16, 39, 16, 48], [15, 74, 16, 49], PARAGRAPH, SECTION, DOCUMENT]);
});

test('the words that introduce a date: words → sentence → paragraph, over a line break', () => {
  // "A Notice of Assignment and Request for" / "Information was provided to the parties on 7/30/2013."
  const [words, date] = chains(L1, [17, 10], [17, 45]);
  assert.deepEqual(words, [[16, 52, 17, 42], [16, 50, 17, 53], PARAGRAPH, SECTION, DOCUMENT]);
  assert.deepEqual(date, [[17, 43, 17, 52], [16, 50, 17, 53], PARAGRAPH, SECTION, DOCUMENT]);
});

test('between sentences, in a finding, and on `Dated:`: no sentence step; the Dated: line as a header', () => {
  const [between, finding, dated] = chains(L1, [16, 50], [20, 5], [2, 9]);
  assert.deepEqual(between, [SECTION, DOCUMENT]);
  assert.deepEqual(finding, [SECTION, DOCUMENT]);
  assert.deepEqual(dated, [[2, 7, 2, 15], [2, 0, 2, 15], DOCUMENT]);
});

test('without a `Dated:` line (the header is then the first paragraph date): the same steps', () => {
  const [received] = chains(L1.replace('Dated: 9/3/2013', ''), [15, 66]);
  assert.deepEqual(received, [[15, 63, 15, 72], [15, 0, 15, 73], PARAGRAPH, SECTION, DOCUMENT]);
});

test('-layout text: a centred heading, the paragraph flush left', () => {
  const text = fixtureText(LAYOUT_FIXTURES, '../rules/IMR011-l1-denial-after-application.txt').replace(
    /^~~>.*\n/gm,
    '',
  );
  const [received] = chains(text, [9, 65]);
  assert.deepEqual(received, [
    [9, 63, 9, 72],
    [9, 0, 9, 73],
    [9, 0, 13, 37],
    [8, 14, 15, 36],
    [0, 0, 24, 0],
  ]);
});

test('the L1 letter second in a file (from line 42, after a form feed): … → section → its letter → document', () => {
  const joined = joinLetters([fixtureText(JOINED_FIXTURES, 'A-plain.txt'), L1], 'bundle');
  assert.equal(joined.startLines[1], 42);
  const [received] = chains(joined.text, [42 + 15, 66]);
  assert.deepEqual(received, [
    [57, 63, 57, 72],
    [57, 0, 57, 73],
    [57, 0, 61, 37],
    [56, 0, 68, 26],
    [42, 0, 144, 0],
    [0, 0, 144, 0],
  ]);
});
