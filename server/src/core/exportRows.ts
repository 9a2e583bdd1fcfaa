// The rows of `imr export` and of the editor's Export Disputed Items: one per disputed item, with the names
// and citation labels of the outline, written as JSON or CSV. Pure; shared by the CLI and the server.
import { lettersOf } from './letters';
import type { DisputedItem, GuidelineBody, ImrDocument, Letter } from './model';
import { citationLabels, itemText } from './outline';
import { collapse } from './text/shorten';
import { toCsv } from './text/csv';

export type Basis = 'MTUS' | 'Non-MTUS' | 'MTUS and Non-MTUS' | 'no evidence cited' | 'none';

export interface ExportRow {
  file: string;
  caseNumber: string | null;
  decisionDate: string | null;
  layout: ImrDocument['layout'];
  index: number;
  /** The item text on one line, preamble included (without a preamble's closing `is`). */
  item: string;
  /** What was decided on: a partial authorisation's remaining portion, else the item text. */
  subject: string;
  /** Upheld, Overturned, the word as written when it is neither, or null. */
  decision: string | null;
  conclusion: 'positive' | 'negative' | 'none';
  reviewerBasis: Basis;
  reviewerCitations: string[];
  claimsAdministratorBasis: Basis;
  claimsAdministratorCitations: string[];
  /** Which letter of the file the item belongs to, from 1 (a file can hold several letters). Last, so that
   * consumers of the earlier columns are not disturbed. */
  letter: number;
}

export const COLUMNS: readonly (keyof ExportRow)[] = [
  'file',
  'caseNumber',
  'decisionDate',
  'layout',
  'index',
  'item',
  'subject',
  'decision',
  'conclusion',
  'reviewerBasis',
  'reviewerCitations',
  'claimsAdministratorBasis',
  'claimsAdministratorCitations',
  'letter',
];

/** One row per item; in a file of several letters, each row carries its own letter's case number and date. */
export function exportRows(file: string, doc: ImrDocument): ExportRow[] {
  return lettersOf(doc).flatMap((letter, index) => letterRows(file, letter, index + 1));
}

function letterRows(file: string, letter: Letter, letterNumber: number): ExportRow[] {
  const header = letter.header?.fields;
  return letter.items.map((item) => ({
    file,
    caseNumber: header?.caseNumber?.value || null,
    decisionDate: header?.decisionDate?.value || null,
    layout: letter.layout,
    index: item.index,
    item: itemText(item),
    subject: collapse(item.subject),
    decision: decisionOf(item),
    conclusion: item.rationale?.conclusion?.polarity ?? 'none',
    reviewerBasis: basis(item.reviewerGuideline?.guideline),
    reviewerCitations: citationLabels(item.reviewerGuideline?.guideline),
    claimsAdministratorBasis: basis(item.claimsAdministratorGuideline?.guideline),
    claimsAdministratorCitations: citationLabels(item.claimsAdministratorGuideline?.guideline),
    letter: letterNumber,
  }));
}

function decisionOf(item: DisputedItem): string | null {
  if (!item.decision) return null;
  return item.decision.value ?? collapse(item.decision.raw);
}

function basis(g: GuidelineBody | undefined): Basis {
  if (!g) return 'none';
  const mtus = g.citations.some((c) => c.kind === 'mtus');
  const other = g.citations.some((c) => c.kind === 'non-mtus');
  if (mtus && other) return 'MTUS and Non-MTUS';
  if (mtus) return 'MTUS';
  if (other) return 'Non-MTUS';
  return g.noEvidence ? 'no evidence cited' : 'none';
}

/** CSV cells: nulls empty, citation lists joined with `; `. */
export function csvCells(row: ExportRow): string[] {
  return COLUMNS.map((key) => {
    const value = row[key];
    if (value === null) return '';
    return Array.isArray(value) ? value.join('; ') : String(value);
  });
}

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export file's text: a JSON array of rows, or CSV with a header row. */
export function formatRows(rows: readonly ExportRow[], format: ExportFormat): string {
  return format === 'csv' ? toCsv(COLUMNS, rows.map(csvCells)) : JSON.stringify(rows, null, 2) + '\n';
}
