// The outline lists every level in document order, also when text damage leaves the credentials or items
// outside every section (found by the server soak: a BOM and edits that broke the first heading).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core/parse';
import { outline } from '../../server/src/core/outline';

const LETTER = readFileSync(path.join(__dirname, '../../examples/CM16-0238035.txt'), 'utf8');

test('outline: credentials left outside every section come before the sections that follow them', () => {
  // Without its heading, the credentials block (lines 29–31, 1-based) belongs to no section.
  const text = LETTER.replace('HOW THE IMR FINAL DETERMINATION WAS MADE', 'How it was made');
  const top = outline(parse(text)).map((n) => [n.name, n.range.start.line, n.range.start.character]);
  assert.deepEqual(top, [
    ['Header', 0, 0],
    ['Reviewer credentials', 28, 0],
    ['CLINICAL CASE SUMMARY', 31, 0],
    ['IMR ISSUES, DECISIONS AND RATIONALES', 49, 0],
  ]);
});

test('outline: the intact letter keeps its credentials under their section', () => {
  const top = outline(parse(LETTER)).map((n) => [n.name, n.range.start.line]);
  assert.deepEqual(top, [
    ['Header', 0],
    ['HOW THE IMR FINAL DETERMINATION WAS MADE', 19],
    ['CLINICAL CASE SUMMARY', 31],
    ['IMR ISSUES, DECISIONS AND RATIONALES', 49],
  ]);
});
