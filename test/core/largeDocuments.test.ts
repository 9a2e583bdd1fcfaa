// The large-document policy (core/service/largeDocuments.ts) in memory: which text is degraded and why, the
// message and range of its one finding, and where its outline's head stops. The line-length check jumps
// through the text a window at a time, so its boundaries (a line of exactly the limit, LF, CRLF and CR
// endings, a long line first, last or alone) are checked one by one. Over the wire: test/lsp/largeDocuments.test.ts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  degradationFinding,
  degradationMessage,
  firstLineLength,
  hasLineLongerThan,
  longestLine,
  outlineHeadLength,
  textDegradation,
  type LongestLine,
} from '../../server/src/core/service/largeDocuments';

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

describe('first and longest lines', () => {
  test('the first line ends at the first CR or LF; a text without one is all first line', () => {
    assert.equal(firstLineLength(''), 0);
    assert.equal(firstLineLength('abc'), 3);
    assert.equal(firstLineLength('abc\ndefgh'), 3);
    assert.equal(firstLineLength('ab\r\ndefgh'), 2);
    assert.equal(firstLineLength('a\rdefgh'), 1);
    assert.equal(firstLineLength('\nabc'), 0);
  });

  test('the longest line: its 0-based number and length without the line end, the first of equal ones', () => {
    assert.deepEqual(longestLine(''), { line: 0, length: 0 });
    assert.deepEqual(longestLine('abc'), { line: 0, length: 3 });
    assert.deepEqual(longestLine('ab\r\nabcd\rabc\nabcd'), { line: 1, length: 4 });
    assert.deepEqual(longestLine('a\n\n\nabcdef\n'), { line: 3, length: 6 });
    assert.deepEqual(longestLine('a\r\n\r\nabc'), { line: 2, length: 3 });
  });
});

describe('when a text is degraded', () => {
  const limits = { maxDocumentSize: 20, maxLineLength: 5 };

  test('within both limits, or at them exactly: not degraded', () => {
    assert.equal(textDegradation('', limits), undefined);
    assert.equal(textDegradation('abcde\nabcde\nabcde', limits), undefined);
    assert.equal(textDegradation('abcd\nabcd\nabcd\nabcd', limits), undefined);
  });

  test('over the size: by size, whatever its lines (the line limit is not looked at)', () => {
    assert.deepEqual(textDegradation('x'.repeat(21), limits), { kind: 'size', size: 21, limit: 20 });
    assert.deepEqual(textDegradation('ab\n'.repeat(7), limits), { kind: 'size', size: 21, limit: 20 });
  });

  test('a line over the limit: by that line, with its number and length', () => {
    assert.deepEqual(textDegradation('abc\r\nabcdefg\nab', limits), { kind: 'line', line: 1, length: 7, limit: 5 });
    assert.deepEqual(textDegradation('abcdef', limits), { kind: 'line', line: 0, length: 6, limit: 5 });
  });

  test('the longest line is asked for only when a line is over the limit, and its answer is used', () => {
    const asked: string[] = [];
    const remembered = (text: string): LongestLine => {
      asked.push(text);
      return { line: 4, length: 9 };
    };
    assert.equal(textDegradation('abc\nabc', limits, remembered), undefined);
    assert.deepEqual(asked, []);
    assert.deepEqual(textDegradation('abcdefghi', limits, remembered), { kind: 'line', line: 4, length: 9, limit: 5 });
    assert.deepEqual(asked, ['abcdefghi']);
  });
});

describe('what a degraded document shows', () => {
  test('the message names the size or the line, the limit and the setting', () => {
    assert.equal(
      degradationMessage({ kind: 'size', size: 25_300_000, limit: 2_000_000 }),
      'This document is 25.3 MB, over the 2.0 MB limit (setting imr.maxDocumentSize): only the outline of its first 2.0 MB is shown, and the checks, highlighting and other features are off.',
    );
    assert.equal(
      degradationMessage({ kind: 'line', line: 40, length: 300_000, limit: 200_000 }),
      'Line 41 is 300,000 characters long, over the 200,000-character limit (setting imr.maxLineLength): only the outline is shown, and the checks, highlighting and other features are off.',
    );
  });

  test('one IMR000 information finding on the first line, at most 10,000 characters of it', () => {
    const degradation = { kind: 'line', line: 0, length: 12_000, limit: 10 } as const;
    assert.deepEqual(degradationFinding('abcdefg\r\nrest', degradation), {
      ruleId: 'IMR000',
      severity: 'information',
      message:
        'Line 1 is 12,000 characters long, over the 10-character limit (setting imr.maxLineLength): only the outline is shown, and the checks, highlighting and other features are off.',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } },
    });
    const long = degradationFinding(`${'x'.repeat(12_000)}\nrest`, degradation);
    assert.deepEqual(long.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 10_000 } });
    assert.deepEqual(degradationFinding('', degradation).range.end, { line: 0, character: 0 });
  });

  test("the outline's head: the whole text within the limit, else up to the last line end within it", () => {
    assert.equal(outlineHeadLength('abc\ndef', 7), 7);
    assert.equal(outlineHeadLength('abc\ndef', 8), 7);
    assert.equal(outlineHeadLength('abc\ndef\nghi', 8), 8);
    assert.equal(outlineHeadLength('abc\ndef\nghi', 9), 8);
    assert.equal(outlineHeadLength('abc\ndef\nghi', 7), 4);
    assert.equal(outlineHeadLength('abc\rdef\r\nghi', 9), 9);
    // A cut between CR and LF ends the head at the CR, which ends a line too.
    assert.equal(outlineHeadLength('abc\rdef\r\nghi', 8), 8);
    assert.equal(outlineHeadLength('abc\rdef\r\nghi', 7), 4);
    assert.equal(outlineHeadLength('abcdefghij', 5), 0);
  });
});
