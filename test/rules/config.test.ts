// Rule configuration: .imr.json text, VS Code settings, merging, resolution, and the file lookup.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { check, RULES } from '../../server/src/core/rules';
import {
  MAX_REPORTED_PROBLEMS,
  mergeConfigs,
  parseConfigText,
  resolveRuleSettings,
  validateConfig,
} from '../../server/src/core/rules/config';
import {
  clearConfigCache,
  findConfigFile,
  loadConfigFile,
  loadConfigFor,
  MAX_CONFIG_BYTES,
} from '../../server/src/node/config';
import { at, ofKind } from '../support/elements';
import { isRecord } from '../../server/src/core/values';

describe('parseConfigText', () => {
  test('comments and trailing commas are fine; names become ids', () => {
    const { config, problems } = parseConfigText(`{
      // quieter for drafts
      "rules": {
        "missing-rationale": "warning", /* by name */
        "IMR007": { "severity": "off", },
      },
    }`);
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { rules: { IMR001: 'warning', IMR007: { severity: 'off' } } });
  });

  test('an empty file is the default configuration', () => {
    assert.deepEqual(parseConfigText('  \n'), { config: {}, problems: [] });
  });

  test('invalid JSON: a problem with its position, and what could be read is kept', () => {
    const { config, problems } = parseConfigText(
      '{\n  "rules": { "IMR001": "off" "IMR002": "hint" }\n}',
      '.imr.json: ',
    );
    assert.deepEqual(problems, ['.imr.json: invalid JSON at line 2, column 30: a comma was expected.']);
    assert.deepEqual(config, { rules: { IMR001: 'off', IMR002: 'hint' } });
  });

  test('garbage never throws', () => {
    for (const text of ['nonsense', '[1,2]', '"rules"', '{"rules": []}', '{"rules": null}', '{', '\u0000\u0001']) {
      const result = parseConfigText(text);
      assert.ok(result.problems.length > 0, text);
      assert.deepEqual(resolveRuleSettings(result.config).size, RULES.length);
    }
  });

  test('unknown rules, bad severities, wrong types and unknown options: one problem each, the entry ignored', () => {
    const { config, problems } = parseConfigText(
      JSON.stringify({
        extra: 1,
        rules: {
          IMR999: 'off',
          'no-such-rule': 'warning',
          IMR001: 'fatal',
          IMR003: 3,
          IMR004: { severity: 'loud' },
          IMR002: { allowAncillaryWithoutCitation: 'yes', colour: 'red' },
        },
      }),
    );
    assert.deepEqual(problems, [
      'unknown setting "extra" is ignored (only "rules" is read).',
      'rules.IMR999: no rule has this id or name; it is ignored.',
      'rules.no-such-rule: no rule has this id or name; it is ignored.',
      'rules.IMR001: "fatal" is not a severity (use one of off, error, warning, information, hint); the setting is ignored.',
      'rules.IMR003: expected a severity (off, error, warning, information, hint) or an object, got number 3; the setting is ignored.',
      'rules.IMR004.severity: "loud" is not a severity (use one of off, error, warning, information, hint); the rule keeps its default severity.',
      'rules.IMR002.allowAncillaryWithoutCitation: expected a boolean, got "yes"; the default is used.',
      'rules.IMR002.colour: IMR002 missing-citation has no option "colour" (its options are: severity, allowAncillaryWithoutCitation); it is ignored.',
    ]);
    assert.deepEqual(config, { rules: { IMR004: {}, IMR002: {} } });
  });

  test('the same rule by id and by name: the later entry wins, with a problem', () => {
    const { config, problems } = parseConfigText('{"rules": {"IMR005": "hint", "missing-necessity-statement": "off"}}');
    assert.deepEqual(config, { rules: { IMR005: 'off' } });
    assert.deepEqual(problems, [
      'rules.missing-necessity-statement: IMR005 is also configured as "IMR005"; the later entry wins.',
    ]);
  });
});

describe('configuration limits and hostile keys (issue 12.5)', () => {
  test('200,000 unknown rule keys: ten problems, then one line counting the rest', () => {
    const rules: Record<string, string> = {};
    for (let i = 0; i < 200_000; i++) rules[`no-rule-${i}`] = 'off';
    const { config, problems } = parseConfigText(JSON.stringify({ rules }), '.imr.json: ');
    assert.equal(problems.length, MAX_REPORTED_PROBLEMS + 1);
    assert.equal(problems[0], '.imr.json: rules.no-rule-0: no rule has this id or name; it is ignored.');
    assert.equal(
      problems[MAX_REPORTED_PROBLEMS],
      '.imr.json: and 199990 more problems like these; those entries are ignored too.',
    );
    assert.deepEqual(config, { rules: {} });
  });

  test('200,000 unknown top-level keys in the imr.rules setting path are summarised the same way', () => {
    const value: Record<string, number> = {};
    for (let i = 0; i < 200_000; i++) value[`k${i}`] = i;
    const { problems } = validateConfig(value, 'Setting imr.');
    assert.equal(problems.length, 11);
    assert.equal(problems[0], 'Setting imr.unknown setting "k0" is ignored (only "rules" is read).');
    assert.equal(problems[10], 'Setting imr: and 199990 more problems like these; those entries are ignored too.');
  });

  test('a top-level __proto__ is an unknown key: its rules are never applied', () => {
    const { config, problems } = parseConfigText('{ "__proto__": { "rules": { "IMR001": "off" } } }');
    assert.deepEqual(problems, ['unknown setting "__proto__" is ignored (only "rules" is read).']);
    assert.deepEqual(config, {});
    assert.equal(resolveRuleSettings(config).get('IMR001')?.severity, 'error');
  });

  test('prototype names as rules or options are unknown, never "expected a undefined"', () => {
    const { config, problems } = parseConfigText(
      '{ "rules": { "toString": "off", "__proto__": "off", "IMR002": { "toString": true, "constructor": 1, "__proto__": { "severity": "off" } } } }',
    );
    const hint = 'its options are: severity, allowAncillaryWithoutCitation';
    assert.deepEqual(problems, [
      'rules.toString: no rule has this id or name; it is ignored.',
      'rules.__proto__: no rule has this id or name; it is ignored.',
      `rules.IMR002.toString: IMR002 missing-citation has no option "toString" (${hint}); it is ignored.`,
      `rules.IMR002.constructor: IMR002 missing-citation has no option "constructor" (${hint}); it is ignored.`,
      `rules.IMR002.__proto__: IMR002 missing-citation has no option "__proto__" (${hint}); it is ignored.`,
    ]);
    assert.deepEqual(config, { rules: { IMR002: {} } });
    assert.equal(resolveRuleSettings(config).get('IMR002')?.severity, 'error');
  });

  test('option phrases: at most 100, each at most 200 characters, one problem for each limit', () => {
    const phrases = Array.from({ length: 20_000 }, (_, i) => `industrial accident ${i} of`);
    phrases[3] = 'x'.repeat(201);
    const { config, problems } = parseConfigText(JSON.stringify({ rules: { IMR012: { extraKeywords: phrases } } }));
    assert.deepEqual(problems, [
      'rules.IMR012.extraKeywords: 20000 phrases; only the first 100 are used.',
      'rules.IMR012.extraKeywords: 1 phrase is longer than 200 characters and ignored.',
    ]);
    const kept = ofKind(config.rules?.IMR012, isRecord, 'the rule as an object').extraKeywords;
    assert.deepEqual(kept, [...phrases.slice(0, 3), ...phrases.slice(4, 100)]);
    // The same limits hold for a configuration that never went through validation.
    const resolved = resolveRuleSettings({ rules: { IMR012: { extraKeywords: phrases } } });
    assert.equal(ofKind(resolved.get('IMR012')?.options.extraKeywords, Array.isArray, 'a list').length, 99);
  });

  test('a text option longer than 200 characters falls back to its default', () => {
    const { config, problems } = parseConfigText(
      JSON.stringify({ rules: { IMR014: { sentenceEnders: '.'.repeat(300) } } }),
    );
    assert.deepEqual(problems, ['rules.IMR014.sentenceEnders: longer than 200 characters; the default is used.']);
    assert.deepEqual(config, { rules: { IMR014: {} } });
  });

  test('a key with a line break or 10,000 characters is shown on one line, cut at 40', () => {
    const { problems } = parseConfigText(JSON.stringify({ rules: { [`a\nb${'c'.repeat(10_000)}`]: 'off' } }));
    assert.deepEqual(problems, [`rules.a\ufffdb${'c'.repeat(37)}…: no rule has this id or name; it is ignored.`]);
  });

  test('nesting deeper than any setting is read as null; nesting that overflows the parser is one problem', () => {
    const nested = (depth: number) =>
      `{ "rules": { "IMR012": { "extraKeywords": ${'['.repeat(depth)}${']'.repeat(depth)} } } }`;
    assert.deepEqual(parseConfigText(nested(20)).problems, [
      'rules.IMR012.extraKeywords: expected a list of strings, got a list; the default is used.',
    ]);
    assert.deepEqual(parseConfigText(nested(50_000)).problems, [
      'the configuration could not be read as JSON; defaults are used.',
    ]);
  });
});

describe('mergeConfigs and resolveRuleSettings', () => {
  test('later configs win property by property; names fold onto ids', () => {
    const file = {
      rules: {
        'missing-citation': { severity: 'warning' as const, allowAncillaryWithoutCitation: false },
        IMR007: 'off' as const,
      },
    };
    const settings = { rules: { IMR002: 'error' as const } };
    assert.deepEqual(mergeConfigs(file, undefined, settings), {
      rules: { IMR002: { severity: 'error', allowAncillaryWithoutCitation: false }, IMR007: { severity: 'off' } },
    });
    assert.deepEqual(mergeConfigs(), {});
  });

  test('every rule gets a setting: defaults, or the configured severity and options', () => {
    const resolved = resolveRuleSettings({
      rules: { IMR002: { allowAncillaryWithoutCitation: false }, 'missing-section': 'hint' },
    });
    assert.equal(resolved.size, RULES.length);
    assert.deepEqual(resolved.get('IMR001'), { severity: 'error', configured: false, options: {} });
    assert.deepEqual(resolved.get('IMR002'), {
      severity: 'error',
      configured: false,
      options: { allowAncillaryWithoutCitation: false },
    });
    assert.deepEqual(resolved.get('IMR006'), { severity: 'hint', configured: true, options: {} });
    assert.deepEqual(resolveRuleSettings({}).get('IMR002')?.options, { allowAncillaryWithoutCitation: true });
  });

  test('invalid values reaching resolveRuleSettings directly are ignored', () => {
    const resolved = resolveRuleSettings({
      rules: { IMR001: 'loud' as never, IMR002: { allowAncillaryWithoutCitation: 1 } },
    });
    assert.deepEqual(resolved.get('IMR001'), { severity: 'error', configured: false, options: {} });
    assert.deepEqual(resolved.get('IMR002')?.options, { allowAncillaryWithoutCitation: true });
  });

  test('validateConfig reads a VS Code imr.rules object the same way', () => {
    assert.deepEqual(validateConfig({ rules: { 'missing-credentials': 'information' } }, 'imr.rules: '), {
      config: { rules: { IMR007: 'information' } },
      problems: [],
    });
    assert.deepEqual(validateConfig({ rules: 'off' }, 'imr.rules: ').problems, [
      'imr.rules: "rules" must be an object keyed by rule id or name, got "off"; defaults are used.',
    ]);
  });
});

describe('configured severities in check()', () => {
  const letter = [
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'CLINICAL CASE SUMMARY',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'MRI of the knee: Upheld',
    'Claims Administrator guideline: Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies.',
    'MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.',
    'Decision rationale: The request is not medically necessary.',
  ].join('\n');
  const ids = (config = {}) => check(letter, config).findings.map((f) => `${f.ruleId} ${f.severity}`);

  test('defaults: IMR002 reports its no-evidence finding as a warning, IMR007 warns', () => {
    assert.deepEqual(ids(), ['IMR007 warning', 'IMR002 warning']);
  });

  test("a configured severity overrides the finding's own; off silences", () => {
    assert.deepEqual(ids({ rules: { IMR002: 'error', 'missing-credentials': 'off' } }), ['IMR002 error']);
  });

  test('options reach the rule', () => {
    // The rationale does not rest on a surgery, so the add-on exemption is irrelevant either way.
    assert.deepEqual(ids({ rules: { IMR002: { allowAncillaryWithoutCitation: false } } }), [
      'IMR007 warning',
      'IMR002 warning',
    ]);
  });
});

describe('node config loader', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'imr-config-'));
  const project = path.join(root, 'project');
  const nested = path.join(project, 'letters', '2016');
  mkdirSync(nested, { recursive: true });

  test('no config file up to the boundary: defaults, no problems', () => {
    clearConfigCache();
    assert.equal(findConfigFile(nested, root), undefined);
    assert.deepEqual(loadConfigFor(path.join(nested, 'a.txt'), root), { config: {}, problems: [] });
  });

  test('the search stops at the boundary: a file above it never applies (issue 12.5)', () => {
    const outer = path.join(root, '.imr.json');
    writeFileSync(outer, '{ "rules": { "IMR001": "off" } }');
    try {
      assert.equal(findConfigFile(nested, root), outer);
      assert.equal(findConfigFile(nested, project), undefined);
      assert.deepEqual(loadConfigFor(path.join(nested, 'a.txt'), project), { config: {}, problems: [] });
      // No boundary, or one the letter is not in: only the letter's own folder.
      assert.equal(findConfigFile(nested, undefined), undefined);
      assert.equal(findConfigFile(nested, path.join(root, 'elsewhere')), undefined);
      assert.equal(findConfigFile(root, undefined), outer);
    } finally {
      rmSync(outer);
    }
  });

  test('the nearest .imr.json above the letter is used, and re-read when it changes', () => {
    const file = path.join(project, '.imr.json');
    writeFileSync(file, '{ "rules": { "IMR001": "warning" } }');
    assert.equal(findConfigFile(nested, root), file);
    const first = loadConfigFor(path.join(nested, 'CM16-0000000.txt'), root);
    assert.deepEqual(first, { config: { rules: { IMR001: 'warning' } }, path: file, problems: [] });
    writeFileSync(file, '{ "rules": { "IMR001": "off", } }');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(loadConfigFor(path.join(nested, 'CM16-0000000.txt'), root).config, { rules: { IMR001: 'off' } });
  });

  test('a folder is looked up from itself', () => {
    const own = path.join(nested, '.imr.json');
    writeFileSync(own, '{}');
    assert.equal(loadConfigFor(nested, root).path, own);
    rmSync(own);
  });

  test('a bad file gives problems and defaults, never throws', () => {
    const file = path.join(project, '.imr.json');
    writeFileSync(file, '{ "rules": { "IMR001": "loud" ');
    utimesSync(file, new Date(), new Date(Date.now() + 10000));
    const loaded = loadConfigFor(path.join(nested, 'x.txt'), root);
    assert.equal(loaded.path, file);
    assert.deepEqual(loaded.config, { rules: {} });
    assert.equal(loaded.problems.length, 2);
    assert.match(
      at(loaded.problems, 0),
      /\.imr\.json: invalid JSON at line 1, column \d+: a closing brace was expected\.$/,
    );
    assert.match(at(loaded.problems, 1), /rules\.IMR001: "loud" is not a severity/);
  });

  test('a file over 1 MiB is refused unread, with one problem', () => {
    const big = path.join(root, 'big.json');
    writeFileSync(big, `{${' '.repeat(MAX_CONFIG_BYTES)}}`);
    assert.deepEqual(loadConfigFile(big), {
      config: {},
      path: big,
      problems: [`${big}: larger than 1 MiB, so not read; default rule settings are used.`],
    });
    rmSync(big);
  });

  test('a directory named .imr.json is not a config file', () => {
    rmSync(path.join(project, '.imr.json'));
    mkdirSync(path.join(project, '.imr.json'));
    assert.notEqual(findConfigFile(nested, root), path.join(project, '.imr.json'));
    rmSync(path.join(project, '.imr.json'), { recursive: true });
  });

  test('cleanup', () => rmSync(root, { recursive: true, force: true }));
});
