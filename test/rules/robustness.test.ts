// Rules on damaged letters (the real letters shipped in the repo): never a crash, ranges inside the document, fixes that apply cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../../server/src/core/rules';
import { applyEdits } from '../../server/src/core/rules/fixes';
import { SourceText } from '../../server/src/core/source';
import type { Position } from '../../server/src/core/model';
import { letterText, SHIPPED_LETTERS } from '../support/letters';
import { at } from '../support/elements';

const PIECES = [
  'Upheld',
  'Overturned',
  'Uphold',
  ': Denied',
  'Decision rationale:',
  'MAXIMUS guideline:',
  'Claims Administrator guideline:',
  'CLINICAL CASE SUMMARY',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  '\f',
  '',
  ' ',
  'is not medically necessary.',
  'is medically necessary.',
  'Certification(s)/Specialty:',
  'x: Upheld',
  ':',
  '\r',
];

type Mutation = { at: number; kind: 'delete' | 'duplicate' | 'insert' | 'truncate'; piece: string };

function mutate(text: string, mutations: Mutation[]): string {
  const lines = text.split('\n');
  for (const m of mutations) {
    const i = lines.length ? m.at % lines.length : 0;
    if (m.kind === 'delete') lines.splice(i, 1);
    else if (m.kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
    else if (m.kind === 'insert') lines.splice(i, 0, m.piece);
    else lines[i] = (lines[i] ?? '').slice(0, Math.floor((lines[i] ?? '').length / 2)) + m.piece;
  }
  return lines.join('\n');
}

function inside(p: Position, source: SourceText): boolean {
  return p.line >= 0 && p.line < source.lineCount && p.character >= 0 && p.character <= source.lineAt(p.line).length;
}

test('damaged letters: no rule fails, every range is inside the text, every fix applies', () => {
  const letters = SHIPPED_LETTERS.map((name) => ({ name, text: letterText(name) }));
  const mutation = fc.record({
    at: fc.nat(400),
    kind: fc.constantFrom<Mutation['kind']>('delete', 'duplicate', 'insert', 'truncate'),
    piece: fc.constantFrom(...PIECES),
  });
  fc.assert(
    fc.property(fc.nat(letters.length - 1), fc.array(mutation, { minLength: 1, maxLength: 8 }), (k, mutations) => {
      const text = mutate(at(letters, k).text, mutations);
      const source = new SourceText(text);
      for (const f of check(text).findings) {
        assert.ok(!f.message.includes('failed on this document'), f.message);
        assert.ok(inside(f.range.start, source) && inside(f.range.end, source), `${f.ruleId} range outside the text`);
        for (const fix of f.fixes ?? []) {
          for (const e of fix.edits)
            assert.ok(
              inside(e.range.start, source) && inside(e.range.end, source),
              `${f.ruleId} edit outside the text`,
            );
          applyEdits(text, fix.edits); // throws on overlap
        }
      }
    }),
    { seed: 20170228, numRuns: 300 },
  );
});
