// Quick fixes over the real letters: plant one defect, check, apply each fix the finding offers, and require
// that (a) nothing outside the edit changed, (b) the finding is gone, (c) no new error appeared.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DisputedItem, Field, ImrDocument } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parse';
import { check, type Finding, type Fix } from '../../server/src/core/rules';
import { applyEdits } from '../../server/src/core/rules/fixes';
import { SourceText } from '../../server/src/core/source';
import { corpusAvailable, corpusLetters } from '../support/corpus';
import { at, defined } from '../support/elements';

interface Planted {
  kind: string;
  ruleId: string;
  item: number;
  text: string;
  /** Errors the fix may legitimately bring, by rule id (IMR003's second choice can contradict the rationale). */
  allowedNewErrors?: (fixIndex: number) => string[];
}

/** Offsets of whole source lines first..last, with the terminator; in doubled text also the empty partner. */
function lineSpan(source: SourceText, first: number, last: number, doubled: boolean): [number, number] {
  const start = source.offsetAt({ line: first, character: 0 });
  let endLine = last + 1;
  if (doubled && source.lineAt(endLine) === '' && endLine < source.lineCount - 1) endLine++;
  const end = endLine >= source.lineCount ? source.text.length : source.offsetAt({ line: endLine, character: 0 });
  return [start, end];
}

function removeField(text: string, doc: ImrDocument, f: Field): string {
  const source = new SourceText(text);
  const [a, b] = lineSpan(source, f.range.start.line, f.range.end.line, doc.variant.extraction === 'doubled');
  return text.slice(0, a) + text.slice(b);
}

function replaceDecision(text: string, item: DisputedItem, word: string): string {
  const source = new SourceText(text);
  const range = defined(item.decision).range;
  let a = source.offsetAt(range.start);
  // Removing the word takes its colon (and the blanks before the word) with it.
  if (word === '') {
    const colon = text.lastIndexOf(':', a);
    if (colon >= 0 && text.slice(colon + 1, a).trim() === '' && source.positionAt(colon).line === range.start.line)
      a = colon;
    else return text; // a decision alone on its line: leave it, the other kinds cover the letter
  }
  return text.slice(0, a) + word + text.slice(source.offsetAt(range.end));
}

function plant(text: string, doc: ImrDocument, item: DisputedItem): Planted[] {
  const out: Planted[] = [];
  const k = item.index;
  const p = (kind: string, ruleId: string, t: string, extra: Partial<Planted> = {}) => {
    if (t !== text) out.push({ kind, ruleId, item: k, text: t, ...extra });
  };
  if (item.rationale) p('remove rationale', 'IMR001', removeField(text, doc, item.rationale));
  if (item.reviewerGuideline) p('remove MAXIMUS guideline', 'IMR002', removeField(text, doc, item.reviewerGuideline));
  if (item.claimsAdministratorGuideline)
    p('remove Claims Administrator guideline', 'IMR008', removeField(text, doc, item.claimsAdministratorGuideline));
  if (item.decision?.value) {
    const other = item.decision.value === 'Upheld' ? 'Overturned' : 'Upheld';
    const secondChoice = (i: number) => (i === 1 ? ['IMR004'] : []);
    p(
      'decision Uphold',
      'IMR003',
      replaceDecision(text, item, item.decision.value === 'Upheld' ? 'Uphold' : 'Overturn'),
      { allowedNewErrors: secondChoice },
    );
    p('decision Denied', 'IMR003', replaceDecision(text, item, 'Denied'), {
      allowedNewErrors: (i) => (i === 0 ? [] : ['IMR004']),
    });
    p('decision removed', 'IMR003', replaceDecision(text, item, ''), { allowedNewErrors: secondChoice });
    if (item.rationale?.conclusion) p('decision flipped', 'IMR004', replaceDecision(text, item, other));
  }
  return out;
}

const errorKeys = (findings: Finding[]) =>
  findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.message}`);

function findingFor(findings: Finding[], ruleId: string, item: number): Finding | undefined {
  return findings.find((f) => f.ruleId === ruleId && f.message.startsWith(`Item ${item} `));
}

/** (a): one edit per fix here; everything before and after it must be the planted text byte for byte. */
function assertOnlyEditChanged(before: string, after: string, fix: Fix, where: string): void {
  assert.equal(fix.edits.length, 1, `${where}: expected one edit`);
  const source = new SourceText(before);
  const edit = at(fix.edits, 0);
  const a = source.offsetAt(edit.range.start);
  const b = source.offsetAt(edit.range.end);
  assert.equal(after.slice(0, a), before.slice(0, a), `${where}: text before the edit changed`);
  assert.equal(after.slice(a + edit.newText.length), before.slice(b), `${where}: text after the edit changed`);
  assert.equal(after.slice(a, a + edit.newText.length), edit.newText);
  // The edit stays on the defect's own lines: at most the line it inserts after, or the word it replaces.
  assert.ok(
    edit.range.end.line - edit.range.start.line <= 0,
    `${where}: the edit spans lines ${edit.range.start.line + 1}-${edit.range.end.line + 1}`,
  );
}

test('quick fixes over every corpus letter: local, effective, and no new errors', (t) => {
  if (!corpusAvailable(t)) return;
  const letters = corpusLetters();
  assert.ok(letters.length >= 237, `expected the whole corpus, got ${letters.length} letters`);
  const kinds = new Map<string, number>();
  let fixesApplied = 0;
  const failures: string[] = [];
  letters.forEach((letter, n) => {
    const doc = parse(letter.text);
    if (doc.items.length === 0) return failures.push(`${letter.name}: no items`);
    // Every letter gets every defect kind, on one item chosen in rotation, so all item positions get covered.
    const item = at(doc.items, n % doc.items.length);
    const baseline = errorKeys(check(letter.text).findings);
    for (const planted of plant(letter.text, doc, item)) {
      const where = `${letter.name} item ${planted.item} (${planted.kind})`;
      kinds.set(planted.kind, (kinds.get(planted.kind) ?? 0) + 1);
      const finding = findingFor(check(planted.text).findings, planted.ruleId, planted.item);
      if (!finding) {
        failures.push(`${where}: no ${planted.ruleId} finding`);
        continue;
      }
      const fixes = finding.fixes ?? [];
      if (fixes.length !== (planted.ruleId === 'IMR003' ? 2 : 1)) {
        failures.push(`${where}: ${fixes.length} fixes offered`);
        continue;
      }
      fixes.forEach((fix, i) => {
        const fixed = applyEdits(planted.text, fix.edits);
        assertOnlyEditChanged(planted.text, fixed, fix, `${where} "${fix.title}"`);
        fixesApplied++;
        const after = check(fixed).findings;
        if (findingFor(after, planted.ruleId, planted.item))
          failures.push(`${where} "${fix.title}": the finding is still there`);
        const allowed = new Set(planted.allowedNewErrors?.(i) ?? []);
        const remaining = [...baseline];
        for (const key of errorKeys(after)) {
          const at = remaining.indexOf(key);
          if (at >= 0) remaining.splice(at, 1);
          else if (!allowed.has(key.slice(0, 6))) failures.push(`${where} "${fix.title}": new error ${key}`);
        }
      });
    }
  });
  assert.deepEqual(failures, []);
  // Every kind was planted in (nearly) every letter: a kind that silently stopped planting is a test bug.
  for (const kind of [
    'remove rationale',
    'remove MAXIMUS guideline',
    'remove Claims Administrator guideline',
    'decision Uphold',
    'decision Denied',
    'decision flipped',
  ]) {
    assert.ok((kinds.get(kind) ?? 0) >= letters.length * 0.95, `${kind}: planted ${kinds.get(kind) ?? 0} times`);
  }
  assert.ok(
    (kinds.get('decision removed') ?? 0) >= letters.length * 0.9,
    `decision removed: planted ${kinds.get('decision removed')} times`,
  );
  assert.ok(fixesApplied > 1500, `${fixesApplied} fixes applied`);
});
