// Code actions in memory (core/service/codeActions.ts through the language service): which fixes are offered
// for which diagnostics, their exact edits and slots, disable-rule, the fix-all and `only`.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancelledError } from '../../server/src/core/cancel';
import { parse } from '../../server/src/core/parse';
import { runRules, type Finding, type Fix } from '../../server/src/core/rules';
import { createLanguageService, type Letter } from '../../server/src/core/service';
import { kindAllowed } from '../../server/src/core/service/codeActionKinds';
import type { DiagnosticRef } from '../../server/src/core/service/codeActions';
import { SourceText } from '../../server/src/core/source';
import { smallLetter } from '../rules/small-letter';
import { exactly } from '../support/elements';

const URI = 'memory:/letter.txt';
const range = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});
const letterOf = (text: string): Letter => ({ document: parse(text), source: new SourceText(text) });

// Line 6: the item, "Uphold" at columns 25–31; no rationale (IMR001 inserts one after line 8, column 67).
const UPHOLD = letterOf(
  smallLetter({
    item: [
      'MRI of the lumbar spine: Uphold',
      'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
      'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.',
    ],
  }),
);
const UPHOLD_WORD = range(6, 25, 6, 31);
const ITEM_LINE = range(6, 0, 6, 31);
const CREDENTIALS = range(0, 17, 0, 57);

// Two items, each with a misspelt decision that has one safe fix: "Uphold" (line 6, 25–31) and "Overturn"
// (line 10, 18–26).
const TWO_SAFE = letterOf(
  smallLetter({
    item: [
      'MRI of the lumbar spine: Uphold',
      'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
      'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.',
      'Decision rationale: There are no red flags. The request is not medically necessary.',
      'Physical therapy: Overturn',
      'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
      'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.',
      'Decision rationale: Therapy helps. The request is medically necessary.',
    ],
  }),
);

/** A service over one letter that counts the host's rule runs. */
function serviceOver(letter: Letter) {
  const runs = { count: 0 };
  let current: Letter | undefined = letter;
  const service = createLanguageService({
    letter: (uri) => (uri === URI ? current : undefined),
    findings: (_uri, l) => {
      runs.count++;
      return runRules(l.document, l.source);
    },
  });
  return { service, runs, replace: (next: Letter) => (current = next) };
}

/** The diagnostic the client sends back for a finding: without data (`fixes` undefined) unless given. */
const ref = (finding: Pick<Finding, 'ruleId' | 'range' | 'message'>, fixes?: Fix[]): DiagnosticRef => ({
  code: finding.ruleId,
  range: finding.range,
  message: finding.message,
  fixes,
});

async function findingsOf(letter: Letter): Promise<Finding[]> {
  return runRules(letter.document, letter.source);
}

describe('code actions in memory', () => {
  test('quick fixes found again by rule, range and message: exact edits, slots, preference; then disable-rule', async () => {
    const { service } = serviceOver(UPHOLD);
    const findings = await findingsOf(UPHOLD);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range]),
      [
        ['IMR007', CREDENTIALS],
        ['IMR001', ITEM_LINE],
        ['IMR003', UPHOLD_WORD],
      ],
    );
    const [credentials, rationale, decision] = exactly(
      findings.map((f) => ref(f)),
      3,
    );
    const actions = await service.codeActions(URI, {
      diagnostics: [credentials, rationale, decision],
      offerDisableRule: true,
    });
    const at = { line: 8, character: 67 };
    assert.deepEqual(actions, [
      {
        kind: 'quickfix',
        title: 'Insert a Decision rationale skeleton for item 1',
        diagnostics: [rationale],
        isPreferred: true,
        edits: [
          {
            range: { start: at, end: at },
            newText: '\nDecision rationale: <rationale>. As such, the request <is / is not> medically necessary.',
          },
        ],
        placeholders: [
          [
            { offset: 21, length: 11 },
            { offset: 55, length: 13 },
          ],
        ],
      },
      {
        kind: 'quickfix',
        title: 'Change to Upheld',
        diagnostics: [decision],
        isPreferred: true,
        edits: [{ range: UPHOLD_WORD, newText: 'Upheld' }],
      },
      {
        kind: 'quickfix',
        title: 'Change to Overturned',
        diagnostics: [decision],
        isPreferred: false,
        edits: [{ range: UPHOLD_WORD, newText: 'Overturned' }],
      },
      {
        kind: 'quickfix',
        title: 'Disable rule IMR007 for this workspace',
        diagnostics: [credentials],
        disableRule: 'IMR007',
      },
      {
        kind: 'quickfix',
        title: 'Disable rule IMR001 for this workspace',
        diagnostics: [rationale],
        disableRule: 'IMR001',
      },
      {
        kind: 'quickfix',
        title: 'Disable rule IMR003 for this workspace',
        diagnostics: [decision],
        disableRule: 'IMR003',
      },
    ]);
  });

  test("a diagnostic's current fixes are used as they are, without a rule run", async () => {
    const { service, runs } = serviceOver(UPHOLD);
    const own: Fix = { title: 'Write Upheld', edits: [{ range: UPHOLD_WORD, newText: 'Upheld' }], safe: false };
    const diagnostic = ref({ ruleId: 'IMR003', range: UPHOLD_WORD, message: 'any' }, [own]);
    const actions = await service.codeActions(URI, {
      diagnostics: [diagnostic],
      offerDisableRule: false,
      only: ['quickfix'],
    });
    assert.deepEqual(actions, [
      {
        kind: 'quickfix',
        title: 'Write Upheld',
        diagnostics: [diagnostic],
        isPreferred: true,
        edits: [{ range: UPHOLD_WORD, newText: 'Upheld' }],
      },
    ]);
    assert.equal(runs.count, 0);
  });

  test('the rules run once per request, however many diagnostics lack data', async () => {
    const { service, runs } = serviceOver(UPHOLD);
    const diagnostics = (await findingsOf(UPHOLD)).map((f) => ref(f));
    await service.codeActions(URI, { diagnostics, offerDisableRule: false });
    assert.equal(runs.count, 1);
  });

  test("another tool's diagnostic, an unknown code, or a finding that moved: no quick fix", async () => {
    const { service } = serviceOver(UPHOLD);
    const [, , decision] = await findingsOf(UPHOLD);
    assert.ok(decision);
    const diagnostics: DiagnosticRef[] = [
      { ...ref(decision), code: undefined },
      { ...ref(decision), code: 'IMR999' },
      { ...ref(decision), range: range(6, 24, 6, 31) },
      { ...ref(decision), message: 'edited' },
    ];
    const actions = await service.codeActions(URI, { diagnostics, offerDisableRule: true, only: ['quickfix'] });
    // The moved and edited ones are still IMR003's: only disable-rule, for both.
    assert.deepEqual(actions, [
      {
        kind: 'quickfix',
        title: 'Disable rule IMR003 for this workspace',
        diagnostics: [diagnostics[2], diagnostics[3]],
        disableRule: 'IMR003',
      },
    ]);
  });

  test('a rule named by its name is offered under its id', async () => {
    const { service } = serviceOver(UPHOLD);
    const diagnostic = { ...ref({ ruleId: 'invalid-decision', range: UPHOLD_WORD, message: 'x' }), fixes: [] };
    const actions = await service.codeActions(URI, { diagnostics: [diagnostic], offerDisableRule: true });
    assert.deepEqual(
      actions.map((a) => [a.title, 'disableRule' in a ? a.disableRule : undefined]),
      [['Disable rule IMR003 for this workspace', 'IMR003']],
    );
  });

  test('fix-all: every safe fix; in the general list only when it fixes more than one problem', async () => {
    const { service } = serviceOver(TWO_SAFE);
    const fixAll = {
      kind: 'source.fixAll.imr',
      title: 'Fix all 2 safe IMR problems',
      edits: [
        { range: range(6, 25, 6, 31), newText: 'Upheld' },
        { range: range(10, 18, 10, 26), newText: 'Overturned' },
      ],
    };
    assert.deepEqual(await service.codeActions(URI, { diagnostics: [], offerDisableRule: true }), [fixAll]);
    assert.deepEqual(await service.codeActions(URI, { diagnostics: [], offerDisableRule: true, only: ['source'] }), [
      fixAll,
    ]);
    assert.deepEqual(
      await service.codeActions(URI, { diagnostics: [], offerDisableRule: true, only: ['quickfix'] }),
      [],
    );

    const one = serviceOver(UPHOLD).service;
    assert.deepEqual(await one.codeActions(URI, { diagnostics: [], offerDisableRule: true }), []);
    assert.deepEqual(await one.codeActions(URI, { diagnostics: [], offerDisableRule: true, only: ['source.fixAll'] }), [
      {
        kind: 'source.fixAll.imr',
        title: 'Fix the safe IMR problem',
        edits: [{ range: UPHOLD_WORD, newText: 'Upheld' }],
      },
    ]);
  });

  test('no fix-all when the letter changed while its findings were computed', async () => {
    const { service, replace } = serviceOver(TWO_SAFE);
    const pending = service.codeActions(URI, { diagnostics: [], offerDisableRule: true, only: ['source.fixAll.imr'] });
    replace(UPHOLD);
    assert.deepEqual(await pending, []);
  });

  test('a letter the host does not serve: nothing; a cancelled request: CancelledError', async () => {
    const { service } = serviceOver(UPHOLD);
    const diagnostics = (await findingsOf(UPHOLD)).map((f) => ref(f));
    assert.deepEqual(await service.codeActions('memory:/other.txt', { diagnostics, offerDisableRule: true }), []);
    await assert.rejects(
      service.codeActions(URI, { diagnostics, offerDisableRule: true }, () => true),
      (e) => e instanceof CancelledError,
    );
  });

  test('kindAllowed: a kind, its parents, nothing else', () => {
    assert.equal(kindAllowed('source.fixAll.imr', undefined), true);
    assert.equal(kindAllowed('source.fixAll.imr', ['source']), true);
    assert.equal(kindAllowed('source.fixAll.imr', ['source.fixAll']), true);
    assert.equal(kindAllowed('source.fixAll.imr', ['source.fixAll.imr']), true);
    assert.equal(kindAllowed('source.fixAll.imr', ['source.fix']), false);
    assert.equal(kindAllowed('source.fixAll.imr', ['quickfix', 'refactor']), false);
    assert.equal(kindAllowed('quickfix', ['quickfix']), true);
    assert.equal(kindAllowed('quickfix', []), false);
  });
});
