// `imr outline`: the text tree and the JSON tree of one letter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { OutlineNode } from '../../server/src/core/outline';
import type { Range } from '../../server/src/core/model';
import { FIXTURES, imr, lines } from './helpers';
import { at, only } from '../support/elements';

const TWO = `${FIXTURES}/letters/two-items.txt`;

test('text outline: sections, credentials, items with decision and main citation, fields', () => {
  const run = imr(['outline', TWO]);
  assert.equal(run.status, 0);
  assert.equal(run.stderr, '');
  assert.deepEqual(lines(run.stdout), [
    ' 1  HOW THE IMR FINAL DETERMINATION WAS MADE',
    ' 3    Reviewer credentials — Family Practice · California',
    ' 6  CLINICAL CASE SUMMARY',
    '10  IMR ISSUES, DECISIONS AND RATIONALES',
    '12    Labs to include: EKG — Upheld · no medical evidence cited',
    '13      Claims Administrator guideline — no medical evidence cited',
    '15      MAXIMUS guideline — no medical evidence cited',
    '16      Decision rationale — not medically necessary',
    '18    Lidocaine 5% patch, "as needed", #30 — Overturned · MTUS Chronic Pain Medical Treatment 2016',
    '19      Claims Administrator guideline — MTUS Chronic Pain Medical Treatment 2016 (Lidoderm (lidocaine patch))',
    '21      MAXIMUS guideline — MTUS Chronic Pain Medical Treatment 2016 (Topical analgesics); Non-MTUS ODG Pain (Chronic)',
    '23      Decision rationale — medically necessary',
  ]);
});

function within(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

test('JSON outline: the same tree as data, selection ranges inside ranges, children inside parents', () => {
  const run = imr(['outline', '--format', 'json', `${FIXTURES}/letters/mri-shoulder.txt`]);
  assert.equal(run.status, 0);
  const tree = JSON.parse(run.stdout) as OutlineNode[];
  assert.deepEqual(
    tree.map((n) => [n.kind, n.name, n.detail]),
    [
      ['header', 'Header', 'CM16-0233794'],
      ['section', 'HOW THE IMR FINAL DETERMINATION WAS MADE', undefined],
      ['section', 'CLINICAL CASE SUMMARY', undefined],
      ['section', 'IMR ISSUES, DECISIONS AND RATIONALES', undefined],
    ],
  );
  assert.deepEqual(
    at(tree, 0).children.map((c) => [c.kind, c.name, c.detail]),
    [
      ['headerField', 'Case Number', 'CM16-0233794'],
      ['headerField', 'Date Assigned', '12/08/2016'],
      ['headerField', 'Decision Date', '01/06/2017'],
      ['headerField', 'Priority', 'Standard'],
      ['headerField', 'Date of Injury', '10/10/2016'],
      ['headerField', 'UR Denial Date', '11/18/2016'],
      ['headerField', 'Application Received', '12/05/2016'],
    ],
  );
  const item = only(at(tree, 3).children);
  assert.equal(item.kind, 'item');
  assert.equal(item.name, 'MRI of the Left shoulder without contrast');
  assert.equal(item.decision, 'Upheld');
  assert.equal(item.detail, 'Upheld · MTUS Shoulder Complaints 2004');
  assert.deepEqual(item.selectionRange, { start: { line: 48, character: 0 }, end: { line: 48, character: 49 } });
  assert.deepEqual(
    item.children.map((f) => f.name),
    ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale'],
  );
  const walk = (nodes: OutlineNode[], parent?: OutlineNode) => {
    for (const n of nodes) {
      assert.ok(within(n.range, n.selectionRange), `${n.name}: selection inside range`);
      if (parent) assert.ok(within(parent.range, n.range), `${n.name} inside ${parent.name}`);
      walk(n.children, n);
    }
  };
  walk(tree);
});

test('outline takes one readable file: a directory, a binary file, two files are exit 2', () => {
  const dir = imr(['outline', `${FIXTURES}/letters`]);
  assert.equal(dir.status, 2);
  assert.deepEqual(lines(dir.stderr), ['imr: test/cli/fixtures/letters: a directory, not a file']);
  const binary = imr(['outline', `${FIXTURES}/bad/binary.txt`]);
  assert.equal(binary.status, 2);
  assert.deepEqual(lines(binary.stderr), [
    'imr: test/cli/fixtures/bad/binary.txt: looks binary, not a letter in text form; skipped',
  ]);
  const two = imr(['outline', TWO, TWO]);
  assert.equal(two.status, 2);
  assert.match(two.stderr, /^imr: outline takes exactly one file \(got 2\)/);
});

test('an unknown layout has nothing to outline', () => {
  const run = imr(['outline', `${FIXTURES}/unknown-layout.txt`]);
  assert.equal(run.status, 0);
  assert.equal(run.stdout, '(nothing recognised)\n');
});
