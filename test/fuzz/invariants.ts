// What must hold for ANY text, in process: parse and the rules never throw; every range lies inside the
// document; items, sections, fields and findings come in document order; every fix applies. Each check
// returns the broken invariants as short messages (empty when all hold), so that the soak can count them.
import { parse } from '../../server/src/core/parse';
import { applyEdits, check } from '../../server/src/core/rules';
import type { Position, Range } from '../../server/src/core/model';
import { allRanges, lineLengths, lineStarts, rangeProblem } from '../fixtures/excerpts/source';

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);
const notAfter = (a: Position, b: Position) => !before(b, a);

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : String(error);
}

function rangesInside(text: string, value: unknown, what: string, starts: number[], lengths: number[]): string[] {
  const out: string[] = [];
  for (const { path, range } of allRanges(value)) {
    const problem = rangeProblem(text, range, starts, lengths);
    if (problem) out.push(`${what}${path.slice(1)}: ${problem}`);
  }
  return out;
}

function inOrder(ranges: readonly Range[], what: string, strictly: boolean): string[] {
  let previous: Range | undefined;
  for (const [k, range] of ranges.entries()) {
    const [a, b] = [previous?.start, range.start];
    previous = range;
    if (a === undefined) continue;
    if (strictly ? !before(a, b) : !notAfter(a, b))
      return [`${what} out of document order at ${k}: ${JSON.stringify(a)} then ${JSON.stringify(b)}`];
  }
  return [];
}

/** The parser's invariants for `text`. */
export function parserViolations(text: string): string[] {
  let doc;
  try {
    doc = parse(text);
  } catch (error) {
    return [`parse threw ${describeError(error)}`];
  }
  const starts = lineStarts(text);
  const lengths = lineLengths(text);
  const out = rangesInside(text, doc, 'document', starts, lengths);
  for (const p of doc.problems)
    if (/parser failed/i.test(p.message)) out.push(`the parser failed inside: ${p.message.slice(0, 120)}`);
  if (doc.lineCount !== starts.length) out.push(`lineCount ${doc.lineCount}, text has ${starts.length} lines`);
  out.push(
    ...inOrder(
      doc.items.map((i) => i.range),
      'items',
      true,
    ),
  );
  if (doc.items.some((item, k) => item.index !== k + 1)) out.push('item indexes are not 1..n');
  out.push(
    ...inOrder(
      doc.sections.map((s) => s.headingRange),
      'sections',
      true,
    ),
  );
  for (const item of doc.items)
    out.push(
      ...inOrder(
        item.fields.map((f) => f.range),
        `item ${item.index} fields`,
        true,
      ),
    );
  return out;
}

/** The rules' invariants for `text`: no rule fails, findings inside and sorted, fixes apply. */
export function ruleViolations(text: string): string[] {
  let findings;
  try {
    findings = check(text).findings;
  } catch (error) {
    return [`check threw ${describeError(error)}`];
  }
  const starts = lineStarts(text);
  const lengths = lineLengths(text);
  const out: string[] = [];
  for (const f of findings) {
    if (f.message.includes('failed on this document')) out.push(`${f.ruleId} failed: ${f.message.slice(0, 120)}`);
    out.push(...rangesInside(text, f.range, `${f.ruleId} range`, starts, lengths));
    for (const fix of f.fixes ?? []) {
      out.push(...rangesInside(text, fix.edits, `${f.ruleId} fix`, starts, lengths));
      try {
        applyEdits(text, fix.edits);
      } catch (error) {
        out.push(`${f.ruleId} fix does not apply: ${describeError(error)}`);
      }
    }
  }
  out.push(
    ...inOrder(
      findings.map((f) => f.range),
      'findings',
      false,
    ),
  );
  return out;
}

/** Every in-process invariant. */
export function violations(text: string): string[] {
  return [...parserViolations(text), ...ruleViolations(text)];
}
