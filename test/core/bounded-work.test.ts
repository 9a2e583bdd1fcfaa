// Hostile input for the core's per-line and per-token work (issue 12): each call runs in a worker stopped
// after WORKER_LIMIT_MS, which a quadratic version cannot meet on these sizes (it would take hours).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inWorker, WORKER_LIMIT_MS } from '../support/budget';
import type { completionsSummary, parseSummary } from '../support/hostile';
import { smallLetter } from '../rules/small-letter';

const GLOSSARY = 'server/src/core/glossary.ts';
const HOSTILE = 'test/support/hostile.ts';
const MILLION = 1_000_000;
const limit = { timeout: WORKER_LIMIT_MS * 2 };

type Term = { entry: { term: string }; start: number; end: number } | undefined;

test(
  'hover term lookup on a 1,000,000-character line of dashes: nothing in the dashes, MRI inside them',
  limit,
  async () => {
    const half = '-'.repeat(MILLION / 2);
    const line = `${half}MRI${half}`;
    assert.equal(await inWorker<Term>(GLOSSARY, 'termAt', [line, MILLION / 4]), undefined);
    const mri = await inWorker<Term>(GLOSSARY, 'termAt', [line, MILLION / 2 + 1]);
    assert.deepEqual([mri?.entry.term, mri?.start, mri?.end], ['MRI', MILLION / 2, MILLION / 2 + 3]);
  },
);

test('hover term lookup on a 1,000,000-character run of `a1/`: MRI found in the run', limit, async () => {
  const run = 'a1/'.repeat(MILLION / 6);
  const line = `${run}MRI/${run}`;
  const mri = await inWorker<Term>(GLOSSARY, 'termAt', [line, run.length + 1]);
  assert.deepEqual([mri?.entry.term, mri?.start, mri?.end], ['MRI', run.length, run.length + 3]);
  assert.equal(await inWorker<Term>(GLOSSARY, 'termAt', [line, 1]), undefined);
});

test('parse: a 1,000,000-character guideline field of `Decision based on MTUS ` with no year', limit, async () => {
  const body = 'Decision based on MTUS '.repeat(MILLION / 23);
  const text = smallLetter({
    item: [
      'MRI of the lumbar spine: Upheld',
      `Claims Administrator guideline: ${body}`,
      'Decision rationale: The request is not medically necessary.',
    ],
  });
  const summary = await inWorker<ReturnType<typeof parseSummary>>(HOSTILE, 'parseSummary', [text]);
  assert.deepEqual(summary.items, [
    {
      text: 'MRI of the lumbar spine'.length,
      decision: 'Upheld',
      fields: ['claimsAdministratorGuideline', 'rationale'],
      partial: undefined,
    },
  ]);
});

test(
  'parse: 21,000 "Board Certified in" with no "and is licensed": each read a bounded way, no credentials',
  limit,
  async () => {
    const text = smallLetter({ summary: ['The expert reviewer is Board Certified in Pain '.repeat(21_000)] });
    const summary = await inWorker<ReturnType<typeof parseSummary>>(HOSTILE, 'parseSummary', [text]);
    assert.equal(summary.credentials, undefined);
    assert.equal(summary.items.length, 1);
  },
);

test('parse: a licensure list with a 1,000,000-character run of blanks between two states', limit, async () => {
  const run = ' '.repeat(MILLION);
  const text = smallLetter({ summary: [`State(s) of Licensure: California${run}Nevada`] });
  const summary = await inWorker<ReturnType<typeof parseSummary>>(HOSTILE, 'parseSummary', [text]);
  assert.deepEqual(summary.credentials, { form: 'block', states: [`California${run}Nevada`.length], specialties: [] });
});

test('parse: a partial-authorisation remainder with a 1,000,000-character run of blanks', limit, async () => {
  const heading =
    'MRI was the original request. MRI of the knee was authorized by the Claims Administrator. The remaining IMR ' +
    `eligible portion of the original request, MRI of the hip${' '.repeat(MILLION)}with contrast is: Upheld`;
  const text = smallLetter({ item: [heading, 'Decision rationale: The request is not medically necessary.'] });
  const summary = await inWorker<ReturnType<typeof parseSummary>>(HOSTILE, 'parseSummary', [text]);
  assert.deepEqual(
    summary.items.map((item) => [item.decision, item.partial]),
    [['Upheld', 'remaining-portion']],
  );
});

test('completion at the end of a guideline line holding a 1,000,000-character word and a space', limit, async () => {
  const line = `Claims Administrator guideline: Decision based on MTUS ${'a'.repeat(MILLION)} `;
  const item = ['MRI of the lumbar spine: Upheld', line, 'Decision rationale: The request is not medically necessary.'];
  const found = await inWorker<ReturnType<typeof completionsSummary>>(HOSTILE, 'completionsSummary', [
    smallLetter({ item }),
    7,
    line.length,
  ]);
  assert.ok(found.labels.length > 0, 'citation completions');
  assert.deepEqual(found.firstRange, {
    start: { line: 7, character: line.length },
    end: { line: 7, character: line.length },
  });
});
