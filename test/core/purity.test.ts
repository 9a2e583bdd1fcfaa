// The core's purity is enforced by ESLint (eslint.config.mjs). This proves the enforcement itself: the real
// configuration, applied to deliberately impure code placed in server/src/core, reports each impurity on
// its line, and reports nothing for pure code, or for the same code outside the core.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { only } from '../support/elements';

const ROOT = process.cwd();
const PURITY_RULES = new Set([
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-properties',
  'no-restricted-syntax',
]);

/** The repository's ESLint configuration, without type information (the files are not on disk). */
function linter(rules: ReadonlySet<string>): ESLint {
  return new ESLint({
    cwd: ROOT,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
    ruleFilter: ({ ruleId }) => rules.has(ruleId),
  });
}

async function findings(rules: ReadonlySet<string>, file: string, lines: readonly string[]): Promise<string[]> {
  const result = only(await linter(rules).lintText(lines.join('\n'), { filePath: join(ROOT, file) }));
  return result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId ?? m.message}`);
}

const IMPURE = [
  "import * as vscode from 'vscode';", // 1
  "import { readFileSync } from 'fs';", // 2
  'import { join } from "node:path";', // 3
  "import type { Connection } from 'vscode-languageserver/node';", // 4
  "export { exec } from 'child_process';", // 5
  "import os = require('os');", // 6
  "const net = require('net');", // 7
  "const h = await import('https');", // 8
  "import 'http';", // 9
  "import { parse } from 'jsonc-parser';", // 10 allowed
  "import { Excerpt } from '../text/excerpt';", // 11 allowed
  "import lodash from 'lodash';", // 12
  'const env = process.env.HOME;', // 13
  '// process.env in a comment is fine, and so is require("fs")', // 14
  "const s = 'process.env in a string is fine';", // 15
  'const g = globalThis.process;', // 16
  'const t = `template ${process.argv[2]} text`;', // 17
  "const r = fetch('https://example.org');", // 18
  'const d = __dirname;', // 19
  "console.log('x');", // 20
  "const w = new WebSocket('ws://x');", // 21
  "import type { TextDocument } from 'vscode-languageserver-textdocument';", // 22
  "import { promises } from 'fs/promises';", // 23
];

describe('core purity (eslint.config.mjs)', () => {
  test('reports every impurity in a core file, on its line', async () => {
    assert.deepEqual(await findings(PURITY_RULES, 'server/src/core/purity-fixture.ts', IMPURE), [
      '1:1 @typescript-eslint/no-restricted-imports',
      '2:1 @typescript-eslint/no-restricted-imports',
      '3:1 @typescript-eslint/no-restricted-imports',
      '4:1 @typescript-eslint/no-restricted-imports',
      '5:1 @typescript-eslint/no-restricted-imports',
      '6:1 @typescript-eslint/no-restricted-imports',
      '6:13 no-restricted-syntax',
      '7:13 no-restricted-globals',
      '8:17 no-restricted-syntax',
      '9:1 @typescript-eslint/no-restricted-imports',
      '12:1 @typescript-eslint/no-restricted-imports',
      '13:13 no-restricted-globals',
      '16:11 no-restricted-properties',
      '17:23 no-restricted-globals',
      '18:11 no-restricted-globals',
      '19:11 no-restricted-globals',
      '20:1 no-restricted-globals',
      '21:15 no-restricted-globals',
      '22:1 @typescript-eslint/no-restricted-imports',
      '23:1 @typescript-eslint/no-restricted-imports',
    ]);
  });

  test('a pure core file has no findings', async () => {
    const pure = [
      "import type { Range } from '../model';",
      "import { parse as parseJsonc } from 'jsonc-parser';",
      "import { lines } from './text/lines';",
      'export function f(processed: number, fetchLimit: number): number { return processed / fetchLimit; }',
      'export const g = (process: { env: string }) => process.env; // a parameter, not the global',
    ];
    assert.deepEqual(await findings(PURITY_RULES, 'server/src/core/purity-fixture.ts', pure), []);
  });

  test('the same code outside the core is not a purity finding', async () => {
    assert.deepEqual(await findings(PURITY_RULES, 'server/src/node/purity-fixture.ts', IMPURE), []);
  });
});

describe('max-lines (eslint.config.mjs)', () => {
  const MAX_LINES = new Set(['max-lines']);
  const lines = (n: number) => Array.from({ length: n }, (_, i) => (i % 7 === 0 ? '' : `// line ${i + 1}`));

  test('a source file of 400 lines, blank ones included, passes', async () => {
    assert.deepEqual(await findings(MAX_LINES, 'server/src/lsp/long-fixture.ts', lines(400)), []);
  });

  test('a source file of 401 lines fails at line 401', async () => {
    assert.deepEqual(await findings(MAX_LINES, 'server/src/lsp/long-fixture.ts', lines(401)), ['401:1 max-lines']);
  });
});
