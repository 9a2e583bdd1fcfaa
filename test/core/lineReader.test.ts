// Reading a file a letter at a time (text/lines.ts LineReader, parse/letters.ts readLetters): the lines come one
// by one, each letter's lines go to the reader as soon as its end is known, and doubled text is still told
// from the whole text.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { readLetters } from '../../server/src/core/parse/letters';
import { L3_DECISIONS, L3_HOW_MADE } from '../../server/src/core/parse/headings';
import type { Layout, Range } from '../../server/src/core/model';
import { isDoubledText, LineReader, looksDoubled, type Line } from '../../server/src/core/text/lines';
import { readLines } from '../support/readLines';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

/** Every line the reader gives, as [line, start, text, indent, pageBreakBefore, blankBefore]. */
function drain(reader: LineReader): (string | number | boolean)[][] {
  const out: (string | number | boolean)[][] = [];
  for (let l = reader.next(); l; l = reader.next())
    out.push([l.line, l.start, l.text, l.indent, l.pageBreakBefore, l.blankBefore]);
  return out;
}

describe('LineReader', () => {
  test('LF, CRLF and CR end lines; a BOM, form feeds and blanks lead a line; the end is counted as LSP does', () => {
    const reader = new LineReader('\ufeff  Title\r\n\r\n\f\tPage two\r\rlast \n\n  ', false);
    assert.deepEqual(drain(reader), [
      [0, 3, 'Title', 2, false, false],
      [2, 2, 'Page two', 1, true, false],
      [4, 0, 'last', 0, false, true],
    ]);
    assert.equal(reader.lineCount, 7);
    assert.equal(reader.lastLineLength, 2);
    assert.equal(reader.next(), undefined);
  });

  test('a doubled reading skips the line after each line and takes a fully empty line for a page break', () => {
    const reader = new LineReader('a\n\nb\n\n\n\nc\n\n \n\nd\n', true);
    assert.deepEqual(drain(reader), [
      [0, 0, 'a', 0, false, false],
      [2, 0, 'b', 0, false, false],
      [6, 0, 'c', 0, true, false],
      [10, 0, 'd', 0, false, true],
    ]);
    assert.equal(reader.lineCount, 12);
    assert.equal(reader.doubledEvidence, false);
  });

  test('a plain reading counts the evidence of doubled text over the whole text', () => {
    const reader = new LineReader('a\n\nb\n\nc\n\nd\n\n', false);
    drain(reader);
    assert.equal(reader.doubledEvidence, true);
    const plain = new LineReader('a\n\nb\n\nc\n\nd\nx\n', false);
    drain(plain);
    assert.equal(plain.doubledEvidence, false);
  });

  test('gives the lines readLines gives, for every line-end kind', () => {
    const text = 'HEAD\n\n  one\r\ntwo\r\r\n\fthree\t\n\u00a0four';
    assert.deepEqual(drain(new LineReader(text, false)), drain(new LineReader(text, readLines(text).doubled)));
    assert.deepEqual(
      drain(new LineReader(text, false)).map(([line, , t]) => [line, t]),
      readLines(text).lines.map((l) => [l.line, l.text]),
    );
  });
});

describe('doubled text is told from the whole text', () => {
  // Six plain lines, then 100 lines each followed by an empty one: 100 of the 103 odd lines are empty.
  const lateDoubled = ['a', 'b', 'c', 'd', 'e', 'f', ...Array.from({ length: 100 }, () => ['x', '']).flat()].join('\n');
  // Doubled for eight lines, then 50 plain lines: 4 of the 29 odd lines are empty.
  const earlyDoubled = ['a', '', 'b', '', 'c', '', 'd', '', ...Array.from({ length: 50 }, () => 'y')].join('\n');

  test('isDoubledText counts every line; looksDoubled only the first ones', () => {
    assert.equal(isDoubledText(lateDoubled), true);
    assert.equal(looksDoubled(lateDoubled), false);
    assert.equal(isDoubledText(earlyDoubled), false);
    assert.equal(looksDoubled(earlyDoubled), true);
    assert.equal(isDoubledText('a\r\n\r\nb\r\n\r\nc\r\n\r\nd\r\n\r\n'), true);
    assert.equal(looksDoubled('a\r\rb\r\rc\r\rd\r\r'), true);
  });

  test('parse reads text doubled only past its first lines as doubled, and the other way round as plain', () => {
    const late = parse(lateDoubled);
    assert.equal(late.variant.extraction, 'doubled');
    assert.equal(late.lineCount, 206);
    assert.deepEqual(late.problems[0]?.range, r(0, 0, 0, 1));
    assert.equal(readLines(lateDoubled).doubled, true);
    const early = parse(earlyDoubled);
    assert.equal(early.variant.extraction, 'plain');
    assert.equal(early.lineCount, 58);
  });
});

describe('readLetters', () => {
  // Three letters: each has a title, a decisions heading and an item; the second and third start at the
  // `Case Number:` of their header, the front matter before their title.
  const letter = (name: string) => [`Case Number: ${name}`, L3_HOW_MADE, 'body', L3_DECISIONS, `${name}: Upheld`];
  const text = [...letter('A'), ...letter('B'), '', ...letter('C')].join('\n');
  /** Reads as L3 save a part holding `unreadable`. */
  const detectWithout =
    (unreadable: string) =>
    (lines: readonly Line[]): Layout =>
      lines.some((l) => l.text.startsWith(unreadable)) ? 'unknown' : 'L3';

  function letters(detect: (lines: readonly Line[]) => Layout) {
    const reader = new LineReader(text, false);
    let given = 0;
    const next = reader.next.bind(reader);
    reader.next = () => {
      const line = next();
      if (line) given++;
      return line;
    };
    const read: { lines: string[]; range: Range; linesGiven: number }[] = [];
    const file = readLetters(reader, false, detect, (lines, range) =>
      read.push({ lines: lines.map((l) => l.text), range, linesGiven: given }),
    );
    return { read, file };
  }

  test('each letter as soon as the next one has started and read', () => {
    const { read, file } = letters(() => 'L3');
    assert.deepEqual(file, r(0, 0, 15, 9));
    assert.deepEqual(
      read.map((l) => [l.lines[0], l.lines.length, l.range, l.linesGiven]),
      [
        // A ends where B's Case Number stands (line 5); it is read once C's title shows that B ended.
        ['Case Number: A', 5, r(0, 0, 5, 0), 12],
        ['Case Number: B', 5, r(5, 0, 11, 0), 15],
        ['Case Number: C', 5, r(11, 0, 15, 9), 15],
      ],
    );
  });

  test('a part that reads as no layout joins the letter before it', () => {
    const { read } = letters(detectWithout('B:'));
    assert.deepEqual(
      read.map((l) => [l.lines[0], l.lines.length, l.range]),
      [
        ['Case Number: A', 10, r(0, 0, 11, 0)],
        ['Case Number: C', 5, r(11, 0, 15, 9)],
      ],
    );
  });

  test('a first part that reads as no layout joins the next; one after it joins as ever', () => {
    assert.deepEqual(
      letters(detectWithout('A:')).read.map((l) => [l.lines.length, l.range]),
      [
        [10, r(0, 0, 11, 0)],
        [5, r(11, 0, 15, 9)],
      ],
    );
    const twoUnread = letters((lines) => (lines.some((l) => l.text.startsWith('C:')) ? 'L3' : 'unknown'));
    assert.deepEqual(
      twoUnread.read.map((l) => [l.lines.length, l.range]),
      [[15, r(0, 0, 15, 9)]],
    );
  });

  test('a file with no line reads no letter and still has its range', () => {
    const reader = new LineReader('\n \n\f', false);
    const read: Range[] = [];
    assert.deepEqual(
      readLetters(
        reader,
        false,
        () => 'L3',
        (_, range) => read.push(range),
      ),
      r(0, 0, 2, 1),
    );
    assert.deepEqual(read, []);
  });
});
