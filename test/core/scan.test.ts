// Sticky scans tried only at candidates find exactly what the global regex finds over the whole text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Candidates, stickyMatches } from '../../server/src/core/text/scan';

function globalMatches(text: string, source: string, flags: string, start = 0): [number, string][] {
  const re = new RegExp(source, `${flags}g`);
  re.lastIndex = start;
  const found: [number, string][] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) found.push([m.index, m[0]]);
  return found;
}

function candidateMatches(
  text: string,
  source: string,
  flags: string,
  needles: { needle: string; before: number }[],
  start = 0,
): [number, string][] {
  const sticky = new RegExp(source, `${flags}y`);
  return [...stickyMatches(text, sticky, new Candidates(text, needles), start)].map((m) => [m.index, m[0]]);
}

test('candidates: every occurrence of each needle less its lead, in order, each once', () => {
  const text = 'ab:cd<e:XXXX<';
  const candidates = new Candidates(text, [
    { needle: ':', before: 2 },
    { needle: '<', before: 0 },
    { needle: 'XX', before: 0 },
  ]);
  const seen: number[] = [];
  for (let at = candidates.from(0); at >= 0; at = candidates.from(at + 1)) seen.push(at);
  assert.deepEqual(seen, [0, 5, 8, 9, 10, 12]);
});

test('a colon before its lead is no candidate: nothing starts before the text', () => {
  assert.equal(new Candidates('a:b', [{ needle: ':', before: 5 }]).from(0), -1);
});

const SLOT = String.raw`<[a-z][a-z ]{0,30}>|\[(?:item|items)\]|\bX{3,}\b|\bTBD\b`;
const SLOT_NEEDLES = ['<', '[', 'XXX', 'TBD'].map((needle) => ({ needle, before: 0 }));
const LEAD = String.raw`Disclaimer:\s+The`;

test('slots: the candidate scan equals the global regex on the examples', () => {
  const text = 'a <item> [items] XXXX aXXX XXX TBD TBDs [item <b>';
  assert.deepEqual(candidateMatches(text, SLOT, '', SLOT_NEEDLES), [
    [2, '<item>'],
    [9, '[items]'],
    [17, 'XXXX'],
    [27, 'XXX'],
    [31, 'TBD'],
    [46, '<b>'],
  ]);
  assert.deepEqual(candidateMatches(text, SLOT, '', SLOT_NEEDLES), globalMatches(text, SLOT, ''));
});

test('slots and a case-insensitive lead: the candidate scan equals the global regex on any text', () => {
  const pieces = fc.constantFrom('<', '>', '[', ']', 'item', 'items', 'X', 'XX', 'TBD', 'a', ' ', 'b c', '\n');
  const lead = fc.constantFrom('Disclaimer', 'DISCLAIMER', 'disclaimer', ':', ' ', 'The', 'the', 'x', ':\n');
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 40 }), fc.nat(20), (parts, start) => {
      const text = parts.join('');
      const from = Math.min(start, text.length);
      assert.deepEqual(candidateMatches(text, SLOT, '', SLOT_NEEDLES, from), globalMatches(text, SLOT, '', from));
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(fc.array(lead, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      const needles = [{ needle: ':', before: 'Disclaimer'.length }];
      assert.deepEqual(candidateMatches(text, LEAD, 'i', needles), globalMatches(text, LEAD, 'i'));
    }),
    { numRuns: 500 },
  );
});
