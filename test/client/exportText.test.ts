// The message after Export Disputed Items (client/src/exportText.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportedText } from '../../client/src/exportText';

test('the rows exported, then how many letters could not be read', () => {
  assert.equal(exportedText({ rows: 12, errors: [] }), 'IMR: exported 12 disputed items.');
  assert.equal(
    exportedText({ rows: 3, errors: ['a.pdf: not a PDF', 'b.txt: too large'] }),
    'IMR: exported 3 disputed items. 2 letters could not be read (see the output).',
  );
});

test('one of each: singular', () => {
  assert.equal(
    exportedText({ rows: 1, errors: ['a.pdf: not a PDF'] }),
    'IMR: exported 1 disputed item. 1 letter could not be read (see the output).',
  );
});
