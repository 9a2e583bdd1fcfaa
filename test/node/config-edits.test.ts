// Where "Disable rule" writes (node/config.ts configFileToEdit, paths only) and what it changes there
// (disableRuleChange, on files in a temporary folder); the workspace folder a file belongs to (node/walker.ts
// deepestRootOf).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configFileToEdit, disableRuleChange } from '../../server/src/node/config';
import { deepestRootOf } from '../../server/src/node/walker';

const FOLDERS = ['/w/project', '/w/project/nested', '/w/other'];
const NONE = { config: {} };

test('deepestRootOf: the deepest folder holding the file, a folder itself, none outside', () => {
  assert.equal(deepestRootOf('/w/project/a.txt', FOLDERS), '/w/project');
  assert.equal(deepestRootOf('/w/project/nested/b/a.txt', FOLDERS), '/w/project/nested');
  assert.equal(deepestRootOf('/w/project/nested', FOLDERS), '/w/project/nested');
  assert.equal(deepestRootOf('/w/projects/a.txt', FOLDERS), undefined);
  assert.equal(deepestRootOf('/elsewhere/a.txt', FOLDERS), undefined);
});

test('the governing .imr.json inside the document folder is edited', () => {
  const governing = { config: { rules: { IMR014: 'off' as const } }, configPath: '/w/project/cases/.imr.json' };
  assert.deepEqual(configFileToEdit('/w/project/cases/a.txt', FOLDERS, governing), {
    file: '/w/project/cases/.imr.json',
  });
});

test('a governing file above the folder: a new one at the folder root, seeded with its rules', () => {
  const governing = { config: { rules: { IMR014: 'off' as const } }, configPath: '/w/.imr.json' };
  assert.deepEqual(configFileToEdit('/w/project/nested/b/a.txt', FOLDERS, governing), {
    file: '/w/project/nested/.imr.json',
    seed: { IMR014: 'off' },
  });
});

test('no governing file: a new empty one at the folder root; outside every folder, beside the document', () => {
  assert.deepEqual(configFileToEdit('/w/other/x/a.txt', FOLDERS, NONE), {
    file: '/w/other/.imr.json',
    seed: undefined,
  });
  assert.deepEqual(configFileToEdit('/tmp/a.txt', FOLDERS, NONE), { file: '/tmp/.imr.json', seed: undefined });
  const outside = { config: {}, configPath: '/tmp/.imr.json' };
  assert.deepEqual(configFileToEdit('/tmp/sub/a.txt', FOLDERS, outside), { file: '/tmp/.imr.json' });
});

test('a document with no file: the first folder, or nowhere without folders', () => {
  assert.deepEqual(configFileToEdit(undefined, FOLDERS, NONE), { file: '/w/project/.imr.json', seed: undefined });
  assert.equal(configFileToEdit(undefined, [], NONE), undefined);
});

test('disableRuleChange: edits of the existing file, nothing when off already, a new file, or why not', () => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'imr-disable-')));
  try {
    const config = join(dir, '.imr.json');
    const governing = { config: {}, configPath: config };
    writeFileSync(config, '{ "rules": { "IMR003": "off" } }\n');
    assert.equal(disableRuleChange('IMR003', join(dir, 'a.txt'), [dir], governing), undefined);
    assert.deepEqual(disableRuleChange('IMR005', join(dir, 'a.txt'), [dir], governing), {
      file: config,
      edits: [
        {
          // jsonc-parser rewrites a one-line object whole, formatted; the line end after it stays.
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 32 } },
          newText: '{\n  "rules": {\n    "IMR003": "off",\n    "IMR005": "off"\n  }\n}',
        },
      ],
    });
    rmSync(config);
    assert.deepEqual(disableRuleChange('IMR005', join(dir, 'a.txt'), [dir], NONE), {
      file: config,
      newText: '{\n  "rules": {\n    "IMR005": "off"\n  }\n}\n',
    });
    mkdirSync(config); // a folder in the file's place
    assert.equal(
      disableRuleChange('IMR005', join(dir, 'a.txt'), [dir], NONE),
      `Cannot read ${config} (not a regular file).`,
    );
    assert.equal(
      disableRuleChange('IMR005', undefined, [], NONE),
      'Cannot disable IMR005: the document has no folder to hold a .imr.json.',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
