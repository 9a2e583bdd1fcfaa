// Where pages start, from the form feeds of a letter's text (client/src/pageBreaks.ts): the offsets whose
// glyph the editor hides, and the page each one starts, none for those that only end the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_PAGE_BREAKS, pageBreaks } from '../../client/src/pageBreaks';

test('-layout text: a form feed glued to each page first line, one ending the text', () => {
  const text = 'HOW THE IMR\nbody\n\fCLINICAL CASE SUMMARY\nmore\n\fIMR ISSUES\nlast\n\f';
  assert.deepEqual(pageBreaks(text), [{ offset: 17, page: 2 }, { offset: 45, page: 3 }, { offset: 62 }]);
  assert.equal(text[17], '\f');
  assert.equal(text[45], '\f');
});

test('plain pdftotext text: a blank line before each break, `\\f\\f` and blank lines at the end', () => {
  const text = 'a\n\n\fb\n\n\f\f\n  \n';
  assert.deepEqual(pageBreaks(text), [{ offset: 3, page: 2 }, { offset: 7 }, { offset: 8 }]);
});

test('a break in the middle of a line, CRLF text, none at all', () => {
  assert.deepEqual(pageBreaks('one sentence\fgoes on\r\nend'), [{ offset: 12, page: 2 }]);
  assert.deepEqual(pageBreaks('no page breaks\n'), []);
  assert.deepEqual(pageBreaks(''), []);
});

test(`at most ${MAX_PAGE_BREAKS} form feeds are read`, () => {
  const breaks = pageBreaks('x\f'.repeat(MAX_PAGE_BREAKS + 10) + 'x');
  assert.equal(breaks.length, 5000);
  assert.deepEqual(breaks.at(-1), { offset: 2 * 5000 - 1, page: 5001 });
});
