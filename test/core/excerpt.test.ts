// Excerpts (server/src/core/text/excerpt.ts): text over several source lines folded to one string, with a
// map from every folded offset back to the original line and character.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Excerpt } from '../../server/src/core/text/excerpt';
import { readLines } from '../support/readLines';
import { sliceRange } from '../fixtures/excerpts/source';
import { at } from '../support/elements';

const pos = (line: number, character: number) => ({ line, character });
const range = (l1: number, c1: number, l2: number, c2: number) => ({ start: pos(l1, c1), end: pos(l2, c2) });

// A label, a body over two lines, with indents and a page break in between.
const SOURCE = [
  '  MAXIMUS guideline:   Decision based on MTUS Knee',
  '\fComplaints 2004, Section(s):  ',
  '   Special Studies.',
].join('\n');

describe('fromLines', () => {
  const lines = readLines(SOURCE).lines;

  test('joins lines with single spaces and skips the label and the blanks after it', () => {
    const ex = Excerpt.fromLines(lines, 'MAXIMUS guideline:'.length);
    assert.equal(ex.text, 'Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies.');
    assert.deepEqual(ex.range, range(0, 23, 2, 19));
    assert.equal(sliceRange(SOURCE, ex.range).replace(/\s+/g, ' '), ex.text);
  });

  test('maps offsets on each line back to the source', () => {
    const ex = Excerpt.fromLines(lines, 'MAXIMUS guideline:'.length);
    assert.deepEqual(ex.positionAt(0), pos(0, 23));
    const knee = ex.text.indexOf('Knee');
    assert.deepEqual(ex.positionAt(knee), pos(0, 46));
    const complaints = ex.text.indexOf('Complaints');
    assert.deepEqual(ex.positionAt(complaints), pos(1, 1));
    const special = ex.text.indexOf('Special');
    assert.deepEqual(ex.positionAt(special), pos(2, 3));
  });

  test('a range across a line break covers both pieces exactly', () => {
    const ex = Excerpt.fromLines(lines, 'MAXIMUS guideline:'.length);
    const start = ex.text.indexOf('Knee');
    const end = ex.text.indexOf(' Section(s)');
    const r = ex.rangeOf(start, end);
    assert.deepEqual(r, range(0, 46, 1, 17));
    assert.equal(sliceRange(SOURCE, r), 'Knee\n\fComplaints 2004,');
  });

  test('an end just after the joining space maps to the end of the earlier line', () => {
    const ex = Excerpt.fromLines(lines, 'MAXIMUS guideline:'.length);
    const knee = ex.text.indexOf('Knee');
    assert.deepEqual(ex.rangeOf(knee, knee + 'Knee '.length), range(0, 46, 0, 50));
  });

  test('lastTo cuts the last line, and the blanks before the cut go', () => {
    const src = 'Labs to include: EKG:  Upheld';
    const ex = Excerpt.fromLines(readLines(src).lines, 0, src.lastIndexOf(':'));
    assert.equal(ex.text, 'Labs to include: EKG');
    assert.deepEqual(ex.range, range(0, 0, 0, 20));
  });

  test('a label with nothing after it gives an empty excerpt right after the label', () => {
    const src = 'x\n   Decision rationale:   ';
    const ex = Excerpt.fromLines(readLines(src).lines.slice(1), 'Decision rationale:'.length);
    assert.equal(ex.text, '');
    assert.deepEqual(ex.range, range(1, 22, 1, 22));
  });

  test('an empty first piece is skipped, not joined with a space', () => {
    const src = 'Decision rationale:\nThe request is not medically necessary.';
    const ex = Excerpt.fromLines(readLines(src).lines, 'Decision rationale:'.length);
    assert.equal(ex.text, 'The request is not medically necessary.');
    assert.deepEqual(ex.range, range(1, 0, 1, 39));
  });

  test('no lines: an empty excerpt at 0:0', () => {
    const ex = Excerpt.fromLines([]);
    assert.equal(ex.text, '');
    assert.deepEqual(ex.range, range(0, 0, 0, 0));
  });
});

describe('empty and span', () => {
  test('Excerpt.empty sits at the given position', () => {
    const ex = Excerpt.empty(pos(7, 3));
    assert.equal(ex.text, '');
    assert.deepEqual(ex.range, range(7, 3, 7, 3));
    assert.deepEqual(ex.toSpan(), { text: '', range: range(7, 3, 7, 3) });
  });

  test('span gives the text and its exact range', () => {
    const src = 'The expert reviewer is Board Certified in Physical Medicine\nand Rehabilitation and is licensed.';
    const ex = Excerpt.fromLines(readLines(src).lines);
    const from = ex.text.indexOf('Physical');
    const to = ex.text.indexOf(' and is');
    const s = ex.span(from, to);
    assert.equal(s.text, 'Physical Medicine and Rehabilitation');
    assert.deepEqual(s.range, range(0, 42, 1, 18));
    assert.equal(sliceRange(src, s.range), 'Physical Medicine\nand Rehabilitation');
  });

  test('a reversed or empty rangeOf collapses to its start', () => {
    const ex = Excerpt.fromLines(readLines('abc\ndef').lines);
    assert.deepEqual(ex.rangeOf(5, 5), range(1, 1, 1, 1));
    assert.deepEqual(ex.rangeOf(5, 2), range(1, 1, 1, 1));
  });
});

describe('properties', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9():.,#&/-]{1,8}$/);
  const blank = fc.constantFrom('', ' ', '  ', '\t', '\f', ' \f');
  const sourceLine = fc
    .tuple(blank, fc.array(word, { minLength: 0, maxLength: 5 }), fc.constantFrom(' ', '  '), blank)
    .map(([lead, words, sep, trail]) => lead + words.join(sep) + trail);
  const sources = fc
    .tuple(fc.array(sourceLine, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'))
    .map(([ls, eol]) => ls.join(eol));

  test('every non-joining character of the folded text sits at its mapped source position', () => {
    fc.assert(
      fc.property(sources, fc.nat(12), (src, skip) => {
        const lines = readLines(src).lines;
        if (lines.length === 0) return;
        const firstFrom = Math.min(skip, at(lines, 0).text.length);
        const ex = Excerpt.fromLines(lines, firstFrom);
        // The folded text is the lines' texts, trimmed, joined by single spaces.
        const expected = [at(lines, 0).text.slice(firstFrom).trim(), ...lines.slice(1).map((l) => l.text)]
          .filter((t) => t !== '')
          .join(' ');
        assert.equal(ex.text, expected);
        for (let i = 0; i < ex.text.length; i++) {
          const r = ex.rangeOf(i, i + 1);
          const got = sliceRange(src, r);
          // A joining space maps to nothing: the range is collapsed or covers the line break only.
          if (got !== ex.text[i]) {
            assert.equal(ex.text[i], ' ');
            assert.match(got, /^[\s\f]*$/);
          }
        }
        assert.equal(sliceRange(src, ex.range).replace(/[\s\f]+/g, ' '), ex.text.replace(/\s+/g, ' '));
      }),
    );
  });
});
