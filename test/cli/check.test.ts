// `imr check` through the built dist/cli.js: output formats, exit codes, inputs that cannot be read.
// Content rules are written in parallel, so only IMR000 (the parser's own problems) is asserted exactly.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, imr, lines, type CheckReport } from './helpers';
import { version } from '../../package.json';
import { at, only } from '../support/elements';

const UNKNOWN = `${FIXTURES}/unknown-layout.txt`;
const UNKNOWN_LINE = new RegExp(
  `^${UNKNOWN}:1:1  info  No known IMR determination layout .+  IMR000/document-structure$`,
);

describe('imr: help, version and usage errors', () => {
  test('--version prints the package version', () => {
    const run = imr(['--version']);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, `${version}\n`);
  });

  test('--help lists the commands; each command has its own help with exit codes', () => {
    const main = imr(['--help']);
    assert.equal(main.status, 0);
    for (const command of ['check', 'outline', 'export']) assert.match(main.stdout, new RegExp(`^  ${command} `, 'm'));
    const check = imr(['check', '-h']);
    assert.equal(check.status, 0);
    assert.match(check.stdout, /^Usage: imr check/);
    assert.match(check.stdout, /Exit codes:\n  0 .*\n  1 .*\n  2 /);
  });

  test('no command: the help on stderr, exit 2', () => {
    const run = imr([]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^Usage: imr <command>/);
  });

  test('an unknown command, an unknown option, a bad format, no files: one line each, exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /^imr: unknown command 'frobnicate'\. See 'imr --help'\.$/],
      [['check', '--bogus', UNKNOWN], /^imr: Unknown option '--bogus'\. See 'imr check --help'\.$/],
      [['check', '--format', 'xml', UNKNOWN], /^imr: --format must be one of text, json, sarif \(got 'xml'\)/],
      [['check'], /^imr: no files given\./],
      [
        ['check', '--config', `${FIXTURES}/no-such-config.json`, UNKNOWN],
        /^imr: --config .*no-such-config\.json: cannot be read \(no such file or directory, ENOENT\)$/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = imr(args);
      assert.equal(run.status, 2, args.join(' '));
      assert.equal(run.stdout, '', args.join(' '));
      assert.equal(lines(run.stderr).length, 1, run.stderr);
      assert.match(at(lines(run.stderr), 0), message);
    }
  });
});

describe('imr check: text output and exit codes', () => {
  test('an unknown layout is IMR000 at information level: reported, exit 0', () => {
    const run = imr(['check', UNKNOWN]);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    const out = lines(run.stdout);
    assert.equal(out.length, 2);
    assert.match(at(out, 0), UNKNOWN_LINE);
    assert.equal(out[1], '0 errors, 0 warnings, 1 info in 1 file');
  });

  test('an empty file is IMR000 information, exit 0', () => {
    const run = imr(['check', `${FIXTURES}/bad/empty.txt`]);
    assert.equal(run.status, 0);
    assert.match(
      at(lines(run.stdout), 0),
      /^test\/cli\/fixtures\/bad\/empty\.txt:1:1  info  The document is empty\.  IMR000\/document-structure$/,
    );
  });

  test('.imr.json found above the file raises IMR000 to error: exit 1', () => {
    const run = imr(['check', `${FIXTURES}/configured`]);
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    const out = lines(run.stdout);
    assert.match(
      at(out, 0),
      /^test\/cli\/fixtures\/configured\/unknown-layout\.txt:1:1  error  .+  IMR000\/document-structure$/,
    );
    assert.equal(out[1], '1 error, 0 warnings, 0 infos in 1 file');
  });

  test('--config replaces the .imr.json found by walking up', () => {
    const run = imr(['check', '--config', `${FIXTURES}/imr000-off.json`, `${FIXTURES}/configured`]);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '0 errors, 0 warnings, 0 infos in 1 file\n');
  });

  test('problems in a config file are warned about once on stderr and do not change the exit code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-config-'));
    try {
      writeFileSync(join(dir, '.imr.json'), '{ "rules": { "IMR999": "error" } }');
      writeFileSync(join(dir, 'a.txt'), readFileSync(UNKNOWN));
      writeFileSync(join(dir, 'b.txt'), readFileSync(UNKNOWN));
      const run = imr(['check', dir]);
      assert.equal(run.status, 0);
      const warnings = lines(run.stderr);
      assert.equal(warnings.length, 1, run.stderr);
      assert.match(at(warnings, 0), /^imr: warning: .*\.imr\.json: .*IMR999/);
      assert.match(run.stdout, /in 2 files\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--quiet keeps errors only', () => {
    const run = imr(['check', '--quiet', UNKNOWN]);
    assert.equal(run.status, 0);
    assert.equal(run.stdout, '0 errors, 0 warnings, 0 infos in 1 file\n');
  });

  test('a directory expands to its .txt/.imr files; a glob through fast-glob', () => {
    const dir = imr(['check', `${FIXTURES}/letters`]);
    assert.ok(dir.status === 0 || dir.status === 1, `exit ${dir.status}`);
    assert.equal(dir.stderr, '');
    const out = lines(dir.stdout);
    assert.match(at(out, -1), / in 2 files$/);
    for (const line of out.slice(0, -1))
      assert.match(
        line,
        /^test\/cli\/fixtures\/letters\/(mri-shoulder|two-items)\.txt:\d+:\d+  (error|warning|info|hint)  .+  IMR\d{3}\/[a-z-]+$/,
      );
    const glob = imr(['check', `${FIXTURES}/letters/*.txt`]);
    assert.equal(glob.stdout, dir.stdout);
  });

  test('unreadable inputs: one line each on stderr, the other files still checked, exit 2', () => {
    const run = imr([
      'check',
      `${FIXTURES}/bad/binary.txt`,
      `${FIXTURES}/nothing-here.txt`,
      `${FIXTURES}/none/*.txt`,
      UNKNOWN,
    ]);
    assert.equal(run.status, 2);
    assert.deepEqual(lines(run.stderr), [
      'imr: test/cli/fixtures/nothing-here.txt: no such file or directory',
      'imr: test/cli/fixtures/none/*.txt: no files match this pattern',
      'imr: test/cli/fixtures/bad/binary.txt: looks binary, not a letter in text form; skipped',
    ]);
    const out = lines(run.stdout);
    assert.match(at(out, 0), UNKNOWN_LINE);
    assert.equal(out[1], '0 errors, 0 warnings, 1 info in 1 file');
  });

  test('a file over 64 MiB is skipped unread, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-large-'));
    try {
      const big = join(dir, 'big.txt');
      writeFileSync(big, '');
      truncateSync(big, 64 * 1024 * 1024 + 1); // sparse: no real disk use
      const run = imr(['check', big, UNKNOWN]);
      assert.equal(run.status, 2);
      assert.deepEqual(lines(run.stderr), [`imr: ${big}: larger than 64 MiB; skipped`]);
      assert.match(run.stdout, /in 1 file\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exit 2 wins over exit 1', () => {
    const run = imr(['check', `${FIXTURES}/configured`, `${FIXTURES}/bad/binary.txt`]);
    assert.equal(run.status, 2);
    assert.match(run.stdout, /^1 error, 0 warnings, 0 infos in 1 file$/m);
  });
});

describe('imr check: JSON output and --output', () => {
  test('--format json: file, findings with id, name, severity, message and 0-based range', () => {
    const run = imr(['check', '--format', 'json', UNKNOWN]);
    assert.equal(run.status, 0);
    const data = JSON.parse(run.stdout) as CheckReport;
    assert.equal(data.length, 1);
    assert.equal(at(data, 0).file, UNKNOWN);
    const finding = only(at(data, 0).findings);
    assert.deepEqual(Object.keys(finding), ['ruleId', 'ruleName', 'severity', 'message', 'range']);
    assert.equal(finding.ruleId, 'IMR000');
    assert.equal(finding.ruleName, 'document-structure');
    assert.equal(finding.severity, 'information');
    assert.deepEqual(finding.range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 'Dear Sir,'.length },
    });
  });

  test('--output writes the report to the file and nothing to stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'imr-out-'));
    try {
      const file = join(dir, 'report.json');
      const run = imr(['check', '-f', 'json', '-o', file, UNKNOWN]);
      assert.equal(run.status, 0);
      assert.equal(run.stdout, '');
      assert.equal(at(at(JSON.parse(readFileSync(file, 'utf8')) as CheckReport, 0).findings, 0).ruleId, 'IMR000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
