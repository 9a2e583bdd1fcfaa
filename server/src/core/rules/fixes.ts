// Applying a fix's edits to a text. Pure. Edits are applied against the ORIGINAL text (LSP semantics), so
// they must not overlap; an overlap is a bug in the rule that made them and is reported, not guessed at.
import type { ImrDocument } from '../model';
import { SourceText } from '../source';
import type { Finding, Fix, TextEdit } from './types';

export class OverlappingEditsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OverlappingEditsError';
  }
}

interface Resolved {
  start: number;
  end: number;
  newText: string;
  order: number;
}

function describe(source: SourceText, e: Resolved): string {
  const s = source.positionAt(e.start);
  const t = source.positionAt(e.end);
  return `${s.line + 1}:${s.character + 1}-${t.line + 1}:${t.character + 1}`;
}

/**
 * Applies edits to `text`. Positions past a line's end clamp to it. Two insertions at the same point keep
 * their given order; an edit that overlaps another throws `OverlappingEditsError` (callers catch).
 */
export function applyEdits(
  text: string,
  edits: readonly TextEdit[],
  source: SourceText = new SourceText(text),
): string {
  if (edits.length === 0) return text;
  const resolved: Resolved[] = edits.map((e, order) => {
    const a = source.offsetAt(e.range.start);
    const b = source.offsetAt(e.range.end);
    if (b < a)
      throw new OverlappingEditsError(
        `An edit ends before it starts (${e.range.start.line + 1}:${e.range.start.character + 1}).`,
      );
    return { start: a, end: b, newText: e.newText, order };
  });
  resolved.sort((x, y) => x.start - y.start || x.end - y.end || x.order - y.order);
  let out = '';
  let at = 0;
  for (const [k, e] of resolved.entries()) {
    const previous = resolved[k - 1];
    // Touching is fine (one ends where the next starts); sharing any character, or inserting inside a replaced range, is not.
    if (previous && (e.start < previous.end || (e.start === previous.start && previous.end > previous.start))) {
      throw new OverlappingEditsError(`Edits overlap at ${describe(source, previous)} and ${describe(source, e)}.`);
    }
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}

/** Ends of lines and insertions that respect the letter's own line breaks (CRLF, doubled lines). */
export interface LineInsertContext {
  source: SourceText;
  /** Doubled text (every line followed by an empty one): an inserted line gets its own empty partner. */
  doubled: boolean;
}

/** An edit that adds `text` as a new line after source line `line`, leaving that line itself untouched. */
export function insertLineAfter(context: LineInsertContext, line: number, text: string): TextEdit {
  const { source, doubled } = context;
  const eol = source.eol;
  const at = { line, character: source.lineAt(line).length };
  return { range: { start: at, end: at }, newText: doubled ? `${eol}${eol}${text}` : `${eol}${text}` };
}

/** A skeleton field for the author to fill in: one new line after source line `line`, never safe (it holds placeholders). */
export function skeletonFix(document: ImrDocument, source: SourceText, line: number, title: string, text: string): Fix {
  const doubled = document.variant.extraction === 'doubled';
  return { title, edits: [insertLineAfter({ source, doubled }, line, text)], safe: false };
}

// ---- fix all: `source.fixAll.imr` and `imr check --fix` ----

interface Span {
  start: number;
  end: number;
}

function conflicts(a: Span, b: Span): boolean {
  if (Math.max(a.start, b.start) < Math.min(a.end, b.end)) return true; // share a character
  if (a.start === b.start) return true; // two insertions, or an insertion at a replacement's start: order unclear
  const inside = (p: Span, q: Span) => p.start === p.end && q.start < p.start && p.start < q.end;
  return inside(a, b) || inside(b, a);
}

/** Every safe fix whose edits conflict with no fix taken before it (findings in document order). */
export function safeFixEdits(findings: readonly Finding[], source: SourceText): { edits: TextEdit[]; fixes: number } {
  const taken: Span[] = [];
  const edits: TextEdit[] = [];
  let fixes = 0;
  for (const finding of findings) {
    const fix = finding.fixes?.find((f) => f.safe);
    if (!fix || fix.edits.length === 0) continue;
    const spans = fix.edits.map((e) => ({ start: source.offsetAt(e.range.start), end: source.offsetAt(e.range.end) }));
    if (spans.some((s) => s.end < s.start || taken.some((t) => conflicts(s, t)))) continue;
    taken.push(...spans);
    edits.push(...fix.edits.map((e) => ({ range: e.range, newText: e.newText })));
    fixes++;
  }
  return { edits, fixes };
}

/** Passes of fix-then-recheck before giving up: a fix may reveal another (a missing field, then its body). */
const MAX_FIX_PASSES = 10;

/**
 * Applies every safe fix, re-checking after each pass, until none is left. `check` is the caller's rule run
 * (with its configuration); `findings` are the text's own when the caller has them. Returns the final text and
 * how many fixes were applied.
 */
export function fixAllSafe(
  text: string,
  check: (text: string) => Finding[],
  findings: Finding[] = check(text),
): { text: string; fixed: number; findings: Finding[] } {
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { edits, fixes } = safeFixEdits(findings, new SourceText(text));
    if (fixes === 0) break;
    let next: string;
    try {
      next = applyEdits(text, edits);
    } catch {
      break; // overlapping edits: leave the text as the last good pass left it
    }
    if (next === text) break;
    text = next;
    fixed += fixes;
    findings = check(text);
  }
  return { text, fixed, findings };
}
