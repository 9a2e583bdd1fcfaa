// Applying a fix's edits to a text. Pure. Edits are applied against the ORIGINAL text (LSP semantics), so
// they must not overlap; an overlap is a bug in the rule that made them and is reported, not guessed at.
import { SourceText } from '../source';
import type { Fix, TextEdit } from './types';

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
export function applyEdits(text: string, edits: readonly TextEdit[], source: SourceText = new SourceText(text)): string {
  if (edits.length === 0) return text;
  const resolved: Resolved[] = edits.map((e, order) => {
    const a = source.offsetAt(e.range.start);
    const b = source.offsetAt(e.range.end);
    if (b < a) throw new OverlappingEditsError(`An edit ends before it starts (${e.range.start.line + 1}:${e.range.start.character + 1}).`);
    return { start: a, end: b, newText: e.newText, order };
  });
  resolved.sort((x, y) => x.start - y.start || x.end - y.end || x.order - y.order);
  let out = '';
  let at = 0;
  for (let k = 0; k < resolved.length; k++) {
    const e = resolved[k];
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
