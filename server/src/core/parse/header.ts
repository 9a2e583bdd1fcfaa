// The L3-2016 header block (format guide §3, §4): plain text gives it column by column, `-layout`
// text gives label and value on one line, two pairs per line. Both pair up here.
import type { Header, HeaderField, HeaderFieldName, Position, Range } from '../model';
import type { Line } from '../text/lines';

const LABELS: Record<string, HeaderFieldName> = {
  'Case Number:': 'caseNumber',
  'Date Assigned:': 'dateAssigned',
  'Decision Date:': 'decisionDate',
  'Priority:': 'priority',
  'Date of Injury:': 'dateOfInjury',
  'UR Denial Date:': 'urDenialDate',
  'Application Received:': 'applicationReceived',
  Application: 'applicationReceived',
};

const LABEL_TEXTS = [...Object.keys(LABELS), 'Received:'];

/** `Application` is a label only before `Received:`, a date or the line's end (not "Application for IMR"). */
function isApplicationLabel(text: string, at: number): boolean {
  const blank = (c: number) => c === 32 || c === 9 || c === 0xa0;
  let k = at + 'Application'.length;
  if (k < text.length && !blank(text.charCodeAt(k))) return false;
  while (k < text.length && blank(text.charCodeAt(k))) k++;
  if (k === text.length) return true;
  const c = text.charCodeAt(k);
  return (c >= 48 && c <= 57) || text.startsWith('Received:', k);
}

/** Label occurrences in a line, in order. indexOf per label: far cheaper than one alternation regex. */
function findLabels(text: string): { at: number; label: string }[] {
  const found: { at: number; label: string }[] = [];
  for (const label of LABEL_TEXTS) {
    for (let at = text.indexOf(label); at >= 0; at = text.indexOf(label, at + label.length)) {
      if (label === 'Application' && (text.startsWith('Application Received:', at) || !isApplicationLabel(text, at))) continue;
      found.push({ at, label });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

interface Token {
  kind: 'label' | 'value';
  text: string;
  lineIndex: number;
  range: Range;
}

function tokenize(line: Line, lineIndex: number): Token[] {
  const tokens: Token[] = [];
  const at = (from: number, to: number): Range => ({
    start: { line: line.line, character: line.start + from },
    end: { line: line.line, character: line.start + to },
  });
  const pushValue = (from: number, to: number) => {
    const raw = line.text.slice(from, to);
    const text = raw.trim();
    if (!text) return;
    const lead = raw.length - raw.trimStart().length;
    tokens.push({ kind: 'value', text, lineIndex, range: at(from + lead, from + lead + text.length) });
  };
  let last = 0;
  for (const { at: index, label } of findLabels(line.text)) {
    if (index < last) continue; // inside a longer label
    pushValue(last, index);
    tokens.push({ kind: 'label', text: label, lineIndex, range: at(index, index + label.length) });
    last = index + label.length;
  }
  pushValue(last, line.text.length);
  return tokens;
}

function newField(label: Token): HeaderField {
  const name = LABELS[label.text];
  return {
    name,
    label: name === 'applicationReceived' ? 'Application Received:' : label.text,
    labelRange: label.range,
    value: '',
    valueRange: { start: label.range.end, end: label.range.end },
  };
}

/** Reads the header from the lines before the first heading; undefined when there is no label at all. */
export function parseHeader(lines: readonly Line[]): Header | undefined {
  const tokens: Token[] = [];
  const labels = new Set<HeaderFieldName>();
  for (let i = 0; i < lines.length; i++) {
    for (const t of tokenize(lines[i], i)) {
      tokens.push(t);
      if (t.kind === 'label' && t.text !== 'Received:') labels.add(LABELS[t.text]);
    }
  }
  // `Case Number:` marks the header (§2); a cover line with one stray label ("Priority: high") does not.
  if (!labels.has('caseNumber') && labels.size < 3) return undefined;

  // `-layout` text: some label has its value right after it on the same line. Then pair within lines.
  let inline = false;
  for (let i = 0; i + 1 < tokens.length && !inline; i++) {
    inline = tokens[i].kind === 'label' && tokens[i + 1].kind === 'value' && tokens[i + 1].lineIndex === tokens[i].lineIndex;
  }
  const fields = new Map<HeaderFieldName, HeaderField>();
  const pending: HeaderField[] = [];
  let previous: HeaderField | undefined;
  let previousLine = -1;

  for (const t of tokens) {
    if (t.kind === 'label') {
      if (t.text === 'Received:') {
        // The wrapped second half of `Application Received:` (always wrapped in the corpus).
        if (previous?.name === 'applicationReceived') previous.labelRange = { start: previous.labelRange.start, end: t.range.end };
        continue;
      }
      const field = newField(t);
      if (!fields.has(field.name)) fields.set(field.name, field);
      pending.push(field);
      previous = field;
      previousLine = t.lineIndex;
      continue;
    }
    let target: HeaderField | undefined;
    if (inline) {
      if (previous && pending[pending.length - 1] === previous && previousLine === t.lineIndex) target = previous;
      pending.length = 0;
    } else {
      target = pending.shift();
    }
    if (target && target.value === '') {
      target.value = t.text;
      target.valueRange = t.range;
    }
  }

  let start: Position | undefined;
  let end: Position | undefined;
  for (const f of fields.values()) {
    if (!start || before(f.labelRange.start, start)) start = f.labelRange.start;
    for (const p of [f.labelRange.end, f.valueRange.end]) if (!end || before(end, p)) end = p;
  }
  return { range: { start: start!, end: end! }, fields: Object.fromEntries(fields) };
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
