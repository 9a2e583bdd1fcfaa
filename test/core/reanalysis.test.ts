// Re-analysis after an edit (core/reanalysis.ts): the letters an edit leaves alone are reused, moved to their
// new lines, and the result is exactly a full parse and rule run of the new text.
import { describe, test } from 'node:test';
import * as v8 from 'node:v8';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { analyse, checkAnalysis, type Reanalysis } from '../../server/src/core/reanalysis';
import { runRules, type Finding } from '../../server/src/core/rules';
import { SourceText } from '../../server/src/core/source';
import { collectNow, enableExplicitCollection } from '../../server/src/lsp/memory';
import { readLines } from '../support/readLines';
import { modelJson } from '../fuzz/incremental';
import { fixtureText, joinLetters, JOINED_FIXTURES } from '../support/joined';

const A = fixtureText(JOINED_FIXTURES, 'A-plain.txt');
const B = fixtureText(JOINED_FIXTURES, 'B-plain.txt');
/** A (42 lines, its decision `Uphold` on line 35) then B (from line 42, its first decision `Overturn` on line 77). */
const TWO = joinLetters([A.replace(': Upheld', ': Uphold'), B.replace(': Overturned', ': Overturn')], 'pasted').text;
const KEY = ['settings'];
const TITLE = 'HOW THE IMR FINAL DETERMINATION WAS MADE\n';

function check(analysis: Reanalysis, cap = Infinity): Finding[] {
  return checkAnalysis(analysis, new Map(), KEY, cap);
}

/** The analysis equals a fresh parse and rule run of its text. */
function assertFresh(analysis: Reanalysis, findings: readonly Finding[], cap = Infinity): void {
  const fresh = parse(analysis.text);
  assert.equal(modelJson(analysis.document), modelJson(fresh));
  assert.equal(
    modelJson(findings),
    modelJson(runRules(fresh, new SourceText(analysis.text), new Map(), undefined, cap)),
  );
}

function at(text: string, line: number, character: number): number {
  const lines = text.split('\n');
  return lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0) + character;
}

function edit(text: string, offset: number, remove: number, insert: string): string {
  return text.slice(0, offset) + insert + text.slice(offset + remove);
}

const where = (findings: readonly Finding[]) =>
  findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]);

/** `held-text-k` then `letters`, for k = 1..`versions`, each analysed from the one before: the last. */
function lastOfEdits(letters: string, versions: number): Reanalysis {
  let analysis: Reanalysis | undefined;
  for (let k = 1; k <= versions; k++) {
    analysis = analyse(`held-text-${k}\n${letters}`, analysis);
    check(analysis);
  }
  assert.ok(analysis);
  return analysis;
}

/** Which of `prefixes` start a string of at least `length` characters still held (a heap snapshot collects first). */
async function textsHeld(prefixes: readonly string[], length: number): Promise<string[]> {
  // Not what the analysis holds, but what V8 may keep by chance: the last regex's subject (a text), and what
  // an incremental marking under way when the snapshot's collection starts keeps through it (seen under load).
  /x/.exec('x');
  enableExplicitCollection();
  collectNow();
  collectNow();
  const chunks: string[] = [];
  for await (const chunk of v8.getHeapSnapshot()) chunks.push(String(chunk));
  const { snapshot, nodes, strings } = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.meta.node_fields;
  const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const stringType = snapshot.meta.node_types[0].indexOf('string');
  const held = new Set<string>();
  for (let i = 0; i < nodes.length; i += fields.length) {
    if (nodes[i + type] !== stringType || (nodes[i + size] ?? 0) < length) continue;
    const text = strings[nodes[i + name] ?? 0] ?? '';
    for (const prefix of prefixes) if (text.startsWith(prefix)) held.add(prefix);
  }
  return [...held].sort();
}

describe('re-analysis after an edit', () => {
  test('an edit inside the second letter reads only it again: the first is the same object', () => {
    const before = analyse(TWO);
    check(before);
    const after = analyse(edit(TWO, at(TWO, 77, 57), 8, 'Overturned'), before);
    assert.equal(after.document.letters?.[0], before.document.letters?.[0]);
    assert.notEqual(after.document.letters?.[1], before.document.letters?.[1]);
    const findings = check(after);
    assert.deepEqual(where(findings), [
      ['IMR003', 35, 26, 35, 32],
      ['IMR009', 89, 37, 90, 27],
    ]);
    assertFresh(after, findings);
  });

  test('an edit in the first letter that keeps its lines reuses the second letter’s findings as they are', () => {
    const before = analyse(TWO);
    const first = check(before);
    const after = analyse(edit(TWO, at(TWO, 35, 26), 6, 'Upheld'), before);
    const findings = check(after);
    assert.deepEqual(where(findings), [
      ['IMR003', 77, 57, 77, 65],
      ['IMR009', 89, 37, 90, 27],
    ]);
    // The very findings of the earlier run: not checked again.
    assert.equal(findings[0], first[1]);
    assertFresh(after, findings);
  });

  test('a line inserted at the very start moves the second letter down a line, model and findings', () => {
    const before = analyse(TWO);
    check(before);
    const after = analyse(`\n${TWO}`, before);
    const second = after.document.letters?.[1];
    assert.equal(second?.items[0]?.decision?.raw, 'Overturn');
    assert.deepEqual(second?.items[0]?.decision?.range, {
      start: { line: 78, character: 57 },
      end: { line: 78, character: 65 },
    });
    assert.deepEqual(second?.range.start, { line: 43, character: 0 });
    const findings = check(after);
    assert.deepEqual(where(findings), [
      ['IMR003', 36, 26, 36, 32],
      ['IMR003', 78, 57, 78, 65],
      ['IMR009', 90, 37, 91, 27],
    ]);
    assert.deepEqual(findings[1]?.fixes?.[0]?.edits[0]?.range, {
      start: { line: 78, character: 57 },
      end: { line: 78, character: 65 },
    });
    assertFresh(after, findings);
  });

  test('lines deleted at the very end; a letter boundary moved, merged, split and deleted', () => {
    let analysis = analyse(TWO);
    check(analysis);
    const steps = [
      (t: string) => t.slice(0, t.length - 30), // the end of the second letter
      (t: string) => edit(t, at(t, 42, 0), 'Case Number:\n'.length, ''), // the second letter's first line
      (t: string) => edit(t, at(t, 33, 0), 0, 'IMR ISSUES, DECISIONS AND RATIONALES\n'), // a second decisions heading
      (t: string) => edit(t, t.lastIndexOf(TITLE), TITLE.length, ''), // the second letter's title: merged
      (t: string) => edit(t, at(t, 42, 0), 0, `Case Number:\n${TITLE}`), // split again
      (t: string) => edit(t, 0, at(t, 42, 0), ''), // the first letter gone
    ];
    const starts: number[][] = [];
    for (const step of steps) {
      const next = analyse(step(analysis.text), analysis);
      assertFresh(next, check(next));
      starts.push(next.document.letters?.map((l) => l.range.start.line) ?? []);
      analysis = next;
    }
    // Where each letter starts after each step: moved, moved, merged into one, split again, one left.
    assert.deepEqual(starts, [[0, 42], [0, 60], [0, 61], [0], [0, 42], [0]]);
  });

  test('a changed line break at the top changes the line break that fixes in the second letter insert', () => {
    const noRationale = B.replace(/Decision rationale: The guidelines allow[^]*?necessary\.\n/, '');
    const text = joinLetters([A, noRationale], 'pasted').text;
    const before = analyse(text);
    const fixOf = (findings: readonly Finding[]) =>
      findings.find((f) => f.ruleId === 'IMR001')?.fixes?.[0]?.edits[0]?.newText.slice(0, 2);
    assert.equal(fixOf(check(before)), '\nD');
    const after = analyse(text.replace('\n', '\r\n'), before);
    const findings = check(after);
    assert.equal(fixOf(findings), '\r\n');
    assertFresh(after, findings);
  });

  test('the cap per rule counts across letters: a letter cut short by it is checked again when room is made', () => {
    const cap = 1;
    const before = analyse(TWO);
    assert.deepEqual(where(check(before, cap)).slice(0, 2), [
      ['IMR003', 0, 0, 0, 0], // the notice that IMR003 stopped
      ['IMR003', 35, 26, 35, 32],
    ]);
    const after = analyse(edit(TWO, at(TWO, 35, 26), 6, 'Upheld'), before);
    const findings = check(after, cap);
    assert.deepEqual(where(findings), [
      ['IMR003', 77, 57, 77, 65],
      ['IMR009', 89, 37, 90, 27],
    ]);
    assertFresh(after, findings, cap);
  });

  test('a file that holds a letter three times: an edit in the middle copy leaves the other two where they are, the same objects', () => {
    // Each copy is a candidate for each other copy; the one that has not moved is taken, not copied from another.
    const three = joinLetters(
      [A, A, A].map((l) => l.replace(': Upheld', ': Uphold')),
      'pasted',
    ).text;
    const before = analyse(three);
    const first = check(before);
    assert.deepEqual(where(first), [
      ['IMR003', 35, 26, 35, 32],
      ['IMR003', 77, 26, 77, 32],
      ['IMR003', 119, 26, 119, 32],
    ]);
    const after = analyse(edit(three, at(three, 77, 26), 6, 'Upheld'), before);
    assert.equal(after.document.letters?.[0], before.document.letters?.[0]);
    assert.notEqual(after.document.letters?.[1], before.document.letters?.[1]);
    assert.equal(after.document.letters?.[2], before.document.letters?.[2]);
    const findings = check(after);
    assert.deepEqual(where(findings), [
      ['IMR003', 35, 26, 35, 32],
      ['IMR003', 119, 26, 119, 32],
    ]);
    // The third copy's finding is the earlier run's own, not a copy moved from the first copy's.
    assert.equal(findings[1], first[2]);
    assertFresh(after, findings);
  });

  test('texts kept alive stay bounded: letters are reused from the previous text and one earlier text only', () => {
    const letters = [A, B, A, B].map((l, k) => l.replace('Case Number:', `Case Number: ${k}`));
    let analysis = analyse(joinLetters(letters, 'pasted').text);
    for (let round = 0; round < 12; round++) {
      // One edit in each letter in turn: every letter ends up read from a different version.
      const letter = analysis.document.letters?.[round % 4];
      const offset = at(analysis.text, (letter?.range.start.line ?? 0) + 1, 0);
      analysis = analyse(edit(analysis.text, offset, 0, ' '), analysis);
      assert.ok(new Set(analysis.letters.map((l) => l.origin)).size <= 3, `round ${round}`);
      assertFresh(analysis, check(analysis));
    }
  });

  test('a reused letter keeps no earlier text alive: after two edits, of the three texts only the last is held', async () => {
    // Letters 2-4 are read from the first text and reused by the next two versions; V8 cuts their strings as
    // slices that would keep that text alive, unless copied out of it (detachStrings.ts).
    // A first line of 13 characters or more and a finding that quotes the text (IMR018): those too would be slices.
    const letters = [A, B, A].map((l) =>
      l
        .replace('Case Number:', 'Case Number: CM25-00001')
        .replace('with full extension and no effusion', 'with <the range of motion> and no effusion'),
    );
    const last = lastOfEdits(joinLetters(letters, 'pasted').text, 3);
    const length = last.text.length;
    assert.deepEqual(await textsHeld(['held-text-1', 'held-text-2', 'held-text-3'], length), ['held-text-3']);
    assert.equal(last.document.letters?.length, 3);
    assert.deepEqual(
      check(last)
        .map((f) => f.ruleId)
        .filter((id) => id === 'IMR018'),
      ['IMR018', 'IMR018'],
    );
  });

  test('a letter is reused only when its lines are equal in every field that a Line has', () => {
    // reanalysis.ts compares these six: a field added to Line must be compared there too.
    const line = readLines('\f  text\n').lines[0] ?? {};
    assert.deepEqual(Object.keys(line).sort(), ['blankBefore', 'indent', 'line', 'pageBreakBefore', 'start', 'text']);
  });
});
