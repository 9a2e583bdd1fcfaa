// Where the gutter icons go (client/src/decisionIcons.ts `decisionMarks`): each item on the last line of its
// heading, grouped by the decision's shape, with `label: description` as the hover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionMarks } from '../../client/src/decisionIcons';
import type { PickableItem } from '../../server/src/protocol';

const item = (label: string, description: string, decision: PickableItem['decision'], from: number, to: number) => ({
  label,
  description,
  decision,
  range: { start: { line: from, character: 0 }, end: { line: to, character: 12 } },
});

test('each item under its shape, on its heading last line, hover = label: description', () => {
  const marks = decisionMarks([
    item('1. MRI of the lumbar spine', 'Upheld', 'Upheld', 30, 30),
    item('2. Physical therapy 2 times a week for…', 'Overturned', 'Overturned', 41, 42),
    item('3. EMG', '"Uphold"', 'invalid', 50, 50),
    item('4. Knee brace', 'no decision', 'missing', 58, 58),
    item('5. Tramadol', 'Upheld', 'Upheld', 66, 66),
  ]);
  assert.deepEqual(marks, {
    upheld: [
      { line: 30, hover: '1. MRI of the lumbar spine: Upheld' },
      { line: 66, hover: '5. Tramadol: Upheld' },
    ],
    overturned: [{ line: 42, hover: '2. Physical therapy 2 times a week for…: Overturned' }],
    invalid: [{ line: 50, hover: '3. EMG: "Uphold"' }],
    missing: [{ line: 58, hover: '4. Knee brace: no decision' }],
  });
});

test('no items: every shape empty, so every decoration is cleared', () => {
  assert.deepEqual(decisionMarks([]), { upheld: [], overturned: [], invalid: [], missing: [] });
});
