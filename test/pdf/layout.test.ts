// The PDF line builder on hand-placed text items: rows by baseline, columns, the wrapped header label,
// blank lines, form feeds and line origins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { layoutPages, type PlacedText } from '../../server/src/node/pdf/layout';

const at = (text: string, x: number, y: number, fontSize = 12): PlacedText => ({
  text,
  x,
  y,
  width: text.length * 5,
  fontSize,
});

// Every test character is 5 points wide, so a column is 5 points from the leftmost text.
test('items on one baseline form one line, left to right; a word-sized gap is one space', () => {
  const { text } = layoutPages([
    { height: 800, items: [at('Upheld', 133, 700), at('Knee brace:', 72, 700), at(' ', 127, 700)] },
  ]);
  assert.equal(text, 'Knee brace: Upheld\n\f');
});

test('a wide gap keeps the column its x gives; text that touches joins without a space', () => {
  const { text } = layoutPages([
    { height: 800, items: [at('Date:', 72, 700), at('11/', 172, 700), at('18', 187, 700)] },
  ]);
  assert.equal(text, 'Date:               11/18\n\f');
});

test('a label wrapped inside its cell joins its head, so label and value share a line', () => {
  const { text, lines } = layoutPages([
    {
      height: 800,
      items: [
        at('Priority:', 72, 700),
        at('Standard', 180, 700),
        at('Application', 330, 700),
        at('11/14/2016', 430, 700),
        at('Received:', 330, 687),
        at('HOW THE IMR', 150, 659),
      ],
    },
  ]);
  assert.equal(
    text,
    'Priority:             Standard                      Application Received:  11/14/2016\n\n                HOW THE IMR\n\f',
  );
  assert.deepEqual(lines, [{ page: 1, x: 72, y: 100 }, { page: 1 }, { page: 1, x: 150, y: 141 }, { page: 1 }]);
});

test('a paragraph gap is one blank line; the half line below a heading is none', () => {
  const { text } = layoutPages([
    {
      height: 800,
      items: [
        at('HEADING', 72, 700),
        at('first line', 72, 690),
        at('second line', 72, 676),
        at('new paragraph', 72, 648),
      ],
    },
  ]);
  assert.equal(text, 'HEADING\nfirst line\nsecond line\n\nnew paragraph\n\f');
});

test('each page ends with a form feed that starts the next page, and every line knows its page', () => {
  const { text, lines, pageCount } = layoutPages([
    { height: 800, items: [at('one', 72, 700)] },
    { height: 800, items: [at('two', 72, 700), at('three', 72, 686)] },
  ]);
  assert.equal(text, 'one\n\ftwo\nthree\n\f');
  assert.equal(pageCount, 2);
  assert.deepEqual(
    lines.map((l) => l.page),
    [1, 2, 2, 2],
  );
});

test('a page without text still ends with its form feed', () => {
  const { text, lines } = layoutPages([
    { height: 800, items: [] },
    { height: 800, items: [at('two', 72, 700)] },
  ]);
  assert.equal(text, '\ftwo\n\f');
  assert.deepEqual(
    lines.map((l) => l.page),
    [2, 2],
  );
});
