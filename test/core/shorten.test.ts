import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collapse, shorten } from '../../server/src/core/text/shorten';

test('a name within the limit is only folded to one line', () => {
  assert.equal(shorten('MRI of the   left\nknee', 48), 'MRI of the left knee');
  assert.equal(shorten('x'.repeat(48), 48), 'x'.repeat(48));
});

test('a long name is cut at its end, at a word, without trailing punctuation, and keeps its start', () => {
  const text = 'Tramadol (Ultram) 50mg take 1 tab orally every 6 hours as needed for moderate to severe pain #30';
  assert.equal(shorten(text, 48), 'Tramadol (Ultram) 50mg take 1 tab orally every…');
  assert.equal(shorten(text, 80), 'Tramadol (Ultram) 50mg take 1 tab orally every 6 hours as needed for moderate…');
  assert.equal(
    shorten('Labs to include: CBC, CMP, urinalysis and a hepatic function panel', 30),
    'Labs to include: CBC, CMP…',
  );
});

test('never longer than the limit; a word without spaces is cut inside it', () => {
  assert.equal(shorten('x'.repeat(200), 48), `${'x'.repeat(47)}…`);
  assert.equal(shorten('a bcdefghijklmnopqrstuvwxyz', 10), 'a bcdefgh…');
  for (const max of [5, 24, 48, 72]) assert.ok(shorten('word '.repeat(50), max).length <= max);
});

test('a surrogate pair at the cut is not split', () => {
  assert.equal(shorten(`abcd\u{1F600}efgh`, 6), 'abcd…');
});

test('collapse folds white space runs and trims', () => {
  assert.equal(collapse('  a\t\tb\r\n c  '), 'a b c');
});
