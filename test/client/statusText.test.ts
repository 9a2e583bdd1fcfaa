// The language status item's texts (client/src/statusText.ts): the server line and the active letter's line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { letterText, stateText } from '../../client/src/statusText';

test('while the index runs: `indexing N of M`, before its first report `indexing the workspace`; then ready', () => {
  assert.equal(stateText('running', true, { done: 120, total: 2000 }), 'indexing 120 of 2000');
  assert.equal(stateText('running', true), 'indexing the workspace');
  assert.equal(stateText('running', false, { done: 3, total: 3 }), 'ready');
});

test('the other states', () => {
  assert.equal(stateText('starting', true), 'starting');
  assert.equal(stateText('stopped', false), 'stopped — restart it');
  assert.equal(stateText('not started', true), 'not started');
});

test('the active letter: items, overturned and problems, singular for one', () => {
  assert.equal(
    letterText({ items: 3, upheld: 2, overturned: 1, invalid: 0 }, 2),
    '3 items · 1 overturned · 2 problems',
  );
  assert.equal(letterText({ items: 1, upheld: 0, overturned: 0, invalid: 1 }, 1), '1 item · 0 overturned · 1 problem');
  assert.equal(
    letterText({ items: 0, upheld: 0, overturned: 0, invalid: 0 }, 0),
    '0 items · 0 overturned · 0 problems',
  );
});
