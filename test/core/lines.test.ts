// Logical lines (server/src/core/text/lines.ts): the extraction artefacts of format guide §4 undone, while
// every line keeps its exact place in the original text.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Line } from '../../server/src/core/text/lines';
import { readLines } from '../support/readLines';
import { lineLengths, lineStarts } from '../fixtures/excerpts/source';
import { at } from '../support/elements';

/** The compact view of a line: [source line, start, text]. */
const brief = (lines: Line[]) => lines.map((l) => [l.line, l.start, l.text]);

describe('line terminators (LSP counting)', () => {
  test('LF, CRLF and lone CR each end a line', () => {
    const src = readLines('a\nb\r\nc\rd');
    assert.equal(src.lineCount, 4);
    assert.deepEqual(brief(src.lines), [
      [0, 0, 'a'],
      [1, 0, 'b'],
      [2, 0, 'c'],
      [3, 0, 'd'],
    ]);
    assert.equal(src.lastLineLength, 1);
  });

  test('\\n\\r is two terminators, not one', () => {
    const src = readLines('a\n\rb');
    assert.equal(src.lineCount, 3);
    assert.deepEqual(brief(src.lines), [
      [0, 0, 'a'],
      [2, 0, 'b'],
    ]);
  });

  test('a final terminator opens an empty last line', () => {
    const src = readLines('abc\n');
    assert.equal(src.lineCount, 2);
    assert.equal(src.lastLineLength, 0);
  });

  test('the empty string is one empty line with no content', () => {
    const src = readLines('');
    assert.equal(src.lineCount, 1);
    assert.equal(src.lastLineLength, 0);
    assert.deepEqual(src.lines, []);
    assert.equal(src.doubled, false);
  });
});

describe('what a line keeps of its source', () => {
  test('a BOM is skipped: the first line starts after it', () => {
    const src = readLines('\ufeffHOW THE IMR FINAL DETERMINATION WAS MADE\nx');
    assert.deepEqual(brief(src.lines)[0], [0, 1, 'HOW THE IMR FINAL DETERMINATION WAS MADE']);
  });

  test('a BOM is only skipped on line 0', () => {
    const src = readLines('a\n\ufeffb');
    assert.deepEqual(brief(src.lines), [
      [0, 0, 'a'],
      [1, 0, '\ufeffb'],
    ]);
  });

  test('outer blanks and tabs go, internal doubled spaces stay (redaction hints)', () => {
    const src = readLines('\t  a represented  employee  \t\nnext');
    assert.deepEqual(brief(src.lines)[0], [0, 3, 'a represented  employee']);
    assert.equal(at(src.lines, 0).indent, 3);
  });

  test('a centred heading keeps its indent (pdftotext -layout)', () => {
    const src = readLines('x\n                       IMR ISSUES, DECISIONS AND RATIONALES\n');
    assert.equal(at(src.lines, 1).indent, 23);
    assert.equal(at(src.lines, 1).start, 23);
    assert.equal(at(src.lines, 1).text, 'IMR ISSUES, DECISIONS AND RATIONALES');
  });

  test('a form feed glued to a line marks a page break and is not part of the text', () => {
    const src = readLines('Upheld\n\n\fClaims Administrator guideline: x');
    assert.deepEqual(brief(src.lines), [
      [0, 0, 'Upheld'],
      [2, 1, 'Claims Administrator guideline: x'],
    ]);
    assert.equal(at(src.lines, 1).pageBreakBefore, true);
    // The blank line before the form feed is part of the page break, not a paragraph break.
    assert.equal(at(src.lines, 1).blankBefore, false);
  });

  test('a form feed resets the indent: spaces before it are not centring', () => {
    const src = readLines('a\n   \f  HEADING');
    assert.equal(at(src.lines, 1).start, 6);
    assert.equal(at(src.lines, 1).indent, 2);
    assert.equal(at(src.lines, 1).pageBreakBefore, true);
  });

  test('a line of only form feeds is a page break for the next line', () => {
    const src = readLines('a\n\f\f\nb');
    assert.deepEqual(brief(src.lines), [
      [0, 0, 'a'],
      [2, 0, 'b'],
    ]);
    assert.equal(at(src.lines, 1).pageBreakBefore, true);
  });

  test('trailing form feeds (end of a pdftotext file) are stripped', () => {
    const src = readLines('last sentence.\n\f');
    assert.deepEqual(brief(src.lines), [[0, 0, 'last sentence.']]);
    assert.equal(src.lineCount, 2);
  });

  test('a blank line is a paragraph break; a space-only line too', () => {
    const src = readLines('a\n\nb\n   \nc\nd');
    assert.deepEqual(
      src.lines.map((l) => [l.text, l.blankBefore, l.pageBreakBefore]),
      [
        ['a', false, false],
        ['b', true, false],
        ['c', true, false],
        ['d', false, false],
      ],
    );
  });
});

describe('doubled text (the seeds: every line followed by an empty line)', () => {
  // Seed 000 lines 67-73: item line, page break (3 empty lines), label.
  const doubled = [
    ' IMR ISSUES, DECISIONS AND RATIONALES ',
    '',
    'The Final Determination was based on decisions for the disputed items/services set forth below: ',
    '',
    ' ',
    '',
    'Invasive pain management consultation: Upheld ',
    '',
    '',
    '',
    'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence ',
    '',
    'for its decision.  ',
    '',
  ].join('\n');

  test('is detected, and the doubling lines are not content', () => {
    const src = readLines(doubled);
    assert.equal(src.doubled, true);
    assert.equal(src.lineCount, 14);
    assert.deepEqual(brief(src.lines), [
      [0, 1, 'IMR ISSUES, DECISIONS AND RATIONALES'],
      [2, 0, 'The Final Determination was based on decisions for the disputed items/services set forth below:'],
      [6, 0, 'Invasive pain management consultation: Upheld'],
      [10, 0, 'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence'],
      [12, 0, 'for its decision.'],
    ]);
  });

  test('a one-space line is a paragraph break, three empty lines a page break', () => {
    const src = readLines(doubled);
    assert.deepEqual(
      src.lines.map((l) => [l.line, l.blankBefore, l.pageBreakBefore]),
      [
        [0, false, false],
        [2, false, false],
        [6, true, false],
        [10, false, true],
        [12, false, false],
      ],
    );
  });

  test('with CRLF terminators, still doubled and on the same lines', () => {
    const src = readLines(doubled.replace(/\n/g, '\r\n'));
    assert.equal(src.doubled, true);
    assert.deepEqual(brief(src.lines), brief(readLines(doubled).lines));
  });

  test('is not assumed when fewer than 90 % of the even lines are empty', () => {
    // 5 even lines, 4 empty: 80 %.
    const src = readLines(['a', '', 'b', '', 'c', 'x', 'd', '', 'e', '', 'f'].join('\n'));
    assert.equal(src.doubled, false);
    assert.equal(src.lines.find((l) => l.text === 'd')?.blankBefore, false);
    assert.equal(src.lines.find((l) => l.text === 'b')?.blankBefore, true);
  });

  test('needs at least four even lines', () => {
    assert.equal(readLines('a\n\nb\n\nc\n\n').doubled, false);
    assert.equal(readLines('a\n\nb\n\nc\n\nd\n\n').doubled, true);
  });
});

describe('properties', () => {
  const piece = fc.constantFrom(
    'a',
    'Upheld',
    ' ',
    '  ',
    '\t',
    '\f',
    '\n',
    '\r',
    '\r\n',
    '\ufeff',
    'é',
    '😀',
    ':',
    '.',
  );
  const texts = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));

  test('every line is the exact source text at (line, start), trimmed of blanks and form feeds', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const src = readLines(text);
        const starts = lineStarts(text);
        const lengths = lineLengths(text);
        assert.equal(src.lineCount, starts.length);
        assert.equal(src.lastLineLength, lengths[lengths.length - 1]);
        let previous = -1;
        for (const l of src.lines) {
          assert.ok(l.line > previous, 'lines in order, one logical line per source line');
          previous = l.line;
          assert.ok(l.start + l.text.length <= at(lengths, l.line));
          assert.equal(text.slice(at(starts, l.line) + l.start, at(starts, l.line) + l.start + l.text.length), l.text);
          assert.ok(l.text.length > 0);
          assert.doesNotMatch(l.text, /^[ \t\f]|[ \t\f]$/);
          assert.doesNotMatch(l.text, /[\r\n]/);
          // Everything before the start is blanks, form feeds or the BOM of line 0.
          const lead = text.slice(at(starts, l.line), at(starts, l.line) + l.start);
          assert.match(lead, l.line === 0 ? /^\ufeff?[ \t\f\u00a0\v]*$/ : /^[ \t\f\u00a0\v]*$/);
        }
      }),
    );
  });

  test('a line with visible content is never dropped (undoubled text)', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const src = readLines(text);
        if (src.doubled) return;
        const starts = lineStarts(text);
        const lengths = lineLengths(text);
        const withContent = starts
          .map((s, k) => ({ k, t: text.slice(s, s + at(lengths, k)).replace(k === 0 ? /^\ufeff/ : /^$/, '') }))
          .filter(({ t }) => /[^ \t\f\u00a0\v]/.test(t))
          .map(({ k }) => k);
        assert.deepEqual(
          src.lines.map((l) => l.line),
          withContent,
        );
      }),
    );
  });
});
