// The L3-2016 header block (format guide §3, §4): plain text gives it column by column, `-layout`
// text gives label and value on one line, two pairs per line. Both pair up here.
import type { Header, HeaderField, HeaderFieldName, Position, Range } from '../model';
import { comparePositions } from '../range';
import { isBlank } from '../text/chars';
import type { Line } from '../text/lines';
import { isEcmaWhiteSpace } from '../text/whitespace';

interface LabelText {
  text: string;
  /** Undefined for `Received:`, the wrapped second half of `Application Received:`. */
  name?: HeaderFieldName;
}

/** Labels ending in a colon, longest first: at a colon the longest wins (`Application Received:`, not `Received:`). */
const COLON_LABELS: readonly LabelText[] = [
  { text: 'Application Received:', name: 'applicationReceived' },
  { text: 'UR Denial Date:', name: 'urDenialDate' },
  { text: 'Date of Injury:', name: 'dateOfInjury' },
  { text: 'Date Assigned:', name: 'dateAssigned' },
  { text: 'Decision Date:', name: 'decisionDate' },
  { text: 'Case Number:', name: 'caseNumber' },
  { text: 'Priority:', name: 'priority' },
  { text: 'Received:' },
];
const APPLICATION = 'Application';
const APPLICATION_LABEL: LabelText = { text: APPLICATION, name: 'applicationReceived' };

/** `Application` is a label only before `Received:`, a date or the line's end (not "Application for IMR"). */
function isApplicationLabel(text: string, at: number): boolean {
  let k = at + APPLICATION.length;
  if (k < text.length && !isBlank(text.charCodeAt(k))) return false;
  while (k < text.length && isBlank(text.charCodeAt(k))) k++;
  if (k === text.length) return true;
  const c = text.charCodeAt(k);
  return (c >= 48 && c <= 57) || text.startsWith('Received:', k);
}

/** COLON_LABELS by the character before their colon, in their order: a colon is compared with one group. */
const LABELS_BY_LAST_CHARACTER: LabelText[][] = [];
for (const label of COLON_LABELS)
  (LABELS_BY_LAST_CHARACTER[label.text.charCodeAt(label.text.length - 2)] ??= []).push(label);

/** The label that ends at the colon `colon`, if any. */
function labelEndingAt(text: string, colon: number): LabelText | undefined {
  if (colon === 0) return undefined;
  const group = LABELS_BY_LAST_CHARACTER[text.charCodeAt(colon - 1)];
  if (group === undefined) return undefined;
  for (const label of group) {
    const at = colon + 1 - label.text.length;
    if (at >= 0 && text.startsWith(label.text, at)) return label;
  }
  return undefined;
}

/**
 * A label or a value: `line.text[from, to)`. Its text and range are made only for the tokens a field takes:
 * most lines before the first heading are no header value.
 */
interface Token {
  /** Undefined for a value. */
  label?: LabelText;
  line: Line;
  lineIndex: number;
  from: number;
  to: number;
}

export function rangeIn(line: Line, from: number, to: number): Range {
  return {
    start: { line: line.line, character: line.start + from },
    end: { line: line.line, character: line.start + to },
  };
}

/** A value token for line.text[from, to), trimmed as `trim()` would, unless it is blank. */
function pushValue(tokens: Token[], line: Line, lineIndex: number, from: number, to: number): void {
  const all = line.text;
  while (from < to && isEcmaWhiteSpace(all.charCodeAt(from))) from++;
  while (to > from && isEcmaWhiteSpace(all.charCodeAt(to - 1))) to--;
  if (from === to) return;
  tokens.push({ line, lineIndex, from, to });
}

/**
 * The line's labels and the values between them, in order. Every label but `Application` ends in a colon,
 * so the line's colons and `Application`s are visited in order: a value line without either costs two indexOf.
 */
function tokenize(tokens: Token[], line: Line, lineIndex: number): void {
  const text = line.text;
  let last = 0;
  let colon = text.indexOf(':');
  let application = text.indexOf(APPLICATION);
  while (colon >= 0 || application >= 0) {
    let at = 0;
    let label: LabelText | undefined;
    if (application >= 0 && (colon < 0 || application < colon)) {
      // `Application Received:` is found at its colon.
      if (!text.startsWith('Application Received:', application) && isApplicationLabel(text, application)) {
        at = application;
        label = APPLICATION_LABEL;
      }
      application = text.indexOf(APPLICATION, application + APPLICATION.length);
    } else {
      label = labelEndingAt(text, colon);
      if (label) at = colon + 1 - label.text.length;
      colon = text.indexOf(':', colon + 1);
    }
    if (!label || at < last) continue; // no label, or one inside a longer label
    pushValue(tokens, line, lineIndex, last, at);
    last = at + label.text.length;
    tokens.push({ label, line, lineIndex, from: at, to: last });
  }
  pushValue(tokens, line, lineIndex, last, text.length);
}

function newField(label: LabelText, labelRange: Range, name: HeaderFieldName): HeaderField {
  return {
    name,
    label: name === 'applicationReceived' ? 'Application Received:' : label.text,
    labelRange,
    value: '',
    valueRange: { start: labelRange.end, end: labelRange.end },
  };
}

/** Reads the header from `lines[0, until)`, those before the first heading; undefined when there is no label at all. */
export function parseHeader(lines: readonly Line[], until: number): Header | undefined {
  const tokens: Token[] = [];
  for (let i = 0; i < until; i++) {
    const line = lines[i];
    if (line) tokenize(tokens, line, i);
  }

  // `-layout` text: some label has its value right after it on the same line. Then pair within lines.
  let inline = false;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    inline = token?.label !== undefined && next?.label === undefined && next?.lineIndex === token.lineIndex;
    if (inline) break;
  }
  // A plain object built in reading order: the first field of each name wins. `named` lists them in order.
  const fields: Header['fields'] = {};
  const named: HeaderField[] = [];
  // Every field read, in order; those from `waiting` on have not had their value yet.
  const queue: HeaderField[] = [];
  let waiting = 0;
  let previous: HeaderField | undefined;
  let previousLine = -1;

  for (const t of tokens) {
    if (t.label) {
      const range = rangeIn(t.line, t.from, t.to);
      const name = t.label.name;
      if (name === undefined) {
        // The wrapped second half of `Application Received:` (always wrapped in the corpus).
        if (previous?.name === 'applicationReceived')
          previous.labelRange = { start: previous.labelRange.start, end: range.end };
        continue;
      }
      const field = newField(t.label, range, name);
      if (fields[name] === undefined) {
        fields[name] = field;
        named.push(field);
      }
      queue.push(field);
      previous = field;
      previousLine = t.lineIndex;
      continue;
    }
    let target: HeaderField | undefined;
    if (inline) {
      // Only a label just before the value on its line takes it; any other waiting label gives up.
      if (previous && waiting < queue.length && previousLine === t.lineIndex) target = previous;
      waiting = queue.length;
    } else if (waiting < queue.length) {
      target = queue[waiting++];
    }
    if (target && target.value === '') {
      target.value = t.line.text.slice(t.from, t.to);
      target.valueRange = rangeIn(t.line, t.from, t.to);
    }
  }
  // `Case Number:` marks the header (§2); a cover line with one stray label ("Priority: high") does not.
  if (fields.caseNumber === undefined && named.length < 3) return undefined;

  let start: Position | undefined;
  let end: Position | undefined;
  for (const f of named) {
    if (!start || comparePositions(f.labelRange.start, start) < 0) start = f.labelRange.start;
    if (!end || comparePositions(end, f.labelRange.end) < 0) end = f.labelRange.end;
    if (comparePositions(end, f.valueRange.end) < 0) end = f.valueRange.end;
  }
  if (!start || !end) return undefined;
  return { range: { start, end }, fields };
}
