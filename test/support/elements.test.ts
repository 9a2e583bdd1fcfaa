// The test helpers' own checks: each returns what the test expects, and fails with a message saying what came
// instead (a test that reads a union's member through them fails on the other member, where a cast would not).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ofKind } from './elements';

type Edit = { range: string; newText: string } | { insert: string; replace: string; newText: string };
const isRangeEdit = (edit: Edit | undefined): edit is { range: string; newText: string } =>
  edit !== undefined && 'range' in edit;

describe('ofKind', () => {
  test('the value itself when it is of the kind, typed as that kind', () => {
    const edit: Edit | undefined = { range: 'r', newText: 'x' };
    const narrowed = ofKind(edit, isRangeEdit, 'an edit with a range');
    assert.equal(narrowed, edit);
    assert.equal(narrowed.range, 'r');
  });

  test('another kind, or nothing: the failure names the kind expected and shows what came', () => {
    const other: Edit = { insert: 'i', replace: 'r', newText: 'x' };
    assert.throws(
      () => ofKind<Edit | undefined, { range: string; newText: string }>(other, isRangeEdit, 'an edit with a range'),
      {
        name: 'AssertionError',
        message: 'expected an edit with a range; got {"insert":"i","replace":"r","newText":"x"}',
      },
    );
    assert.throws(() => ofKind(undefined, isRangeEdit, 'an edit with a range'), {
      name: 'AssertionError',
      message: 'expected an edit with a range; got undefined',
    });
  });

  test('a long value is shown cut at 200 characters; one without JSON by its string', () => {
    const long: Edit = { insert: 'i', replace: 'r', newText: 'x'.repeat(1000) };
    const json = JSON.stringify(long);
    assert.throws(() => ofKind<Edit, { range: string; newText: string }>(long, isRangeEdit, 'a range edit'), {
      message: `expected a range edit; got ${json.slice(0, 200)}…`,
    });
    const isString = (value: unknown): value is string => typeof value === 'string';
    assert.throws(() => ofKind(10n, isString, 'a string'), { message: 'expected a string; got 10' });
  });
});
