// The `.imr.json` text behind "Disable rule" (core/service/disableRule.ts): minimal edits that keep comments
// and line ends, nothing when the rule is already off, and a new file's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/core/rules';
import { disableRuleEdits, newConfigText } from '../../server/src/core/service/disableRule';

const at = (line: number, character: number) => ({ line, character });

test('an existing file with a comment: the last rule line is rewritten with the new one after it, the comment kept', () => {
  const text = '{\n  // reviewed\n  "rules": {\n    "IMR014": "off"\n  }\n}\n';
  const edits = disableRuleEdits(text, 'IMR003');
  assert.deepEqual(edits, [
    { range: { start: at(3, 0), end: at(3, 19) }, newText: '    "IMR014": "off",\n    "IMR003": "off"' },
  ]);
  assert.equal(
    applyEdits(text, edits ?? []),
    '{\n  // reviewed\n  "rules": {\n    "IMR014": "off",\n    "IMR003": "off"\n  }\n}\n',
  );
});

test('a rule set to a severity is switched to off in place; CRLF files get CRLF', () => {
  const text = '{\r\n  "rules": { "IMR003": "warning" }\r\n}\r\n';
  assert.deepEqual(disableRuleEdits(text, 'IMR003'), [
    { range: { start: at(1, 23), end: at(1, 32) }, newText: '"off"' },
  ]);
  const empty = '{\r\n}\r\n';
  assert.equal(
    applyEdits(empty, disableRuleEdits(empty, 'IMR005') ?? []),
    '{\r\n  "rules": {\r\n    "IMR005": "off"\r\n  }\r\n}\r\n',
  );
});

test('already off: no edit', () => {
  assert.equal(disableRuleEdits('{ "rules": { "IMR003": "off", } }', 'IMR003'), undefined);
});

test('a new file: the rule off, after the rules of the file it replaces', () => {
  assert.equal(newConfigText('IMR003'), '{\n  "rules": {\n    "IMR003": "off"\n  }\n}\n');
  assert.equal(
    newConfigText('IMR003', { IMR014: 'warning' }),
    '{\n  "rules": {\n    "IMR014": "warning",\n    "IMR003": "off"\n  }\n}\n',
  );
});
