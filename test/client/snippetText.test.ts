// A quick fix's slots as snippet tab stops (client/src/snippetText.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFixSnippetData, snippetText } from '../../client/src/snippetText';

test('each slot becomes a numbered tab stop holding the slot, the rest stays as it was', () => {
  const text = '\nDecision rationale: <rationale>. As such, the request <is / is not> medically necessary.';
  assert.equal(
    snippetText(text, [
      { offset: 21, length: 11 },
      { offset: 55, length: 13 },
    ]),
    '\nDecision rationale: ${1:<rationale>}. As such, the request ${2:<is / is not>} medically necessary.',
  );
});

test('$, } and \\ are escaped in the text and in the slots, so that they are inserted as typed', () => {
  assert.equal(
    snippetText('Fee $5 {a} C:\\x <a$}\\b> end', [{ offset: 16, length: 7 }]),
    'Fee \\$5 {a\\} C:\\\\x ${1:<a\\$\\}\\\\b>} end',
  );
  assert.equal(snippetText('$1 and ${2}', []), '\\$1 and \\${2\\}');
});

test('spans out of order, empty or past the text are refused (the plain edit is applied)', () => {
  assert.equal(
    snippetText('<a> <b>', [
      { offset: 4, length: 3 },
      { offset: 0, length: 3 },
    ]),
    undefined,
  );
  assert.equal(snippetText('<a>', [{ offset: 0, length: 0 }]), undefined);
  assert.equal(snippetText('<a>', [{ offset: 1, length: 3 }]), undefined);
});

test('the data check accepts span lists per edit and nothing else', () => {
  assert.equal(isFixSnippetData({ placeholders: [[{ offset: 1, length: 11 }], []] }), true);
  assert.equal(isFixSnippetData({ placeholders: [[{ offset: '1', length: 11 }]] }), false);
  assert.equal(isFixSnippetData({ placeholders: {} }), false);
  assert.equal(isFixSnippetData(undefined), false);
});
