// The pure outline (server/src/core/outline.ts): names, details and placement, on hand-built models.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DisputedItem, Field, ImrDocument, Range } from '../../server/src/core/model';
import { citationLabels, decisionLabel, itemName, mainCitation, outline } from '../../server/src/core/outline';
import { parse } from '../../server/src/core';
import { at } from '../support/elements';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

function item(
  text: string,
  decision: DisputedItem['decision'],
  at: number,
  extra: Partial<DisputedItem> = {},
): DisputedItem {
  return {
    index: 1,
    text: { text, range: r(at, 0, at, text.length) },
    subject: text,
    decision,
    headingRange: r(at, 0, at, text.length + 8),
    range: r(at, 0, at + 3, 10),
    fields: [],
    ...extra,
  };
}

function doc(items: DisputedItem[], sections: ImrDocument['sections'] = []): ImrDocument {
  return {
    layout: 'L1',
    variant: { hasHeader: false, credentialsForm: 'none', extraction: 'plain' },
    sections,
    items,
    problems: [],
    lineCount: 100,
    range: r(0, 0, 99, 0),
  };
}

test('item names: whitespace collapsed, a partial item loses its closing "is", an empty one is named by index', () => {
  const wrapped = item(
    'Physical therapy   2 times a week\nfor 6 weeks',
    { raw: 'Upheld', value: 'Upheld', range: r(0, 0, 0, 6) },
    5,
  );
  assert.equal(itemName(wrapped), 'Physical therapy 2 times a week for 6 weeks');
  const { items } = parse(
    [
      'IMR ISSUES, DECISIONS AND RATIONALES',
      'Baclofen 100mg #30 was the original request. Baclofen 100mg #27 was authorized by the Claims',
      'Administrator. The remaining IMR eligible portion of the original request, Baclofen 100mg #3 is:',
      'Upheld',
      'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
      'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016.',
      'Decision rationale: The request is not medically necessary.',
    ].join('\n'),
  );
  assert.equal(items.length, 1);
  assert.equal(itemName(at(items, 0)), 'Baclofen 100mg #30 was the original request…');
  assert.equal(itemName(item('', undefined, 3)), 'Item 1');
});

test('decision labels: the value, `no decision`, or the word as written in quotes', () => {
  assert.equal(
    decisionLabel(item('A', { raw: 'Overturned', value: 'Overturned', range: r(0, 0, 0, 1) }, 0)),
    'Overturned',
  );
  assert.equal(decisionLabel(item('A', undefined, 0)), 'no decision');
  assert.equal(
    decisionLabel(item('A', { raw: 'Partially  overturned', range: r(0, 0, 0, 1) }, 0)),
    '"Partially overturned"',
  );
});

test('main citation and citation labels of a guideline field', () => {
  const field = (guideline: Field['guideline']): Field => ({
    kind: 'reviewerGuideline',
    label: 'MAXIMUS guideline:',
    labelRange: r(0, 0, 0, 18),
    body: { text: '', range: r(0, 18, 0, 18), rangeOf: () => r(0, 18, 0, 18) },
    range: r(0, 0, 0, 18),
    guideline,
  });
  const era1 = field({
    noEvidence: false,
    outsideMtus: false,
    citations: [
      {
        kind: 'non-mtus',
        text: 'Non-MTUS Citation UpToDate: Sildenafil',
        parts: [],
        source: 'other',
        range: r(0, 0, 0, 1),
      },
      {
        kind: 'mtus',
        text: 'MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300-301',
        parts: [
          {
            title: 'Low Back Complaints',
            chapter: 12,
            pages: [{ from: 300, to: 301, range: r(0, 0, 0, 1) }],
            sections: [],
            range: r(0, 0, 0, 1),
          },
        ],
        range: r(0, 0, 0, 1),
      },
    ],
  });
  assert.equal(mainCitation(era1), 'MTUS ACOEM Chapter 12 Low Back Complaints');
  assert.deepEqual(citationLabels(era1.guideline), [
    'Non-MTUS UpToDate: Sildenafil',
    'MTUS ACOEM Chapter 12 Low Back Complaints (pp. 300-301)',
  ]);
  assert.equal(
    mainCitation(field({ noEvidence: true, outsideMtus: false, citations: [] })),
    'no medical evidence cited',
  );
  assert.equal(mainCitation(field({ noEvidence: false, outsideMtus: true, citations: [] })), 'no citation');
  assert.equal(mainCitation(undefined), 'no guideline field');
});

test('items outside every section (L0/L1) come at top level after the sections', () => {
  const decisions = {
    kind: 'decisions' as const,
    title: 'DECISIONS',
    headingRange: r(10, 0, 10, 9),
    bodyRange: r(11, 0, 20, 0),
    range: r(10, 0, 20, 0),
  };
  const inside = item('Inside', { raw: 'Upheld', value: 'Upheld', range: r(12, 8, 12, 14) }, 12);
  const outside = item('Outside', { raw: 'Uphold', range: r(40, 9, 40, 15) }, 40);
  const tree = outline(doc([inside, outside], [decisions]));
  assert.deepEqual(
    tree.map((n) => [n.kind, n.name, n.children.map((c) => c.name)]),
    [
      ['section', 'DECISIONS', ['Inside']],
      ['item', 'Outside', []],
    ],
  );
  assert.equal(at(tree, 1).decision, 'invalid');
  assert.equal(at(tree, 1).detail, '"Uphold" · no guideline field');
});
