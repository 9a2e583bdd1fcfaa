// The L3-2016 header block (format guide §3, §4): plain text gives it column by column, `-layout`
// text gives label and value on one line, two pairs per line. Both pair up here.
import type { Header, HeaderField, HeaderFieldName, Range } from '../model';
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

const LABEL_PATTERN =
  /Case Number:|Date Assigned:|Decision Date:|Priority:|Date of Injury:|UR Denial Date:|Application Received:|Application(?=\s*(?:Received:|\d|$))|Received:/g;

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
  LABEL_PATTERN.lastIndex = 0;
  for (let m = LABEL_PATTERN.exec(line.text); m; m = LABEL_PATTERN.exec(line.text)) {
    pushValue(last, m.index);
    tokens.push({ kind: 'label', text: m[0], lineIndex, range: at(m.index, m.index + m[0].length) });
    last = m.index + m[0].length;
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
  const tokens = lines.flatMap((l, i) => tokenize(l, i));
  // `Case Number:` marks the header (§2); a cover line with one stray label ("Priority: high") does not.
  const labels = new Set(tokens.filter((t) => t.kind === 'label' && t.text !== 'Received:').map((t) => LABELS[t.text]));
  if (!labels.has('caseNumber') && labels.size < 3) return undefined;

  // `-layout` text: some label has its value right after it on the same line. Then pair within lines.
  const inline = tokens.some(
    (t, i) => t.kind === 'label' && tokens[i + 1]?.kind === 'value' && tokens[i + 1].lineIndex === t.lineIndex,
  );
  const fields: Partial<Record<HeaderFieldName, HeaderField>> = {};
  const pending: HeaderField[] = [];
  let previous: { field: HeaderField; token: Token } | undefined;

  for (const t of tokens) {
    if (t.kind === 'label') {
      if (t.text === 'Received:') {
        // The wrapped second half of `Application Received:` (always wrapped in the corpus).
        if (previous?.field.name === 'applicationReceived') {
          previous.field.labelRange = { start: previous.field.labelRange.start, end: t.range.end };
        }
        continue;
      }
      const field = newField(t);
      if (!fields[field.name]) fields[field.name] = field;
      pending.push(field);
      previous = { field, token: t };
      continue;
    }
    let target: HeaderField | undefined;
    if (inline) {
      const last = pending[pending.length - 1];
      if (previous && last === previous.field && previous.token.lineIndex === t.lineIndex) target = last;
      pending.length = 0;
    } else {
      target = pending.shift();
    }
    if (target && target.value === '') {
      target.value = t.text;
      target.valueRange = t.range;
    }
  }

  const all = Object.values(fields) as HeaderField[];
  let start = all[0].labelRange.start;
  let end = all[0].valueRange.end;
  for (const f of all) {
    for (const p of [f.labelRange.start, f.labelRange.end, f.valueRange.start, f.valueRange.end]) {
      if (before(p, start)) start = p;
      if (before(end, p)) end = p;
    }
  }
  return { range: { start, end }, fields };
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
