// The line-length check of the large-document policy (lsp/largeDocuments.ts hasLineLongerThan): it jumps
// through the text a window at a time, so the boundaries (a line of exactly the limit, LF, CRLF and CR
// endings, a long line first, last or alone) are checked here one by one.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hasLineLongerThan } from '../../server/src/lsp/largeDocuments';

describe('a line longer than the limit', () => {
  test('a line of exactly the limit is not longer; one more character is, wherever the line stands', () => {
    assert.equal(hasLineLongerThan('', 5), false);
    assert.equal(hasLineLongerThan('abcde', 5), false);
    assert.equal(hasLineLongerThan('abcdef', 5), true);
    assert.equal(hasLineLongerThan('abcde\nabcde\nabcde', 5), false);
    assert.equal(hasLineLongerThan('abcdef\nab', 5), true);
    assert.equal(hasLineLongerThan('ab\nabcdef\nab', 5), true);
    assert.equal(hasLineLongerThan('ab\nab\nabcdef', 5), true);
    assert.equal(hasLineLongerThan('abcde\n\n\nabcde\n', 5), false);
  });

  test('CRLF, CR and mixed line ends each end a line; a terminator is not part of the line', () => {
    assert.equal(hasLineLongerThan('abcde\r\nabcde\r\n', 5), false);
    assert.equal(hasLineLongerThan('abcde\r\nabcdef\r\n', 5), true);
    assert.equal(hasLineLongerThan('abcde\rabcde', 5), false);
    assert.equal(hasLineLongerThan('abcde\rabcdef', 5), true);
    assert.equal(hasLineLongerThan('abc\rdefgh\nijklm', 5), false);
    assert.equal(hasLineLongerThan('abc\rdefghi\nijklm', 5), true);
    assert.equal(hasLineLongerThan('abcde\r\r\rabcde\nabcde', 5), false);
  });

  test('in a long text, the one long line among 100,000 short ones, at the start, in the middle and at the end', () => {
    const short = 'a line of text\n'.repeat(50_000);
    const long = 'x'.repeat(200_001);
    assert.equal(hasLineLongerThan(short + short, 200_000), false);
    assert.equal(hasLineLongerThan(short + 'x'.repeat(200_000) + '\n' + short, 200_000), false);
    assert.equal(hasLineLongerThan(`${long}\n${short}${short}`, 200_000), true);
    assert.equal(hasLineLongerThan(`${short}${long}\n${short}`, 200_000), true);
    assert.equal(hasLineLongerThan(`${short}${short}${long}`, 200_000), true);
    assert.equal(hasLineLongerThan(`${short.replaceAll('\n', '\r\n')}${long}\r\n`, 200_000), true);
    assert.equal(hasLineLongerThan(short.replaceAll('\n', '\r').repeat(2), 200_000), false);
  });
});
