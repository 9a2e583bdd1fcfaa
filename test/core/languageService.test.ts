// The language service driven in memory, without LSP: one small letter, every feature, exact values.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import type { Finding } from '../../server/src/core/rules';
import { createLanguageService, type Letter } from '../../server/src/core/service';
import type { Selection } from '../../server/src/core/service/selection';
import { entryFor } from '../../server/src/core/service/workspaceSearch';
import { SourceText } from '../../server/src/core/source';
import { smallLetter } from '../rules/small-letter';

// Line 6 is the item, "Uphold" at columns 25–31.
const TEXT = smallLetter({
  item: [
    'MRI of the lumbar spine: Uphold',
    'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
    'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.',
    'Decision rationale: There are no red flags. The request is not medically necessary.',
  ],
});
const URI = 'memory:/letter.txt';
const letter: Letter = { document: parse(TEXT), source: new SourceText(TEXT) };
const letterAt = (uri: string) => (uri === URI ? letter : undefined);
const range = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

describe('createLanguageService over letters in memory', () => {
  const service = createLanguageService({ letter: letterAt });

  test('diagnostics: the rule findings with their defaults, in position order', async () => {
    const findings = await service.diagnostics(URI);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.severity, f.range]),
      [
        ['IMR007', 'warning', range(0, 17, 0, 57)],
        ['IMR003', 'error', range(6, 25, 6, 31)],
      ],
    );
  });

  test('folding: the sections and the item, with its collapsed text', () => {
    assert.deepEqual(service.folding(URI, { lineFoldingOnly: true, collapsedText: true }), [
      { startLine: 0, endLine: 1 },
      { startLine: 2, endLine: 3 },
      { startLine: 4, endLine: 9 },
      { startLine: 6, endLine: 9, collapsedText: 'MRI of the lumbar spine · "Uphold"' },
    ]);
  });

  test('lens: the counts on the decisions heading and the item to pick', () => {
    assert.deepEqual(service.lenses(URI), [
      {
        range: range(4, 22, 4, 58),
        title: '1 disputed item · 0 upheld · 0 overturned · 1 invalid',
        items: [
          {
            label: '1. MRI of the lumbar spine',
            description: '"Uphold"',
            decision: 'invalid',
            range: range(6, 0, 6, 31),
          },
        ],
      },
    ]);
  });

  test('outline: sections, the item under its section, its fields under it', () => {
    const names = (nodes: ReturnType<typeof service.outline>): unknown[] =>
      nodes.map((n) => [n.kind, n.name, n.detail, ...(n.children.length ? [names(n.children)] : [])]);
    assert.deepEqual(names(service.outline(URI)), [
      ['section', 'HOW THE IMR FINAL DETERMINATION WAS MADE', undefined],
      ['section', 'CLINICAL CASE SUMMARY', undefined],
      [
        'section',
        'IMR ISSUES, DECISIONS AND RATIONALES',
        undefined,
        [
          [
            'item',
            'MRI of the lumbar spine',
            '"Uphold" · MTUS Low Back Complaints 2004',
            [
              ['field', 'Claims Administrator guideline', 'MTUS Low Back Complaints 2004'],
              ['field', 'MAXIMUS guideline', 'MTUS Low Back Complaints 2004'],
              ['field', 'Decision rationale', 'not medically necessary'],
            ],
          ],
        ],
      ],
    ]);
  });

  test('hover on the invalid decision: the word explained, then the rule that flags it', async () => {
    const hover = await service.hover(URI, { line: 6, character: 27 }, { markdown: false });
    assert.deepEqual(hover?.range, range(6, 25, 6, 31));
    const [word, rule] = hover?.value.split('\n\n') ?? [];
    assert.equal(word?.startsWith('“Uphold” is not an IMR decision.'), true, word);
    assert.equal(
      rule?.split('\n')[0],
      'IMR003 invalid-decision (error) — An item with no decision, or a word other than Upheld or Overturned.',
    );
  });

  test('completion after the item colon: the two decisions, inserted at the caret', () => {
    const entries = service.completion(URI, { line: 6, character: 25 });
    assert.deepEqual(
      entries.map((e) => [e.label, e.kind, e.newText, e.range]),
      [
        ['Upheld', 'decision', 'Upheld', range(6, 25, 6, 25)],
        ['Overturned', 'decision', 'Overturned', range(6, 25, 6, 25)],
      ],
    );
  });

  test('selection: item name, heading line, item, section, whole letter', () => {
    const chain: unknown[] = [];
    const [innermost] = service.selection(URI, [{ line: 6, character: 2 }]);
    for (let s: Selection | undefined = innermost; s; s = s.parent) chain.push(s.range);
    assert.deepEqual(chain, [
      range(6, 0, 6, 23),
      range(6, 0, 6, 31),
      range(6, 0, 9, 83),
      range(4, 22, 9, 83),
      range(0, 0, 10, 0),
    ]);
  });

  test('tokens: 13 for this letter, built once per letter', () => {
    const table = service.tokens(URI);
    assert.equal(table?.count, 13);
    assert.equal(service.tokens(URI), table);
  });

  test('workspace symbols over index entries the host supplies', () => {
    const entry = entryFor(URI, 'letter.txt', letter.document);
    assert.ok(entry);
    assert.deepEqual(service.workspaceSymbols([entry], 'lumbar', 10), [
      {
        name: 'MRI of the lumbar spine',
        kind: 'item',
        uri: URI,
        range: range(6, 0, 6, 31),
        containerName: 'letter.txt',
      },
    ]);
    assert.deepEqual(service.workspaceSymbols([entry], 'knee', 10), []);
  });

  test('workspace symbols of a letter with a case number: the case number, and items inside it', () => {
    const text = smallLetter({ header: ['Case Number:          CM16-0000001', ''] });
    const entry = entryFor('memory:/b.txt', 'b.txt', parse(text));
    assert.ok(entry);
    assert.deepEqual(service.workspaceSymbols([entry], 'CM16-0000001', 10), [
      {
        name: 'CM16-0000001',
        kind: 'header',
        uri: 'memory:/b.txt',
        range: range(0, 22, 0, 34),
        containerName: 'b.txt',
      },
      {
        name: 'MRI of the lumbar spine',
        kind: 'item',
        uri: 'memory:/b.txt',
        range: range(8, 0, 8, 31),
        containerName: 'CM16-0000001 · b.txt',
      },
    ]);
  });

  test('a URI the host has no letter for: every feature answers empty', async () => {
    const other = 'memory:/other.txt';
    assert.deepEqual(
      [
        await service.diagnostics(other),
        service.folding(other, {}),
        service.lenses(other),
        service.documentItems(other),
        service.outline(other),
        await service.hover(other, { line: 0, character: 0 }, { markdown: true }),
        service.completion(other, { line: 0, character: 0 }),
        service.selection(other, [{ line: 0, character: 0 }]),
        service.tokens(other),
      ],
      [
        [],
        [],
        [],
        { items: [], counts: { items: 0, upheld: 0, overturned: 0, invalid: 0 } },
        [],
        undefined,
        [],
        [],
        undefined,
      ],
    );
  });
});

describe('createLanguageService with injected findings, outline letter and memory hook', () => {
  const injected: Finding[] = [];
  const around: Letter[] = [];
  const service = createLanguageService({
    letter: () => undefined, // as the server does for a letter over its size limit
    outlineLetter: letterAt,
    findings: () => injected,
    aroundLargeWork: (l) => around.push(l),
  });
  const withLetter = createLanguageService({
    letter: letterAt,
    findings: () => injected,
    aroundLargeWork: (l) => around.push(l),
  });

  test('the outline and the items come from outlineLetter when letter has none', () => {
    assert.deepEqual(
      service.outline(URI).map((n) => n.name),
      ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    );
    const { items, counts } = service.documentItems(URI);
    assert.deepEqual(
      items.map((i) => [i.label, i.decision]),
      [['1. MRI of the lumbar spine', 'invalid']],
    );
    assert.deepEqual(counts, { items: 1, upheld: 0, overturned: 0, invalid: 1 });
    assert.deepEqual(service.lenses(URI), []);
  });

  test('diagnostics and hover use the host findings, not a rule run of their own', async () => {
    assert.deepEqual(await withLetter.diagnostics(URI), []);
    const hover = await withLetter.hover(URI, { line: 6, character: 27 }, { markdown: false });
    assert.equal(hover?.value.includes('IMR003'), false);
  });

  test('the memory hook runs before and after building tokens, and not for a cached table', () => {
    around.length = 0;
    withLetter.tokens(URI);
    withLetter.tokens(URI);
    assert.deepEqual(around, [letter, letter]);
  });
});
