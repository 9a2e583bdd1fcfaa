// `imr check --format sarif`: SARIF 2.1.0 structure, through the CLI and through the formatter directly
// (for fixes, which depend on rules written elsewhere).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as Sarif from 'sarif';
import { sarifLog, region } from '../../server/src/cli/format-sarif';
import { RULES, type Finding } from '../../server/src/core/rules';
import { assertSarifShape, FIXTURES, imr, ROOT } from './helpers';
import { version } from '../../package.json';
import { at, entry } from '../support/elements';

test('SARIF of an unknown-layout letter: the full catalog, one IMR000 note at 1:1–1:10', () => {
  const run = imr(['check', '--format', 'sarif', `${FIXTURES}/unknown-layout.txt`]);
  assert.equal(run.status, 0);
  const log = JSON.parse(run.stdout) as Sarif.Log;
  assertSarifShape(log);
  const driver = at(log.runs, 0).tool.driver;
  assert.equal(driver.version, version);
  for (let n = 0; n <= 16; n++)
    assert.ok(
      driver.rules?.some((r) => r.id === `IMR${String(n).padStart(3, '0')}`),
      `IMR${n} in the catalog`,
    );
  assert.equal(at(at(log.runs, 0).invocations, 0).executionSuccessful, true);
  const results = at(log.runs, 0).results ?? [];
  assert.equal(results.length, 1);
  assert.equal(at(results, 0).ruleId, 'IMR000');
  assert.equal(at(results, 0).ruleIndex, 0);
  assert.equal(at(results, 0).level, 'note');
  const location = at(at(results, 0).locations, 0).physicalLocation;
  assert.deepEqual(location?.artifactLocation, { uri: 'test/cli/fixtures/unknown-layout.txt', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(location?.region, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 10 });
  assert.equal(entry(at(log.runs, 0).originalUriBaseIds, '%SRCROOT%').uri, `file://${ROOT}/`);
});

test('SARIF of letters, an error and an unreadable file: valid shape, the failure as a notification', () => {
  const run = imr([
    'check',
    '-f',
    'sarif',
    `${FIXTURES}/letters`,
    `${FIXTURES}/configured`,
    `${FIXTURES}/bad/binary.txt`,
  ]);
  assert.equal(run.status, 2);
  const log = JSON.parse(run.stdout) as Sarif.Log;
  assertSarifShape(log);
  const invocation = at(log.runs, 0).invocations?.[0];
  assert.equal(invocation?.executionSuccessful, false);
  assert.deepEqual(
    invocation?.toolExecutionNotifications?.map((n) => [
      n.level,
      at(n.locations, 0).physicalLocation?.artifactLocation?.uri,
    ]),
    [['error', 'test/cli/fixtures/bad/binary.txt']],
  );
  const imr000 = (at(log.runs, 0).results ?? []).filter((r) => r.ruleId === 'IMR000');
  assert.deepEqual(
    imr000.map((r) => [r.level, at(r.locations, 0).physicalLocation?.artifactLocation?.uri]),
    [['error', 'test/cli/fixtures/configured/unknown-layout.txt']],
  );
});

test('fixes become SARIF fixes with 1-based deleted regions; uris are encoded', () => {
  const finding: Finding = {
    ruleId: 'IMR003',
    ruleName: 'invalid-decision',
    severity: 'error',
    message: 'Item 1 has the decision "Uphold".',
    range: { start: { line: 4, character: 10 }, end: { line: 4, character: 16 } },
    fixes: [
      {
        title: 'Replace with Upheld',
        safe: true,
        edits: [{ range: { start: { line: 4, character: 10 }, end: { line: 4, character: 16 } }, newText: 'Upheld' }],
      },
    ],
  };
  const log = sarifLog([{ file: '/work/letters/a b.txt', findings: [finding] }], [], '/work');
  assertSarifShape(log);
  const result = at(log.runs, 0).results?.[0];
  assert.equal(result?.ruleIndex, 3);
  assert.equal(result?.level, 'error');
  assert.equal(at(result?.locations, 0).physicalLocation?.artifactLocation?.uri, 'letters/a%20b.txt');
  assert.deepEqual(result?.fixes, [
    {
      description: { text: 'Replace with Upheld' },
      artifactChanges: [
        {
          artifactLocation: { uri: 'letters/a%20b.txt', uriBaseId: '%SRCROOT%' },
          replacements: [
            {
              deletedRegion: { startLine: 5, startColumn: 11, endLine: 5, endColumn: 17 },
              insertedContent: { text: 'Upheld' },
            },
          ],
        },
      ],
    },
  ]);
  assert.deepEqual(region({ start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }), {
    startLine: 1,
    startColumn: 1,
    endLine: 3,
    endColumn: 1,
  });
});

test('severities map to SARIF levels: information and hint are notes', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const findings: Finding[] = (['error', 'warning', 'information', 'hint'] as const).map((severity) => ({
    ruleId: 'IMR014',
    ruleName: 'probable-redaction-gap',
    severity,
    message: 'm',
    range,
  }));
  const log = sarifLog([{ file: 'a.txt', findings }], [], process.cwd());
  assert.deepEqual(
    at(log.runs, 0).results?.map((r) => r.level),
    ['error', 'warning', 'note', 'note'],
  );
  const expected = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;
  assert.deepEqual(
    (at(log.runs, 0).tool.driver.rules ?? []).map((r) => [r.id, r.defaultConfiguration?.level]),
    RULES.map((r) => [r.meta.id, expected[r.meta.defaultSeverity]]),
  );
});

test('SARIF: a missing path and a pattern matching nothing make the run unsuccessful, one error notification each', () => {
  const missing = `${FIXTURES}/nothing-here.txt`;
  const none = `${FIXTURES}/none/*.txt`;
  const run = imr(['check', '-f', 'sarif', missing, none, `${FIXTURES}/unknown-layout.txt`]);
  assert.equal(run.status, 2);
  const log = JSON.parse(run.stdout) as Sarif.Log;
  assertSarifShape(log);
  const invocation = at(log.runs, 0).invocations?.[0];
  assert.equal(invocation?.executionSuccessful, false);
  assert.deepEqual(invocation?.toolExecutionNotifications, [
    {
      level: 'error',
      message: { text: `${missing}: no such file or directory` },
      locations: [{ physicalLocation: { artifactLocation: { uri: missing, uriBaseId: '%SRCROOT%' } } }],
    },
    { level: 'error', message: { text: `${none}: no files match this pattern` } },
  ]);
  assert.deepEqual(
    (at(log.runs, 0).results ?? []).map((r) => r.ruleId),
    ['IMR000'],
  );
});

test('SARIF rule descriptors carry no relative helpUri', () => {
  const log = sarifLog([], [], process.cwd());
  assert.deepEqual(
    (at(log.runs, 0).tool.driver.rules ?? []).filter((r) => r.helpUri !== undefined).map((r) => r.helpUri),
    [],
  );
});
