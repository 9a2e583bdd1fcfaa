// Semantic tokens for a parsed letter, as plain data: the legend, the tokens of a document and their LSP
// encoding. Pure: no connection, no I/O; the feature module (semanticTokens.ts) adapts it to requests.
//
// Token mapping. Standard token types, so that every theme colours them without configuration: VS Code
// styles a semantic token by the TextMate scope its type falls back to (last column). The custom modifiers
// let a user or the extension manifest refine them (`keyword.upheld`, `number.date`, `string.negative` …).
//
// | Letter part                                               | Type       | Modifiers             | Falls back to                      |
// |-----------------------------------------------------------|------------|-----------------------|------------------------------------|
// | Section heading (`CLINICAL CASE SUMMARY`)                 | namespace  | declaration           | entity.name.namespace              |
// | Header, item-field and credentials labels (`MAXIMUS guideline:`) | property | —                | variable.other.property            |
// | Item text (`Lumbar MRI`)                                  | function   | declaration           | entity.name.function               |
// | Decision `Upheld`                                         | keyword    | upheld                | keyword.control                    |
// | Decision `Overturned`                                     | enumMember | overturned            | variable.other.enummember          |
// | Decision word that is neither (`Uphold`)                  | keyword    | invalid               | keyword.control                    |
// | Citation source (`MTUS`, `Non-MTUS Citation`)             | macro      | mtus / nonMtus        | entity.name.function.preprocessor  |
// | Citation title (`Low Back Complaints 2004`; ODG name, chapter) | type  | mtus / nonMtus        | entity.name.type                   |
// | Citation sections (`Special Studies`)                     | parameter  | mtus                  | variable.parameter                 |
// | Citation pages (`300-301`)                                | number     | mtus                  | constant.numeric                   |
// | Case number (`CM16-0238035`)                              | number     | declaration, readonly | constant.numeric                   |
// | Dates (`12/14/2016`, `10-20-16`)                          | number     | date                  | constant.numeric                   |
// | Medical-necessity conclusion sentence                     | string     | negative / positive   | string                             |
//
// Upheld and Overturned get different types, not only different modifiers, so that they differ in stock
// themes (in Dark+, keyword.control is purple and enum members bright blue). The conclusion is a `string`
// rather than a `comment`: themes dim comments, and this sentence is the one that matters most.
//
// Tokens never overlap and never span lines: multi-line parts are split per line (clients may not support
// multiline tokens), and where two parts overlap the more specific one wins and the other is cut around it.
import type { Citation, Field, ImrDocument, Range } from '../core/model';
import type { SourceText } from '../core/source';

export const TOKEN_TYPES = [
  'namespace',
  'property',
  'function',
  'keyword',
  'enumMember',
  'macro',
  'type',
  'parameter',
  'number',
  'string',
] as const;

export const TOKEN_MODIFIERS = [
  'declaration',
  'readonly',
  'upheld',
  'overturned',
  'invalid',
  'mtus',
  'nonMtus',
  'date',
  'positive',
  'negative',
] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const LEGEND = { tokenTypes: [...TOKEN_TYPES] as string[], tokenModifiers: [...TOKEN_MODIFIERS] as string[] };

const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const MODIFIER_BIT = new Map<string, number>(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

/** One single-line token: `[start, end)` UTF-16 characters on `line`. */
export interface Token {
  line: number;
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

/** A token type and its modifiers packed in one integer: type index << 16 | modifier bits. */
type Kind = number;

function kind(type: TokenType, ...modifiers: TokenModifier[]): Kind {
  let bits = 0;
  for (const m of modifiers) bits |= MODIFIER_BIT.get(m)!;
  return (TYPE_INDEX.get(type)! << 16) | bits;
}

const K = {
  label: kind('property'),
  heading: kind('namespace', 'declaration'),
  itemText: kind('function', 'declaration'),
  upheld: kind('keyword', 'upheld'),
  overturned: kind('enumMember', 'overturned'),
  invalid: kind('keyword', 'invalid'),
  caseNumber: kind('number', 'declaration', 'readonly'),
  date: kind('number', 'date'),
  mtusSource: kind('macro', 'mtus'),
  mtusTitle: kind('type', 'mtus'),
  mtusSection: kind('parameter', 'mtus'),
  mtusPage: kind('number', 'mtus'),
  nonMtusSource: kind('macro', 'nonMtus'),
  nonMtusTitle: kind('type', 'nonMtus'),
  negative: kind('string', 'negative'),
  positive: kind('string', 'positive'),
} as const;

// Where parts overlap, the higher priority wins (a date inside the conclusion sentence stays a date).
const PRIORITY = {
  decision: 90,
  date: 80,
  caseNumber: 80,
  citationPart: 70,
  // A bare number in a section list is read as a page too; there it stays a section.
  citationPage: 69,
  citationSource: 70,
  label: 60,
  itemText: 40,
  heading: 40,
  conclusion: 10,
} as const;

/**
 * A document's tokens in columns: sorted by position, non-overlapping, one line each. Compact (a 10 MiB
 * document has ~80,000 tokens), and sliced for range requests without copying objects.
 */
export interface TokenTable {
  count: number;
  line: Int32Array;
  start: Int32Array;
  length: Int32Array;
  /** Packed type << 16 | modifier bits. */
  kind: Int32Array;
}

const DATE = /(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|-\d)/g;
const CREDENTIAL_LABEL = /^(State\(s\) of Licensure:|Certification\(s\)\/Specialty:)/;
const DATE_FIELDS = new Set(['dateAssigned', 'decisionDate', 'dateOfInjury', 'urDenialDate', 'applicationReceived']);

/** Every token of a document, sorted by position, non-overlapping, one line each. */
export function collectTokens(doc: ImrDocument, source: SourceText): TokenTable {
  const out = new TokenCollector(source);
  if (doc.header) {
    for (const field of Object.values(doc.header.fields)) {
      if (!field) continue;
      out.range(field.labelRange, K.label, PRIORITY.label);
      if (!field.value) continue;
      if (field.name === 'caseNumber') out.range(field.valueRange, K.caseNumber, PRIORITY.caseNumber);
      else if (DATE_FIELDS.has(field.name)) out.range(field.valueRange, K.date, PRIORITY.date);
    }
  }
  for (const section of doc.sections) out.range(section.headingRange, K.heading, PRIORITY.heading);
  if (doc.credentials) {
    const { start, end } = doc.credentials.range;
    for (let line = start.line; line <= end.line; line++) {
      const text = source.lineAt(line);
      const from = contentStart(text);
      const m = CREDENTIAL_LABEL.exec(text.slice(from));
      if (m) out.add(line, from, from + m[1].length, K.label, PRIORITY.label);
    }
  }
  for (const item of doc.items) {
    if (item.text.text) out.range(item.text.range, K.itemText, PRIORITY.itemText);
    if (item.decision) {
      const value = item.decision.value;
      if (value === 'Upheld') out.range(item.decision.range, K.upheld, PRIORITY.decision);
      else if (value === 'Overturned') out.range(item.decision.range, K.overturned, PRIORITY.decision);
      else out.range(item.decision.range, K.invalid, PRIORITY.decision);
    }
    for (const field of item.fields) fieldTokens(out, field);
  }
  dateTokens(out, source);
  return out.result();
}

function fieldTokens(out: TokenCollector, field: Field): void {
  out.range(field.labelRange, K.label, PRIORITY.label);
  if (field.conclusion) {
    const polarity = field.conclusion.polarity === 'negative' ? K.negative : K.positive;
    out.range(field.conclusion.sentence.range, polarity, PRIORITY.conclusion);
  }
  for (const citation of field.guideline?.citations ?? []) citationTokens(out, citation);
}

/** The parts of one citation: its source word, the titles, sections and pages it names. */
function citationTokens(out: TokenCollector, citation: Citation): void {
  if (citation.kind === 'mtus') {
    if (citation.leadRange) out.range(citation.leadRange, K.mtusSource, PRIORITY.citationSource);
    for (const part of citation.parts) {
      if (part.titleRange) out.range(part.titleRange, K.mtusTitle, PRIORITY.citationPart);
      for (const section of part.sections) out.range(section.range, K.mtusSection, PRIORITY.citationPart);
      for (const page of part.pages) out.range(page.range, K.mtusPage, PRIORITY.citationPage);
    }
    return;
  }
  if (citation.leadRange) out.range(citation.leadRange, K.nonMtusSource, PRIORITY.citationSource);
  if (citation.sourceRange) out.range(citation.sourceRange, K.nonMtusTitle, PRIORITY.citationPart);
  if (citation.chapterRange) out.range(citation.chapterRange, K.nonMtusTitle, PRIORITY.citationPart);
}

function dateTokens(out: TokenCollector, source: SourceText): void {
  const text = source.text;
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    const month = Number(m[1]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const start = source.positionAt(m.index);
    out.add(start.line, start.character, start.character + m[0].length, K.date, PRIORITY.date);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Collecting, de-overlapping and encoding

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 0xa0 || c === 11;
}

/** Where a line's content starts: after a BOM, form feeds and blanks. */
export function contentStart(text: string): number {
  let i = 0;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 12 && c !== 0xa0 && c !== 0xfeff && c !== 11) break;
  }
  return i;
}

/** Where a line's content ends: before trailing blanks and form feeds. */
export function contentEnd(text: string): number {
  let i = text.length;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c !== 32 && c !== 9 && c !== 12 && c !== 0xa0 && c !== 11) break;
    i--;
  }
  return i;
}

class TokenCollector {
  // Candidates in parallel arrays of small integers: no object per token.
  private readonly cLine: number[] = [];
  private readonly cStart: number[] = [];
  private readonly cEnd: number[] = [];
  private readonly cKind: number[] = [];
  private readonly cPriority: number[] = [];

  constructor(private readonly source: SourceText) {}

  add(line: number, start: number, end: number, kind: Kind, priority: number): void {
    if (end <= start || line < 0) return;
    this.cLine.push(line);
    this.cStart.push(start);
    this.cEnd.push(end);
    this.cKind.push(kind);
    this.cPriority.push(priority);
  }

  /** A range of the model, split per line and clipped to each line's content. */
  range(range: Range, kind: Kind, priority: number): void {
    const { start, end } = range;
    if (end.line < start.line) return;
    if (start.line === end.line) {
      this.add(start.line, start.character, end.character, kind, priority);
      return;
    }
    for (let line = start.line; line <= end.line; line++) {
      const text = this.source.lineAt(line);
      let from = Math.max(line === start.line ? start.character : 0, contentStart(text));
      let to = Math.min(line === end.line ? end.character : text.length, contentEnd(text));
      while (from < to && isBlank(text.charCodeAt(from))) from++;
      while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
      this.add(line, from, to, kind, priority);
    }
  }

  /** Sorted, single-line, non-overlapping: a lower-priority token is cut around a higher one. */
  result(): TokenTable {
    const { cLine, cStart, cEnd, cKind, cPriority } = this;
    const n = cLine.length;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => cLine[a]! - cLine[b]! || cStart[a]! - cStart[b]! || cPriority[b]! - cPriority[a]!);
    const out = new TableBuilder(n);
    for (let i = 0; i < n; ) {
      const line = cLine[order[i]!]!;
      let j = i + 1;
      let overlaps = false;
      while (j < n && cLine[order[j]!] === line) {
        if (cStart[order[j]!]! < cEnd[order[j - 1]!]!) overlaps = true;
        j++;
      }
      if (!overlaps) {
        for (let k = i; k < j; k++) {
          const c = order[k]!;
          out.push(line, cStart[c]!, cEnd[c]!, cKind[c]!);
        }
      } else {
        this.resolveLine(order.subarray(i, j), out);
      }
      i = j;
    }
    return out.table();
  }

  /** The tokens of one line with overlaps: by priority, each keeps only what no stronger token took. */
  private resolveLine(group: Int32Array, out: TableBuilder): void {
    const { cLine, cStart, cEnd, cKind, cPriority } = this;
    const byPriority = Array.from(group).sort((a, b) => cPriority[b]! - cPriority[a]! || cStart[a]! - cStart[b]!);
    const taken: Array<[number, number]> = [];
    const kept: Array<[number, number, number]> = [];
    for (const c of byPriority) {
      let pieces: Array<[number, number]> = [[cStart[c]!, cEnd[c]!]];
      for (const [ts, te] of taken) {
        const next: Array<[number, number]> = [];
        for (const [s, e] of pieces) {
          if (te <= s || ts >= e) next.push([s, e]);
          else {
            if (s < ts) next.push([s, ts]);
            if (te < e) next.push([te, e]);
          }
        }
        pieces = next;
        if (pieces.length === 0) break;
      }
      for (const [s, e] of pieces) {
        kept.push([s, e, cKind[c]!]);
        taken.push([s, e]);
      }
    }
    kept.sort((a, b) => a[0] - b[0]);
    const line = cLine[group[0]!]!;
    for (const [s, e, k] of kept) out.push(line, s, e, k);
  }
}

class TableBuilder {
  private count = 0;
  private readonly line: Int32Array;
  private readonly start: Int32Array;
  private readonly length: Int32Array;
  private readonly kind: Int32Array;

  constructor(capacity: number) {
    // Splitting around a stronger token adds at most one piece per overlap; grow when needed.
    this.line = new Int32Array(capacity * 2 + 4);
    this.start = new Int32Array(capacity * 2 + 4);
    this.length = new Int32Array(capacity * 2 + 4);
    this.kind = new Int32Array(capacity * 2 + 4);
  }

  push(line: number, start: number, end: number, kind: number): void {
    const i = this.count++;
    this.line[i] = line;
    this.start[i] = start;
    this.length[i] = end - start;
    this.kind[i] = kind;
  }

  table(): TokenTable {
    const n = this.count;
    return { count: n, line: this.line.slice(0, n), start: this.start.slice(0, n), length: this.length.slice(0, n), kind: this.kind.slice(0, n) };
  }
}

/** The LSP encoding of tokens `[from, to)` of a table: five integers per token, relative positions. */
export function encodeTable(table: TokenTable, from = 0, to = table.count): number[] {
  const data = new Array<number>((to - from) * 5);
  let line = 0;
  let character = 0;
  let k = 0;
  for (let i = from; i < to; i++) {
    const l = table.line[i]!;
    const s = table.start[i]!;
    const deltaLine = l - line;
    data[k++] = deltaLine;
    data[k++] = deltaLine === 0 ? s - character : s;
    data[k++] = table.length[i]!;
    data[k++] = table.kind[i]! >>> 16;
    data[k++] = table.kind[i]! & 0xffff;
    line = l;
    character = s;
  }
  return data;
}

/** The slice `[from, to)` of tokens that touch `range` (whole tokens: never cut by the range). */
export function tableRange(table: TokenTable, range: Range): [number, number] {
  const { start, end } = range;
  // First token not entirely before the range start.
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const l = table.line[mid]!;
    const before = l < start.line || (l === start.line && table.start[mid]! + table.length[mid]! <= start.character);
    if (before) lo = mid + 1;
    else hi = mid;
  }
  const from = lo;
  hi = table.count;
  // First token entirely after the range end.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const l = table.line[mid]!;
    const after = l > end.line || (l === end.line && table.start[mid]! >= end.character);
    if (after) hi = mid;
    else lo = mid + 1;
  }
  return [from, Math.max(from, lo)];
}

/** The tokens of a document as objects (tests and tools; the server keeps the table). */
export function documentTokens(doc: ImrDocument, source: SourceText): Token[] {
  const table = collectTokens(doc, source);
  const tokens: Token[] = [];
  for (let i = 0; i < table.count; i++) {
    const k = table.kind[i]!;
    tokens.push({
      line: table.line[i]!,
      start: table.start[i]!,
      end: table.start[i]! + table.length[i]!,
      type: TOKEN_TYPES[k >>> 16]!,
      modifiers: TOKEN_MODIFIERS.filter((_, bit) => (k & (1 << bit)) !== 0),
    });
  }
  return tokens;
}

/** The LSP encoding of token objects (`documentTokens`). */
export function encodeTokens(tokens: readonly Token[]): number[] {
  const data = new Array<number>(tokens.length * 5);
  let line = 0;
  let character = 0;
  let k = 0;
  for (const t of tokens) {
    const deltaLine = t.line - line;
    data[k++] = deltaLine;
    data[k++] = deltaLine === 0 ? t.start - character : t.start;
    data[k++] = t.end - t.start;
    data[k++] = TYPE_INDEX.get(t.type)!;
    let bits = 0;
    for (const m of t.modifiers) bits |= MODIFIER_BIT.get(m)!;
    data[k++] = bits;
    line = t.line;
    character = t.start;
  }
  return data;
}
