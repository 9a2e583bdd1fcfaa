// What to complete at a position of a parsed letter: pure, no connection (lsp/completion.ts serves it).
//
// Contexts, decided from the parsed layout around the caret:
//  * after an item's colon in the decisions section (`Lumbar MRI: ▮`, or a line of its own under an item
//    line ending in `:`): `Upheld` and `Overturned`, documented with what each means for the worker;
//  * inside a `Claims Administrator guideline:` / `MAXIMUS guideline:` field: the citation lead-ins
//    (`Decision based on MTUS `, `Decision based on Non-MTUS Citation `), the MTUS titles (MTUS_TITLES,
//    first after `MTUS `), ODG chapters (first after `Non-MTUS Citation `) and the no-evidence sentence;
//  * at a line start: the item labels still expected at that point of the item, in letter order
//    (`Claims Administrator guideline:` → `MAXIMUS guideline:` → `Decision rationale:`); once an item is
//    complete, a snippet for a whole new disputed item; and the section headings not yet present that fit
//    between the headings around the caret, in letter order.
// A list opened by a typed trigger character (COMPLETION_TRIGGERS) is offered only where it helps: decisions
// after an item's colon, citations after a guideline label's colon, MTUS titles and ODG chapters after `MTUS `,
// `, and ` and `Non-MTUS Citation `. Anywhere else (a colon or a space in prose) the answer is empty.
// Entries come in display order (the feature numbers their sortText) with a text edit over what was typed, so that labels with
// spaces filter and replace as a whole.
import { DECISION_EXPLANATIONS } from '../descriptions';
import { guidelineCompletions, guidelineTriggerFits, type GuidelinePlace } from './citationCompletion';
import type {
  DecisionValue,
  DisputedItem,
  FieldKind,
  ImrDocument,
  Layout,
  Position,
  Range,
  SectionKind,
} from '../model';
import { letterAt, letterDocument } from '../letters';
import { HEADINGS_BY_LAYOUT } from '../parse/headings';
import type { SourceText } from '../source';
import { contentStart } from '../text/chars';

export type CompletionKind =
  'decision' | 'label' | 'heading' | 'citation' | 'title' | 'chapter' | 'sentence' | 'snippet';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown-free documentation. */
  documentation?: string;
  /** Replaces `range`: plain text, or a snippet when `snippet` is set. */
  newText: string;
  /** Snippet syntax version of `newText`, for clients that support snippets. */
  snippet?: string;
  range: Range;
  filterText: string;
}

export interface CompletionOptions {
  /** The document's line terminator, for the multi-line item snippet. */
  eol?: string;
  /** The character whose typing opened the list; absent when the user asked (Ctrl+Space) or typed a word. */
  trigger?: string;
}

/** Characters that open the list as they are typed: the colon after an item or label, the space after `MTUS`. */
export const COMPLETION_TRIGGERS = [':', ' '] as const;

export const ITEM_LABELS: ReadonlyArray<{ kind: FieldKind; text: string; documentation: string }> = [
  {
    kind: 'claimsAdministratorGuideline',
    text: 'Claims Administrator guideline:',
    documentation: 'What utilization review (UR) relied on when it denied or modified the request.',
  },
  { kind: 'reviewerGuideline', text: 'MAXIMUS guideline:', documentation: 'What the IMR expert reviewer relied on.' },
  {
    kind: 'rationale',
    text: 'Decision rationale:',
    documentation: 'The reasons for the decision, ending with whether the request is medically necessary.',
  },
];

export const NEW_ITEM_LABEL = 'New disputed item';
const NEW_ITEM_SNIPPET = [
  '${1:item}: ${2|Upheld,Overturned|}',
  'Claims Administrator guideline: ${3:Decision based on MTUS }',
  'MAXIMUS guideline: ${4:Decision based on MTUS }',
  'Decision rationale: ${5:rationale}$0',
];
const NEW_ITEM_PLAIN = [
  'item: Upheld',
  'Claims Administrator guideline: Decision based on MTUS ',
  'MAXIMUS guideline: Decision based on MTUS ',
  'Decision rationale: ',
];

/** Typed so far at a line start: letters, spaces and the punctuation of labels and headings, no longer than the longest. */
const LINE_START_PREFIX = /^[A-Za-z][A-Za-z ,()/]{0,80}$|^$/;
const AFTER_COLON = /:([ \t]*)([A-Za-z]*)$/;
const DECISION_WORD_ONLY = /^[A-Za-z]*$/;

function point(line: number, character: number): Position {
  return { line, character };
}

export function completionsAt(
  file: ImrDocument,
  source: SourceText,
  position: Position,
  options: CompletionOptions = {},
): CompletionEntry[] {
  // In a file of several letters, the letter at the caret decides the layout, sections and items.
  const doc = letterDocument(file, letterAt(file, position.line));
  const lineText = source.lineAt(position.line);
  const character = Math.min(position.character, lineText.length);
  const before = lineText.slice(0, character);
  const indent = contentStart(before);
  const typed = before.slice(indent);
  const inDecisions = sectionAt(doc, position.line) === 'decisions' && hasItemLayout(doc.layout);

  // A guideline field: citations. On a line of its own inside the body, a new label may start there too.
  const field = guidelineFieldAt(doc, position);
  if (options.trigger !== undefined && field) {
    return guidelineTriggerFits(field, before, options.trigger) ? guidelineCompletions(before, position) : [];
  }
  if (field === 'label-line' || field === 'label-end') return guidelineCompletions(before, position);
  if (field === 'body-line') {
    const labels = LINE_START_PREFIX.test(typed)
      ? labelCompletions(doc, position, { start: point(position.line, indent), end: position })
      : [];
    return [...labels, ...guidelineCompletions(before, position)];
  }

  // After an item's colon.
  if (inDecisions) {
    const colon = AFTER_COLON.exec(typed);
    const [, spacing, word] = colon ?? [];
    if (
      colon &&
      spacing !== undefined &&
      word !== undefined &&
      colon.index > 0 &&
      !ITEM_LABELS.some((l) => typed.startsWith(l.text))
    ) {
      const wordStart = character - word.length;
      const space = spacing.length === 0 ? ' ' : '';
      if (options.trigger !== undefined && (word !== '' || !startsEntry(source, position.line))) return [];
      return decisionCompletions(point(position.line, wordStart), position, space);
    }
  }
  // Labels, headings and the item snippet come as a word is typed (or on request), never on a typed colon or space.
  if (options.trigger !== undefined) return [];

  if (!LINE_START_PREFIX.test(typed)) return [];
  const range = { start: point(position.line, indent), end: position };
  const out: CompletionEntry[] = [];

  // A decision alone on its line, under an item line ending in `:` (§5).
  if (inDecisions && DECISION_WORD_ONLY.test(typed) && previousLineEndsInItemColon(source, position.line)) {
    out.push(...decisionCompletions(range.start, position, ''));
  }

  if (inDecisions) {
    const item = itemBefore(doc, position.line);
    const labels = labelCompletions(doc, position, range);
    out.push(...labels);
    if (!item || labels.length === 0) {
      const eol = options.eol ?? '\n';
      out.push({
        label: NEW_ITEM_LABEL,
        kind: 'snippet',
        documentation: 'A disputed item: its line with the decision, the two guideline fields and the rationale.',
        newText: NEW_ITEM_PLAIN.join(eol),
        snippet: NEW_ITEM_SNIPPET.join(eol),
        range,
        filterText: NEW_ITEM_LABEL,
        detail: 'snippet',
      });
    }
  }

  for (const heading of missingHeadings(doc, source, position.line)) {
    out.push({
      label: heading,
      kind: 'heading',
      detail: 'section heading',
      newText: heading,
      range,
      filterText: heading,
    });
  }
  return out;
}

/** The item labels still expected on `position`'s line, in letter order. */
function labelCompletions(doc: ImrDocument, position: Position, range: Range): CompletionEntry[] {
  const item = itemBefore(doc, position.line);
  const expected = item ? expectedLabels(item, position.line) : [];
  return expected.map((label) => ({
    label: label.text,
    kind: 'label',
    detail: 'item field',
    documentation: label.documentation,
    newText: `${label.text} `,
    range,
    filterText: label.text,
  }));
}

function hasItemLayout(layout: Layout): boolean {
  return layout === 'L3' || layout === 'L2';
}

/** The kind of the section whose heading is the last one at or above `line` (its heading line excluded). */
function sectionAt(doc: ImrDocument, line: number): SectionKind | undefined {
  let kind: SectionKind | undefined;
  for (const s of doc.sections) {
    if (s.headingRange.end.line < line) kind = s.kind;
    else break;
  }
  return kind;
}

/**
 * Whether the caret stands in a guideline field: right after its label (`label-end`), further on its label line,
 * or on a later line of its body.
 */
function guidelineFieldAt(doc: ImrDocument, position: Position): GuidelinePlace | undefined {
  for (const item of doc.items) {
    if (item.range.end.line < position.line || item.headingRange.start.line > position.line) continue;
    for (const field of item.fields) {
      if (!field.guideline) continue;
      const { labelRange } = field;
      if (position.line === labelRange.start.line) {
        if (position.character === labelRange.end.character) return 'label-end';
        if (position.character > labelRange.end.character) return 'label-line';
        continue;
      }
      if (position.line > labelRange.start.line && position.line <= field.range.end.line) return 'body-line';
    }
  }
  return undefined;
}

function decisionCompletions(start: Position, end: Position, space: string): CompletionEntry[] {
  return (['Upheld', 'Overturned'] as DecisionValue[]).map((value) => ({
    label: value,
    kind: 'decision',
    detail:
      value === 'Upheld' ? 'UR denial stands: not medically necessary' : 'UR denial reversed: medically necessary',
    documentation: DECISION_EXPLANATIONS[value],
    newText: `${space}${value}`,
    range: { start, end },
    filterText: value,
  }));
}

/**
 * Whether `line` may begin an item rather than continue a rationale: the line above is blank or ends a sentence,
 * a heading or an item. A colon typed inside a wrapped rationale (`the guidelines state:`) opens no list.
 */
function startsEntry(source: SourceText, line: number): boolean {
  if (line === 0) return true;
  const above = source.lineAt(line - 1).trim();
  return above === '' || /[.:]$|\b(?:Upheld|Overturned)$/.test(above);
}

function previousLineEndsInItemColon(source: SourceText, line: number): boolean {
  for (let l = line - 1; l >= 0 && line - l <= 3; l--) {
    const text = source.lineAt(l).trim().replace(/^\f+/, '');
    if (!text) continue;
    return text.endsWith(':') && !ITEM_LABELS.some((label) => text.startsWith(label.text));
  }
  return false;
}

/** The item whose heading starts above `line`: the one the caret's line belongs to or follows. */
function itemBefore(doc: ImrDocument, line: number): DisputedItem | undefined {
  let found: DisputedItem | undefined;
  for (const item of doc.items) {
    if (item.headingRange.end.line < line) found = item;
    else break;
  }
  return found;
}

/** Labels that may start `line`: after the item's fields above it, before those below it, in order. */
function expectedLabels(item: DisputedItem, line: number): typeof ITEM_LABELS {
  const rank = (kind: FieldKind) => ITEM_LABELS.findIndex((l) => l.kind === kind);
  let highestAbove = -1;
  let lowestBelow = ITEM_LABELS.length;
  for (const f of item.fields) {
    const r = rank(f.kind);
    if (f.labelRange.start.line < line) highestAbove = Math.max(highestAbove, r);
    else if (f.labelRange.start.line > line) lowestBelow = Math.min(lowestBelow, r);
  }
  return ITEM_LABELS.filter((_, r) => r > highestAbove && r < lowestBelow);
}

/** Headings of the layout not in the document whose place in the order is at `line`. */
function missingHeadings(doc: ImrDocument, source: SourceText, line: number): string[] {
  const specs = HEADINGS_BY_LAYOUT[doc.layout === 'unknown' ? 'L3' : doc.layout];
  const present = new Map<SectionKind, number>();
  for (const s of doc.sections) if (!present.has(s.kind)) present.set(s.kind, s.headingRange.start.line);
  // An unknown layout has no sections: look for the headings as whole lines.
  if (doc.layout === 'unknown') {
    const wanted = new Map(specs.map((spec) => [spec.text, spec.kind]));
    for (let l = 0; l < source.lineCount; l++) {
      const kind = wanted.get(
        source.lineAt(l).trim() /* \s holds \f; a regex `[\s]+$` is quadratic on a long blank run */,
      );
      if (kind && !present.has(kind)) present.set(kind, l);
    }
  }
  const out: string[] = [];
  specs.forEach((spec, k) => {
    if (present.has(spec.kind)) return;
    const earlierOk = specs.slice(0, k).every((s) => (present.get(s.kind) ?? -1) < line);
    const laterOk = specs.slice(k + 1).every((s) => (present.get(s.kind) ?? Infinity) > line);
    if (earlierOk && laterOk) out.push(spec.text);
  });
  return out;
}
