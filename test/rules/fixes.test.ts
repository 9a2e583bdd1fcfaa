// applyEdits: LSP semantics (edits against the original text), sorted, overlap refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, insertLineAfter, OverlappingEditsError } from '../../server/src/core/rules/fixes';
import { SourceText } from '../../server/src/core/source';
import type { TextEdit } from '../../server/src/core/rules/types';

const at = (line: number, character: number) => ({ line, character });
const edit = (l1: number, c1: number, l2: number, c2: number, newText: string): TextEdit => ({
  range: { start: at(l1, c1), end: at(l2, c2) },
  newText,
});

test('edits apply against the original positions, in any given order', () => {
  const text = 'alpha\nbeta\ngamma';
  const out = applyEdits(text, [edit(2, 0, 2, 5, 'GAMMA'), edit(0, 0, 0, 5, 'A'), edit(1, 4, 1, 4, '!')]);
  assert.equal(out, 'A\nbeta!\nGAMMA');
});

test('insertions at one point keep their order; touching ranges are fine', () => {
  assert.equal(applyEdits('ab', [edit(0, 1, 0, 1, 'x'), edit(0, 1, 0, 1, 'y')]), 'axyb');
  assert.equal(applyEdits('abcd', [edit(0, 0, 0, 2, 'X'), edit(0, 2, 0, 4, 'Y')]), 'XY');
  assert.equal(applyEdits('abcd', [edit(0, 2, 0, 2, '-'), edit(0, 2, 0, 4, 'Y')]), 'ab-Y');
});

test('overlapping edits throw a clear error', () => {
  assert.throws(
    () => applyEdits('abcdef', [edit(0, 0, 0, 3, 'x'), edit(0, 2, 0, 5, 'y')]),
    (e: unknown) => {
      assert.ok(e instanceof OverlappingEditsError);
      assert.equal(e.message, 'Edits overlap at 1:1-1:4 and 1:3-1:6.');
      return true;
    },
  );
  assert.throws(() => applyEdits('abcdef', [edit(0, 1, 0, 4, 'x'), edit(0, 2, 0, 2, 'y')]), OverlappingEditsError);
  assert.throws(() => applyEdits('abcdef', [edit(0, 4, 0, 1, 'x')]), /ends before it starts/);
});

test('CRLF text: positions count characters of the line, terminators stay', () => {
  assert.equal(applyEdits('one\r\ntwo\r\n', [edit(1, 0, 1, 3, 'TWO')]), 'one\r\nTWO\r\n');
  assert.equal(applyEdits('one\r\ntwo', [edit(0, 99, 0, 99, '!')]), 'one!\r\ntwo', 'past the line end clamps to it');
});

test('no edits: the same string', () => {
  const text = 'x';
  assert.equal(applyEdits(text, []), text);
});

test('insertLineAfter uses the document EOL and keeps doubled text doubled', () => {
  const plain = new SourceText('a\r\nb\r\n');
  assert.deepEqual(insertLineAfter({ source: plain, doubled: false }, 0, 'NEW'), edit(0, 1, 0, 1, '\r\nNEW'));
  assert.equal(
    applyEdits(plain.text, [insertLineAfter({ source: plain, doubled: false }, 0, 'NEW')]),
    'a\r\nNEW\r\nb\r\n',
  );
  const doubled = new SourceText('a \n\nb \n\n');
  assert.equal(
    applyEdits(doubled.text, [insertLineAfter({ source: doubled, doubled: true }, 0, 'NEW')]),
    'a \n\nNEW\n\nb \n\n',
  );
});
