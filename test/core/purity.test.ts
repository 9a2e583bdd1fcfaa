// The core (server/src/core/**) is pure: it imports only relative modules and an allow-list of pure
// packages, and touches no Node or editor API (no vscode, no fs, no node:*, no process global).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const CORE = resolve(process.cwd(), 'server/src/core');

/** Pure packages the core may import. */
const ALLOWED_PACKAGES = new Set(['jsonc-parser']);

/** Modules that are never allowed, whatever the allow-list says (checked separately for a clear message). */
const FORBIDDEN = [
  /^vscode$/,
  /^vscode-languageserver/,
  /^vscode-languageclient/,
  /^vscode-jsonrpc/,
  /^node:/,
  /^(fs|fs\/promises|child_process|net|http|https|http2|path|os|process|worker_threads|cluster|dgram|dns|tls|readline|stream|zlib|crypto|url|util|v8|vm|module|perf_hooks|inspector|async_hooks|timers|buffer|events|assert)$/,
];

// ---------------------------------------------------------------------------------------------------------
// A small TypeScript lexer: enough to tell code from comments, strings, template literals and regex literals,
// so that a quote inside a regex or `process.env` inside a comment does not confuse the scan.

interface Lexed {
  /** The source with comments blanked (strings kept). */
  noComments: string;
  /** The source with comments AND the contents of strings, templates and regexes blanked. */
  codeOnly: string;
}

const REGEX_PRECEDERS = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^', '']);
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

export function lex(src: string): Lexed {
  const a = src.split('');
  const b = src.split('');
  const blank = (arr: string[], from: number, to: number) => {
    for (let k = from; k < to; k++) if (arr[k] !== '\n' && arr[k] !== '\r') arr[k] = ' ';
  };
  let lastSignificant = '';
  let lastWord = '';
  const templateDepth: number[] = []; // brace depth at which each open `${` resumes its template
  let braces = 0;
  let i = 0;
  const n = src.length;
  const readString = (quote: string): number => {
    let k = i + 1;
    while (k < n && src[k] !== quote && src[k] !== '\n') k += src[k] === '\\' ? 2 : 1;
    return Math.min(n, k + 1);
  };
  /** From inside a template (at k), to its end or to a `${`; returns [end, opensExpression]. */
  const readTemplate = (k: number): [number, boolean] => {
    while (k < n) {
      if (src[k] === '\\') k += 2;
      else if (src[k] === '`') return [k + 1, false];
      else if (src[k] === '$' && src[k + 1] === '{') return [k + 2, true];
      else k++;
    }
    return [n, false];
  };
  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      let k = i;
      while (k < n && src[k] !== '\n') k++;
      blank(a, i, k);
      blank(b, i, k);
      i = k;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      const k = end < 0 ? n : end + 2;
      blank(a, i, k);
      blank(b, i, k);
      i = k;
      continue;
    }
    if (c === '"' || c === "'") {
      const k = readString(c);
      blank(b, i + 1, k - 1);
      i = k;
      lastSignificant = c;
      lastWord = '';
      continue;
    }
    if (c === '`' || (c === '}' && templateDepth.length && templateDepth[templateDepth.length - 1] === braces)) {
      if (c === '}') templateDepth.pop();
      const [k, opens] = readTemplate(i + 1);
      blank(b, i + 1, opens ? k - 2 : k - 1);
      if (opens) templateDepth.push(braces);
      i = k;
      lastSignificant = opens ? '{' : '`';
      lastWord = '';
      continue;
    }
    if (c === '/' && (REGEX_PRECEDERS.has(lastSignificant) || REGEX_KEYWORDS.has(lastWord))) {
      let k = i + 1;
      let inClass = false;
      while (k < n && src[k] !== '\n') {
        if (src[k] === '\\') k += 2;
        else if (src[k] === '[') (inClass = true), k++;
        else if (src[k] === ']') (inClass = false), k++;
        else if (src[k] === '/' && !inClass) break;
        else k++;
      }
      blank(b, i + 1, k);
      i = k + 1;
      while (i < n && /[a-z]/.test(src[i])) i++;
      lastSignificant = '/regex';
      lastWord = '';
      continue;
    }
    if (c === '{') braces++;
    if (c === '}') braces--;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[A-Za-z0-9_$]/.test(c)) {
      let k = i;
      while (k < n && /[A-Za-z0-9_$]/.test(src[k])) k++;
      lastWord = src.slice(i, k);
      lastSignificant = 'word';
      i = k;
      continue;
    }
    lastSignificant = c;
    lastWord = '';
    i++;
  }
  return { noComments: a.join(''), codeOnly: b.join('') };
}

export interface Finding {
  line: number;
  what: string;
}

const lineOf = (src: string, offset: number) => src.slice(0, offset).split('\n').length;

/** Every module specifier a file imports, re-exports, requires or imports dynamically. */
export function specifiers(src: string): Finding[] {
  const { noComments } = lex(src);
  const found: Finding[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[\w$*{}\s,]*?\bfrom\s*(['"])([^'"\n]*)\1/g, // import x from 'm'
    /\bimport\s*(['"])([^'"\n]*)\1/g, // import 'm'
    /\bexport\s+(?:type\s+)?[\w$*{}\s,]*?\bfrom\s*(['"])([^'"\n]*)\1/g, // export … from 'm'
    /\bimport\s*\(\s*(['"`])([^'"`\n]*)\1/g, // import('m')
    /\brequire\s*\(\s*(['"`])([^'"`\n]*)\1/g, // require('m'), import x = require('m')
  ];
  for (const re of patterns) {
    for (let m = re.exec(noComments); m; m = re.exec(noComments)) found.push({ line: lineOf(src, m.index), what: m[2] });
  }
  return found.sort((x, y) => x.line - y.line);
}

/** Everything impure in a file: disallowed specifiers, computed imports, and global `process` access. */
export function violations(src: string): Finding[] {
  const out: Finding[] = [];
  for (const s of specifiers(src)) {
    const relativePath = s.what.startsWith('./') || s.what.startsWith('../');
    if (FORBIDDEN.some((re) => re.test(s.what))) out.push({ line: s.line, what: `forbidden module '${s.what}'` });
    else if (!relativePath && !ALLOWED_PACKAGES.has(s.what)) out.push({ line: s.line, what: `non-relative import '${s.what}' (not in the allow-list)` });
  }
  const { codeOnly } = lex(src);
  const checks: [RegExp, string][] = [
    [/(?<![\w$.])process\s*(?:\.|\?\.|\[)/g, 'global process access'],
    [/\bglobalThis\s*(?:\.|\[)\s*process\b/g, 'global process access'],
    [/(?<![\w$.])require\s*\(\s*[^'"`\s)]/g, 'computed require()'],
    [/(?<![\w$.])import\s*\(\s*[^'"`\s)]/g, 'computed dynamic import()'],
    [/(?<![\w$.])(?:__dirname|__filename)\b/g, 'Node module globals'],
  ];
  for (const [re, what] of checks) {
    for (let m = re.exec(codeOnly); m; m = re.exec(codeOnly)) out.push({ line: lineOf(src, m.index), what });
  }
  return out.sort((x, y) => x.line - y.line);
}

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...tsFiles(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
describe('the scanner (so that the real scan can fail)', () => {
  const SAMPLE = [
    "import * as vscode from 'vscode';", // 1
    "import { readFileSync } from 'fs';", // 2
    'import { join } from "node:path";', // 3
    "import type { Connection } from 'vscode-languageserver/node';", // 4
    "export { x } from 'child_process';", // 5
    "import os = require('os');", // 6
    "const net = require('net');", // 7
    "const h = await import('https');", // 8
    "import 'http';", // 9
    "import { parse } from 'jsonc-parser';", // 10
    "import { Excerpt } from '../text/excerpt';", // 11
    "import type { Range } from './model';", // 12
    'const env = process.env.HOME;', // 13
    '// process.env in a comment is fine, and so is require("fs")', // 14
    "const s = 'process.env in a string is fine';", // 15
    'const re = /["\'`]process\\.x/g; const q = "ok";', // 16
    '/* import fs from "fs"; */', // 17
    'const t = `template ${process.argv[2]} text`;', // 18
    "import lodash from 'lodash';", // 19
    'const p = import(name);', // 20
    "export * from 'path';", // 21
    'const g = globalThis.process;', // 22
    'const a = b / c; const d = e / f; // two divisions, not a regex', // 23
    "const y = require('./local');", // 24
    'const cwd = process?.cwd();', // 25
  ].join('\n');

  test('finds every specifier form, and none in comments', () => {
    assert.deepEqual(
      specifiers(SAMPLE).map((s) => [s.line, s.what]),
      [
        [1, 'vscode'],
        [2, 'fs'],
        [3, 'node:path'],
        [4, 'vscode-languageserver/node'],
        [5, 'child_process'],
        [6, 'os'],
        [7, 'net'],
        [8, 'https'],
        [9, 'http'],
        [10, 'jsonc-parser'],
        [11, '../text/excerpt'],
        [12, './model'],
        [19, 'lodash'],
        [21, 'path'],
        [24, './local'],
      ],
    );
  });

  test('flags forbidden and unlisted modules, process access and computed imports; allows relative and jsonc-parser', () => {
    assert.deepEqual(
      violations(SAMPLE).map((v) => [v.line, v.what]),
      [
        [1, "forbidden module 'vscode'"],
        [2, "forbidden module 'fs'"],
        [3, "forbidden module 'node:path'"],
        [4, "forbidden module 'vscode-languageserver/node'"],
        [5, "forbidden module 'child_process'"],
        [6, "forbidden module 'os'"],
        [7, "forbidden module 'net'"],
        [8, "forbidden module 'https'"],
        [9, "forbidden module 'http'"],
        [13, 'global process access'],
        [18, 'global process access'],
        [19, "non-relative import 'lodash' (not in the allow-list)"],
        [20, 'computed dynamic import()'],
        [21, "forbidden module 'path'"],
        [22, 'global process access'],
        [25, 'global process access'],
      ],
    );
  });

  test('a clean file has no violations', () => {
    const clean = [
      "import type { Range } from '../model';",
      "import { parse as parseJsonc } from 'jsonc-parser';",
      "const CONTROL = /[\\x00-\\x08\\x0e-\\x1f\\ufffd]/g; // a regex with a quote: /'/",
      'const QUOTE = /["\'\\u201d)\\]]*$/;',
      "export function f(processed: number): number { return processed / 2; }",
      'const s = `${"a"}b`;',
    ].join('\n');
    assert.deepEqual(violations(clean), []);
  });
});

describe('server/src/core is pure', () => {
  const files = tsFiles(CORE);

  test('the scan sees the core (files and their relative imports)', () => {
    assert.ok(files.length >= 20, `only ${files.length} files under ${CORE}`);
    for (const must of ['model.ts', 'parse/index.ts', 'text/lines.ts', 'citations.ts', 'necessity.ts']) {
      assert.ok(files.some((f) => relative(CORE, f).replace(/\\/g, '/') === must), must);
    }
    const index = readFileSync(join(CORE, 'parse/index.ts'), 'utf8');
    assert.ok(specifiers(index).some((s) => s.what === '../model'), 'parse/index.ts imports ../model');
  });

  for (const file of files) {
    const name = relative(CORE, file).replace(/\\/g, '/');
    test(`${name}: only relative imports and pure packages, no process`, () => {
      const found = violations(readFileSync(file, 'utf8'));
      assert.deepEqual(
        found.map((v) => `${name}:${v.line}: ${v.what}`),
        [],
      );
    });
  }
});
