// Disputed items of the L3 (and assumed L2) decisions section (format guide §3, §5). Parses on labels,
// not blank lines: plain `pdftotext` output has no paragraph breaks, so an item's first line is found by
// walking back from its decision line to the end of the previous rationale's last sentence.
import type { Decision, DisputedItem, Field, FieldKind, Range } from '../model';
import { firstCharactersOf } from '../text/chars';
import { Excerpt } from '../text/excerpt';
import { textAt, type Line } from '../text/lines';
import { decisionTail, decisionValue, isLoneDecision, isStrongDecisionLine } from './decision';
import { buildField } from './fields';
import { parsePartialAuthorization, preambleIncomplete } from './preamble';

export interface LabelSpec {
  kind: FieldKind;
  text: string;
  /** Order within an item: a label of the same or a lower rank starts the next item. */
  rank: number;
}

export const L3_LABELS: LabelSpec[] = [
  { kind: 'claimsAdministratorGuideline', text: 'Claims Administrator guideline:', rank: 0 },
  { kind: 'reviewerGuideline', text: 'MAXIMUS guideline:', rank: 1 },
  { kind: 'rationale', text: 'Decision rationale:', rank: 2 },
];

const OPENER = 'The Final Determination was based on';
/** Longest item text seen is 5 lines; past this a walk back has surely left the item. */
const MAX_ITEM_LINES = 10;

interface Draft {
  headStart: number;
  headEnd: number;
  /** Each label's line, and its index in `lines`. */
  fields: { at: number; line: Line; spec: LabelSpec }[];
}

function labelOf(text: string, labels: readonly LabelSpec[]): LabelSpec | undefined {
  // Most lines are prose: one table load rules them out, and a label's first character the other labels.
  const first = text.charCodeAt(0);
  if (firstCharactersOf(labels)[first] !== 1) return undefined;
  for (const spec of labels) if (spec.text.charCodeAt(0) === first && text.startsWith(spec.text)) return spec;
  return undefined;
}

function endsSentence(text: string): boolean {
  return /[.!?]["'\u201d)\]]*$/.test(text);
}

/** Extractors wrap at 95–102 columns, so a short line that does not run on ends a paragraph. */
const SHORT_LINE = 60;

function endsParagraph(text: string): boolean {
  return (
    endsSentence(text) ||
    (text.length < SHORT_LINE && !/[,;:(&/-]$|\b(?:and|or|the|of|to|a|an|for|with|is|in)$/.test(text))
  );
}

/** First line of an item whose text ends at `end`, never above `floor`. */
function walkBack(lines: readonly Line[], end: number, floor: number): number {
  let k = end;
  while (k > floor && end - k < MAX_ITEM_LINES) {
    if (lines[k]?.blankBefore) break;
    if (endsParagraph(textAt(lines, k - 1)) && !preambleIncomplete(joinText(lines, k, end))) break;
    k--;
  }
  return k;
}

function joinText(lines: readonly Line[], from: number, to: number): string {
  let s = '';
  for (let i = from; i <= to; i++) s += (i > from ? ' ' : '') + textAt(lines, i);
  return s;
}

function skipOpener(lines: readonly Line[]): number {
  if (!lines[0]?.text.startsWith(OPENER)) return 0;
  for (const [i, line] of lines.slice(0, 3).entries()) if (line.text.endsWith(':')) return i + 1;
  return 1;
}

function lastAnchor(d: Draft): number {
  return d.fields.at(-1)?.at ?? d.headEnd;
}

/** Pass 1: where each item's heading is and which label lines belong to it. */
function findDrafts(lines: readonly Line[], labels: readonly LabelSpec[], first: number): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let lastRank = -1;
  for (let i = first, line = lines[i]; line; line = lines[++i]) {
    const text = line.text;
    const spec = labelOf(text, labels);
    const floor = current ? lastAnchor(current) + 1 : first;
    if (spec) {
      // A repeated label right after a finished sentence has no item heading above it: a misplaced
      // field of the current item (a mistyped second `MAXIMUS guideline:`), not a new item.
      const stray = current !== undefined && spec.rank <= lastRank && i > first && endsSentence(textAt(lines, i - 1));
      if (!current || (spec.rank <= lastRank && !stray)) {
        // A new item whose heading has no Upheld/Overturned line: it ends just above this label.
        const headEnd = i - 1;
        current =
          headEnd >= floor
            ? { headStart: walkBack(lines, headEnd, floor), headEnd, fields: [] }
            : { headStart: i, headEnd: i - 1, fields: [] };
        drafts.push(current);
      }
      current.fields.push({ at: i, line, spec });
      if (!stray) lastRank = spec.rank;
      continue;
    }
    // Cheapest test first: a lone decision needs a line ending in ':' above it.
    const above = textAt(lines, i - 1);
    const lone = i > floor && above.endsWith(':') && isLoneDecision(text) && !labelOf(above, labels);
    if (isStrongDecisionLine(text) || lone) {
      const textEnd = lone ? i - 1 : i;
      current = { headStart: walkBack(lines, textEnd, floor), headEnd: i, fields: [] };
      drafts.push(current);
      lastRank = -1;
    }
  }
  return drafts;
}

function lineRange(line: Line, from = 0, to = line.text.length): Range {
  return {
    start: { line: line.line, character: line.start + from },
    end: { line: line.line, character: line.start + to },
  };
}

/** Pass 2: item text, decision and fields from a draft. `bodyEnd` is the last line the item may use. */
function buildItem(lines: readonly Line[], d: Draft, bodyEnd: number, index: number): DisputedItem {
  let decision: Decision | undefined;
  // The item text is lines[headStart..textEnd]; none when textEnd < headStart.
  let textEnd = d.headStart - 1;
  let cut: number | undefined;
  const last = d.headEnd >= d.headStart ? lines[d.headEnd] : undefined;
  if (!last) {
    // No heading lines: the item starts at its first label.
  } else if (d.headEnd > d.headStart && isLoneDecision(last.text) && textAt(lines, d.headEnd - 1).endsWith(':')) {
    const raw = last.text.replace(/[.;,]$/, '');
    decision = { raw, value: decisionValue(raw), range: lineRange(last, 0, raw.length) };
    textEnd = d.headEnd - 1;
    cut = textAt(lines, textEnd).length - 1;
  } else {
    textEnd = d.headEnd;
    const tail = decisionTail(last.text);
    if (tail) {
      decision = {
        raw: tail.raw,
        value: decisionValue(tail.raw),
        range: lineRange(last, tail.start, tail.start + tail.raw.length),
      };
      cut = tail.colon;
    } else if (last.text.endsWith(':')) {
      cut = last.text.length - 1;
    }
  }
  const hasText = textEnd >= d.headStart;
  const firstLabel = d.fields[0]?.line;
  const text = hasText
    ? Excerpt.fromLineRange(lines, d.headStart, textEnd, 0, cut)
    : Excerpt.empty(firstLabel ? { line: firstLabel.line, character: firstLabel.start } : { line: 0, character: 0 });
  const partial = parsePartialAuthorization(text);
  // "… The remaining IMR eligible portion of the original request, <rest> is: Upheld": the "is" is grammar.
  const textSpan = partial?.remaining ? text.span(0, itemTextEnd(text.text)) : text.toSpan();
  const headingRange: Range = hasText
    ? { start: textSpan.range.start, end: decision ? decision.range.end : textSpan.range.end }
    : text.range;

  const fields: Field[] = d.fields.map((f, k) => {
    const next = d.fields[k + 1];
    return buildField(lines, f.line, f.at, next ? next.at - 1 : bodyEnd, f.spec);
  });
  const lastField = fields[fields.length - 1];
  const byKind = (kind: FieldKind) => fields.find((f) => f.kind === kind);
  return {
    index,
    text: textSpan,
    subject: partial?.remaining?.text ?? text.text,
    partial,
    decision,
    headingRange,
    range: { start: headingRange.start, end: lastField ? lastField.range.end : headingRange.end },
    claimsAdministratorGuideline: byKind('claimsAdministratorGuideline'),
    reviewerGuideline: byKind('reviewerGuideline'),
    rationale: byKind('rationale'),
    fields,
  };
}

/** Where a partial authorisation's item text ends: before the copula of `<rest> is`. */
function itemTextEnd(text: string): number {
  // Tried only where a run of blanks starts: `/\s+is$/` alone re-reads a long run from each of its positions.
  const copula = /(?<!\s)\s+is$/.exec(text);
  return copula ? copula.index : text.length;
}

/** Items in the decisions section's body lines (heading excluded). */
export function parseItems(lines: readonly Line[], labels: readonly LabelSpec[] = L3_LABELS): DisputedItem[] {
  const first = skipOpener(lines);
  const drafts = findDrafts(lines, labels, first);
  return drafts.map((d, k) => {
    const next = drafts[k + 1];
    const bodyEnd = next ? next.headStart - 1 : lines.length - 1;
    return buildItem(lines, d, bodyEnd, k + 1);
  });
}
