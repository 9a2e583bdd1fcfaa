// The README's privacy statement (issue 12: "The README keeps its privacy statement"), word for word: the
// promises that bundles.test.ts (no network) and logs.test.ts (no text in logs, default and debug) prove.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/corpus';

const STATEMENT =
  '**Privacy.** Letters are medical records. Nothing here makes a network call or sends telemetry, and no\n' +
  'document text is written to logs at any log level.';

test('the README keeps its privacy statement near the top, before any usage section', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf(STATEMENT);
  assert.ok(at >= 0, 'the privacy statement is in the README, word for word');
  assert.ok(at < readme.indexOf('\n## '), 'it comes before the first section');
});
