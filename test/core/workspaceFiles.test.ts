// Check All Letters and Export through the language service in memory (core/service/workspaceFiles.ts): files
// read through the host, held letters as the editor has them, each letter's own rules, the findings cap, and
// the disable-rule command's arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { resolveRuleSettings, type ImrConfig } from '../../server/src/core/rules';
import { createLanguageService, type Letter } from '../../server/src/core/service';
import { disableRuleArgs } from '../../server/src/core/service/disableRule';
import { MAX_FINDINGS_PER_RULE, editorFindings } from '../../server/src/core/service/findings';
import { CancelledError } from '../../server/src/core/cancel';
import { SourceText } from '../../server/src/core/source';
import { withOpenLetters } from '../../server/src/core/service/workspaceSearch';
import { exportLetters } from '../../server/src/core/service/workspaceFiles';
import { smallLetter } from '../rules/small-letter';

const UPHOLD = smallLetter({
  item: [
    'MRI of the lumbar spine: Uphold',
    'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
    'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.',
    'Decision rationale: There are no red flags. The request is not medically necessary.',
  ],
});
const UPHELD = UPHOLD.replace('lumbar spine: Uphold', 'knee: Upheld');
const files: Record<string, string> = { 'file:///a.txt': UPHOLD, 'file:///b.txt': UPHOLD };
const held: Letter = { document: parse(UPHELD), source: new SourceText(UPHELD) };

function serviceWith(rules: ImrConfig['rules'], paused: string[] = []) {
  return createLanguageService({
    letter: (uri) => (uri === 'file:///held.txt' ? held : undefined),
    files: {
      readLetterFile: async (uri) => files[uri] ?? { reason: 'no such file' },
      rulesFor: async (uri) => resolveRuleSettings({ rules: uri === 'file:///b.txt' ? rules : {} }),
      pause: async () => void paused.push('pause'),
    },
    fileName: (uri) => uri.replace('file://', ''),
  });
}

test('checkFiles: each readable file with the rules of its own configuration; an unreadable one left out', async () => {
  const paused: string[] = [];
  const checked = await serviceWith({ IMR007: 'off' }, paused).checkFiles([
    'file:///a.txt',
    'file:///missing.txt',
    'file:///b.txt',
  ]);
  assert.deepEqual(
    checked.map(({ uri, findings }) => [uri, findings.map((f) => f.ruleId)]),
    [
      ['file:///a.txt', ['IMR007', 'IMR003']],
      ['file:///b.txt', ['IMR003']],
    ],
  );
  assert.equal(paused.length, 3);
});

test('checkFiles stops with CancelledError once cancelled', async () => {
  await assert.rejects(
    serviceWith({}).checkFiles(['file:///a.txt'], () => true),
    CancelledError,
  );
});

/** A check that turns true on its `n`th call. */
const trueOnCall = (n: number) => {
  let calls = 0;
  return () => ++calls >= n;
};

test('a long letter stops inside its parse and rule run, not only between letters', async () => {
  // The loop polls once before the letter; the second poll is the parse's own.
  await assert.rejects(serviceWith({}).checkFiles(['file:///a.txt'], trueOnCall(2)), CancelledError);
  await assert.rejects(serviceWith({}).exportLetters(['file:///a.txt'], 'json', trueOnCall(2)), CancelledError);
});

test('checkFiles without a files host checks nothing', async () => {
  assert.deepEqual(await createLanguageService({ letter: () => undefined }).checkFiles(['file:///a.txt']), []);
});

test('exportLetters: held letters as held, others read, errors as `<file>: <reason>`', async () => {
  const result = await serviceWith({}).exportLetters(
    ['file:///held.txt', 'file:///a.txt', 'file:///missing.txt'],
    'csv',
  );
  assert.equal(result.rows, 2);
  assert.deepEqual(result.errors, ['/missing.txt: no such file']);
  const lines = result.text.trimEnd().split(/\r?\n/);
  assert.equal(lines.length, 3);
  assert.match(lines[1] ?? '', /^\/held\.txt,.*,MRI of the knee,.*,Upheld,/);
  assert.match(lines[2] ?? '', /^\/a\.txt,.*,MRI of the lumbar spine,.*,Uphold,/);
});

test('editorFindings caps each rule at MAX_FINDINGS_PER_RULE and says so once', () => {
  // IMR014 (probable redaction gap) on every line of a long run of `ab  ` pairs.
  const text = `${UPHOLD}\n${'ab  cd\n'.repeat(MAX_FINDINGS_PER_RULE + 5)}`;
  const findings = editorFindings(parse(text), new SourceText(text)).filter((f) => f.ruleId === 'IMR014');
  if (findings.length <= MAX_FINDINGS_PER_RULE) return assert.fail(`only ${findings.length} IMR014 findings`);
  assert.equal(findings.length, MAX_FINDINGS_PER_RULE + 1);
  const notices = findings.filter((f) =>
    f.message.startsWith('IMR014 probable-redaction-gap stopped after 1000 findings'),
  );
  assert.equal(notices.length, 1);
});

test('disableRuleArgs: a rule by id or name and a URI; anything else is refused', () => {
  assert.deepEqual(disableRuleArgs(['IMR003', 'file:///a.txt']), { ruleId: 'IMR003', uri: 'file:///a.txt' });
  assert.deepEqual(disableRuleArgs(['invalid-decision', 'file:///a.txt']), { ruleId: 'IMR003', uri: 'file:///a.txt' });
  assert.equal(disableRuleArgs(['IMR999', 'file:///a.txt']), undefined);
  assert.equal(disableRuleArgs(['IMR003']), undefined);
  assert.equal(disableRuleArgs([3, 'file:///a.txt']), undefined);
});

test('withOpenLetters: open letters replace their files; an open document without an entry hides its file', () => {
  const entry = (uri: string) => ({ uri, fileName: uri.slice(8), letters: [] });
  const indexed = [entry('file:///a.txt'), entry('file:///b.txt'), entry('file:///c.txt')];
  const openA = { ...entry('file:///a.txt'), fileName: 'a (open)' };
  const open = new Map([
    ['file:///a.txt', openA],
    ['file:///b.txt', undefined],
    ['file:///new.txt', entry('file:///new.txt')],
  ]);
  assert.deepEqual(
    withOpenLetters(indexed, open).map((e) => e.fileName),
    ['c.txt', 'a (open)', 'new.txt'],
  );
});

test('exportLetters reads each letter once, in the order first named, and at most maxLetters of them', async () => {
  const reads: string[] = [];
  const letterAt = async (uri: string) => {
    reads.push(uri);
    return uri === 'missing' ? 'no such file' : parse(UPHOLD);
  };
  const named = ['b', 'a', ...Array<string>(20_000).fill('b'), 'missing', 'a', 'c', 'd'];
  const result = await exportLetters(named, 'csv', letterAt, (uri) => `/${uri}.txt`, undefined, 4);
  assert.deepEqual(reads, ['b', 'a', 'missing', 'c']);
  assert.deepEqual(
    result.text
      .trimEnd()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(',')[0]),
    ['/b.txt', '/a.txt', '/c.txt'],
  );
  assert.deepEqual(result.errors, ['/missing.txt: no such file', '1 of 5 letters not exported: at most 4 at a time']);
});
