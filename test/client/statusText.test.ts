// The language status item's server line (client/src/statusText.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stateText } from '../../client/src/statusText';

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
