// Every error and warning the rules report on the real letters, compared with a reviewed snapshot
// (test/snapshots/corpus-findings.json; each entry is justified in corpus-findings-review.md).
// Update after reviewing: UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs corpus-findings
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../../server/src/core/rules';
import { corpusAvailable, corpusLetters, ROOT } from '../support/corpus';

const SNAPSHOT = path.join(ROOT, 'test', 'snapshots', 'corpus-findings.json');
const REVIEW = path.join(ROOT, 'test', 'snapshots', 'corpus-findings-review.md');

interface Entry {
  file: string;
  line: number;
  ruleId: string;
  severity: string;
  message: string;
}

function currentFindings(): Entry[] {
  const entries: Entry[] = [];
  for (const letter of corpusLetters()) {
    for (const f of check(letter.text).findings) {
      if (f.severity !== 'error' && f.severity !== 'warning') continue;
      entries.push({
        file: letter.name,
        line: f.range.start.line + 1,
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
      });
    }
  }
  return entries;
}

test('error and warning findings over the corpus match the reviewed snapshot', (t) => {
  if (!corpusAvailable(t)) return;
  const actual = currentFindings();
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    writeFileSync(SNAPSHOT, text);
    t.diagnostic(`wrote ${actual.length} findings to ${SNAPSHOT}: review each in ${REVIEW}`);
    return;
  }
  assert.ok(
    existsSync(SNAPSHOT),
    `${SNAPSHOT} is missing: run UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs corpus-findings`,
  );
  const expected = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Entry[];
  assert.deepEqual(
    actual,
    expected,
    'corpus findings changed: review them, then UPDATE_SNAPSHOTS=1 node scripts/run-tests.mjs corpus-findings',
  );
});

test('every snapshot entry is reviewed, by rule id', (t) => {
  if (!corpusAvailable(t)) return;
  const expected = existsSync(SNAPSHOT) ? (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Entry[]) : [];
  const review = existsSync(REVIEW) ? readFileSync(REVIEW, 'utf8') : '';
  const missing: string[] = [];
  for (const e of expected) {
    // One line per finding: `- <file>:<line> <ruleId> — why it is a real defect`, under the rule's section.
    const section = review.split(/^## /m).find((s) => s.startsWith(e.ruleId)) ?? '';
    if (!section.includes(`${e.file}:${e.line} ${e.ruleId}`)) missing.push(`${e.file}:${e.line} ${e.ruleId}`);
  }
  assert.deepEqual(missing, [], `add a line for each under "## <ruleId>" in ${REVIEW}`);
});
