// Semantic tokens for a parsed letter, as plain data: the legend and the tokens of a document, read from the
// model's ranges. Pure; lsp/semanticTokens.ts encodes them for the protocol.
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
import { lettersOf } from '../letters';
import type { Citation, Field, ImrDocument } from '../model';
import type { SourceText } from '../source';
import { contentStart } from '../text/chars';
import { cell, TokenCollector, type Kind, type TokenTable } from './tokenTable';

export { cell, tableRange, type TokenTable } from './tokenTable';

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

// Built from the complete lists, so every type and modifier has its entry.
const TYPE_INDEX = Object.fromEntries(TOKEN_TYPES.map((t, i) => [t, i])) as Record<TokenType, number>;
const MODIFIER_BIT = Object.fromEntries(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i])) as Record<TokenModifier, number>;

/** One single-line token: `[start, end)` UTF-16 characters on `line`. */
export interface Token {
  line: number;
  start: number;
  end: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

/** A token's type index (high 16 bits) and modifier bits (low 16), as the LSP encoding wants them. */
export function tokenKind(type: TokenType, modifiers: readonly TokenModifier[] = []): Kind {
  let bits = 0;
  for (const m of modifiers) bits |= MODIFIER_BIT[m];
  return (TYPE_INDEX[type] << 16) | bits;
}

const kind = (type: TokenType, ...modifiers: TokenModifier[]): Kind => tokenKind(type, modifiers);

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

const DATE = /(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|-\d)/g;
const CREDENTIAL_LABEL = /^(State\(s\) of Licensure:|Certification\(s\)\/Specialty:)/;
const DATE_FIELDS = new Set([
  'dateAssigned',
  'decisionDate',
  'dateOfInjury',
  'urDenialDate',
  'applicationReceived',
  'noticeOfAssignment',
]);

/** Every token of a document, sorted by position, non-overlapping, one line each. */
export function collectTokens(doc: ImrDocument, source: SourceText): TokenTable {
  const out = new TokenCollector(source);
  // Each letter's header and credentials: a file can hold several letters.
  for (const letter of lettersOf(doc)) {
    for (const field of Object.values(letter.header?.fields ?? {})) {
      if (!field) continue;
      // A date read from an L1 sentence has words before it, not a label.
      if (!field.inSentence) out.range(field.labelRange, K.label, PRIORITY.label);
      if (!field.value) continue;
      if (field.name === 'caseNumber') out.range(field.valueRange, K.caseNumber, PRIORITY.caseNumber);
      else if (DATE_FIELDS.has(field.name)) out.range(field.valueRange, K.date, PRIORITY.date);
    }
    if (letter.credentials) {
      const { start, end } = letter.credentials.range;
      for (let line = start.line; line <= end.line; line++) {
        const text = source.lineAt(line);
        const from = contentStart(text);
        const label = CREDENTIAL_LABEL.exec(text.slice(from))?.[1];
        if (label !== undefined) out.add(line, from, from + label.length, K.label, PRIORITY.label);
      }
    }
  }
  for (const section of doc.sections) out.range(section.headingRange, K.heading, PRIORITY.heading);
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

/** The tokens of a document as objects (tests and tools; the server keeps the table). */
export function documentTokens(doc: ImrDocument, source: SourceText): Token[] {
  const table = collectTokens(doc, source);
  const tokens: Token[] = [];
  for (let i = 0; i < table.count; i++) {
    const k = cell(table.kind, i);
    const type = TOKEN_TYPES[k >>> 16];
    if (type === undefined) continue; // every kind packs a type of the legend
    tokens.push({
      line: cell(table.line, i),
      start: cell(table.start, i),
      end: cell(table.start, i) + cell(table.length, i),
      type,
      modifiers: TOKEN_MODIFIERS.filter((_, bit) => (k & (1 << bit)) !== 0),
    });
  }
  return tokens;
}
