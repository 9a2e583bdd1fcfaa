// The TextMate grammar's structure (every rule included, every regex compiles in Oniguruma, standard scope
// names) and the language configuration. What the grammar paints: grammar.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { ROOT } from './support/corpus';
import { GRAMMAR_PATH, loadGrammar } from './support/textmate';

interface RawRule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  name?: string;
  include?: string;
  captures?: Record<string, { name?: string }>;
  patterns?: RawRule[];
}

const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as {
  scopeName: string;
  patterns: RawRule[];
  repository: Record<string, RawRule>;
};

function allRawRules(): Array<[string, RawRule]> {
  const found: Array<[string, RawRule]> = [];
  const walk = (where: string, rule: RawRule) => {
    found.push([where, rule]);
    rule.patterns?.forEach((inner, i) => walk(`${where}.patterns[${i}]`, inner));
  };
  raw.patterns.forEach((rule, i) => walk(`patterns[${i}]`, rule));
  for (const [key, rule] of Object.entries(raw.repository)) walk(key, rule);
  return found;
}

test('the grammar loads as text.imr; every rule is included; every regex compiles in Oniguruma and in JavaScript', async () => {
  assert.equal(raw.scopeName, 'text.imr');
  assert.equal((await loadGrammar()).tokenizeLine('', null).tokens.length, 1);
  const included = raw.patterns.map((p) => p.include);
  for (const include of included) assert.ok(include && raw.repository[include.slice(1)], `${include} missing`);
  for (const key of Object.keys(raw.repository)) assert.ok(included.includes(`#${key}`), `${key} is never included`);
  let count = 0;
  for (const [where, rule] of allRawRules()) {
    for (const field of ['match', 'begin', 'end', 'while'] as const) {
      const source = rule[field];
      if (source === undefined) continue;
      assert.doesNotThrow(() => oniguruma.createOnigScanner([source]).dispose(), `${where}.${field}`);
      // The grammar's own comment promises that every regex is also valid JavaScript (tools may reuse them).
      assert.doesNotThrow(() => new RegExp(source), `${where}.${field} as a JavaScript RegExp`);
      count++;
    }
  }
  assert.equal(count, 19);
});

test('scope names are standard and end in .imr', () => {
  const roots = /^(comment|constant|entity|keyword|markup|meta|punctuation|storage|string|support|variable)\./;
  for (const [where, rule] of allRawRules()) {
    const names = [rule.name, ...Object.values(rule.captures ?? {}).map((c) => c.name)].filter(Boolean) as string[];
    for (const scope of names.flatMap((n) => n.split(' '))) {
      assert.match(scope, roots, `${where}: ${scope}`);
      assert.ok(scope.endsWith('.imr'), `${where}: ${scope}`);
      assert.ok(!scope.startsWith('invalid'), `${where}: ${scope}`);
    }
  }
});

test('language-configuration.json: no comments, two bracket kinds, words that keep IMR tokens whole', () => {
  const config = JSON.parse(readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8')) as {
    comments?: unknown;
    brackets: string[][];
    autoClosingPairs: Array<{ open: string; close: string }>;
    wordPattern: string;
  };
  assert.equal(config.comments, undefined, 'letters have no comments');
  assert.deepEqual(config.brackets, [
    ['(', ')'],
    ['[', ']'],
  ]);
  assert.deepEqual(
    config.autoClosingPairs.map((p) => p.open + p.close),
    ['()', '[]', '""'],
  );
  // VS Code compiles the word pattern without the `u` flag and adds `g`.
  const words = (text: string) => text.match(new RegExp(config.wordPattern, 'g'));
  for (const word of [
    'L5-S1',
    'PT/PTT',
    '10/325mg',
    '10/20/2016',
    '10-20-16',
    'CM17-0020384',
    '#60',
    'P&S',
    'CA-MTUS',
    "patient's",
  ]) {
    assert.deepEqual(words(word), [word], word);
  }
  assert.deepEqual(words('Norco 5/325mg #60, (PR-2) and MRI.'), ['Norco', '5/325mg', '#60', 'PR-2', 'and', 'MRI']);
  assert.deepEqual(words('Orthopédie'), ['Orthopédie']);
});
