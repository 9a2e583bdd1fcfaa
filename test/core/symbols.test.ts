// The outline as flat symbols (core/service/symbols.ts), for clients without hierarchical document symbols:
// order, container names, the name of an unnamed node, and cancellation. Exact values.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancelledError } from '../../server/src/core/cancel';
import type { OutlineNode } from '../../server/src/core/outline';
import { parse } from '../../server/src/core/parse';
import { createLanguageService } from '../../server/src/core/service';
import { flatSymbols } from '../../server/src/core/service/symbols';
import { SourceText } from '../../server/src/core/source';
import { smallLetter } from '../rules/small-letter';

const URI = 'memory:/letter.txt';
const range = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

function node(kind: OutlineNode['kind'], name: string, line: number, children: OutlineNode[] = []): OutlineNode {
  return { kind, name, range: range(line, 0, line, 9), selectionRange: range(line, 0, line, 4), children };
}

describe('flatSymbols', () => {
  test('parents before children, each child under its parent name; top level has no container', () => {
    const nodes = [
      node('header', 'Header', 0, [node('headerField', 'Case Number', 1)]),
      node('section', 'DECISIONS', 2, [node('item', 'MRI', 3, [node('field', 'Decision rationale', 4)])]),
    ];
    assert.deepEqual(flatSymbols(URI, nodes), [
      { name: 'Header', kind: 'header', uri: URI, range: range(0, 0, 0, 9) },
      { name: 'Case Number', kind: 'headerField', uri: URI, range: range(1, 0, 1, 9), containerName: 'Header' },
      { name: 'DECISIONS', kind: 'section', uri: URI, range: range(2, 0, 2, 9) },
      { name: 'MRI', kind: 'item', uri: URI, range: range(3, 0, 3, 9), containerName: 'DECISIONS' },
      { name: 'Decision rationale', kind: 'field', uri: URI, range: range(4, 0, 4, 9), containerName: 'MRI' },
    ]);
  });

  test('a blank name becomes "(unnamed)", for the symbol and as its children\'s container', () => {
    const symbols = flatSymbols(URI, [node('item', '  ', 3, [node('field', 'Decision rationale', 4)])]);
    assert.deepEqual(
      symbols.map((s) => [s.name, s.containerName]),
      [
        ['(unnamed)', undefined],
        ['Decision rationale', '(unnamed)'],
      ],
    );
  });

  test('stops with CancelledError once cancelled', () => {
    assert.throws(() => flatSymbols(URI, [node('section', 'DECISIONS', 2)], () => true), CancelledError);
  });
});

describe('language service flatOutlineParts', () => {
  const text = smallLetter({});
  const service = createLanguageService({
    letter: (uri) => (uri === URI ? { document: parse(text), source: new SourceText(text) } : undefined),
  });

  test('a letter: its sections, the item under its section, the fields under the item', () => {
    assert.deepEqual(
      [...service.flatOutlineParts(URI)],
      [
        [
          { name: 'HOW THE IMR FINAL DETERMINATION WAS MADE', kind: 'section', uri: URI, range: range(0, 17, 1, 75) },
          { name: 'CLINICAL CASE SUMMARY', kind: 'section', uri: URI, range: range(2, 32, 3, 41) },
          { name: 'IMR ISSUES, DECISIONS AND RATIONALES', kind: 'section', uri: URI, range: range(4, 22, 9, 83) },
          {
            name: 'MRI of the lumbar spine',
            kind: 'item',
            uri: URI,
            range: range(6, 0, 9, 83),
            containerName: 'IMR ISSUES, DECISIONS AND RATIONALES',
          },
          {
            name: 'Claims Administrator guideline',
            kind: 'field',
            uri: URI,
            range: range(7, 0, 7, 80),
            containerName: 'MRI of the lumbar spine',
          },
          {
            name: 'MAXIMUS guideline',
            kind: 'field',
            uri: URI,
            range: range(8, 0, 8, 67),
            containerName: 'MRI of the lumbar spine',
          },
          {
            name: 'Decision rationale',
            kind: 'field',
            uri: URI,
            range: range(9, 0, 9, 83),
            containerName: 'MRI of the lumbar spine',
          },
        ],
      ],
    );
  });

  test('no letter at the URI: no parts', () => {
    assert.deepEqual([...service.flatOutlineParts('memory:/other.txt')], []);
  });
});
