// The Determinations view's list (`imr/determinations`) and the item picker's (`imr/documentItems`), as plain
// data: one summary per letter of the workspace index, with its case number, decision date, an appeal-deadline
// estimate, its decision counts and items. The types are sent as they are (server/src/protocol.ts re-exports
// them to the client).
import { throwIfCancelled, type IsCancelled } from '../cancel';
import { addDays, formatDate, readHeaderDate } from '../rules/support/dates';
import { countDecisions, type DecisionCounts, type PickableItem } from './lens';
import type { IndexEntry } from './workspaceSearch';

/** Labor Code 4610.6(h): an appeal to the WCAB within 30 days of the mailing of the determination. */
export const APPEAL_DAYS = 30;

/** The disputed items of a letter, in order, and their counts. */
export interface DocumentItems {
  items: PickableItem[];
  counts: DecisionCounts;
}

/** One letter of the workspace, as the Determinations view lists it: a file of several letters lists each. */
export interface LetterSummary {
  uri: string;
  fileName: string;
  caseNumber?: string;
  /** The header's decision date as written (`MM/DD/YYYY`). */
  decisionDate?: string;
  /**
   * Decision date + 30 days (`MM/DD/YYYY`): an estimate of the last day to appeal to the WCAB. The law counts
   * from the mailing date (LC 4610.6(h)), which the letter does not show.
   */
  appealByEstimate?: string;
  counts: DecisionCounts;
  items: PickableItem[];
  /** Set when the file holds several letters (a bundle): which one this is (0-based) and where it stands. */
  letter?: { index: number; count: number; range: PickableItem['range'] };
}

export function documentItems(items: PickableItem[]): DocumentItems {
  return { items, counts: countDecisions(items) };
}

/** Decision date + 30 days, `MM/DD/YYYY`; undefined when the date is not a real `MM/DD/YYYY`. */
export function appealByEstimate(decisionDate: string | undefined): string | undefined {
  if (!decisionDate) return undefined;
  const read = readHeaderDate(decisionDate);
  return read.kind === 'date' ? formatDate(addDays(read.date, APPEAL_DAYS)) : undefined;
}

/** One summary per letter of the file, each with its own case number, decision date, deadline and items. */
export function letterSummaries(entry: IndexEntry): LetterSummary[] {
  return entry.letters.map((letter) => {
    const items = letter.items.map((i) => i.pick);
    const summary: LetterSummary = { uri: entry.uri, fileName: entry.fileName, counts: countDecisions(items), items };
    if (letter.caseNumber) summary.caseNumber = letter.caseNumber;
    if (letter.decisionDate) {
      summary.decisionDate = letter.decisionDate;
      const appealBy = appealByEstimate(letter.decisionDate);
      if (appealBy) summary.appealByEstimate = appealBy;
    }
    if (entry.letters.length > 1)
      summary.letter = { index: letter.index, count: entry.letters.length, range: letter.range };
    return summary;
  });
}

/** Every letter of the index entries: by file URI, then in file order. */
export function determinations(entries: Iterable<IndexEntry>, isCancelled?: IsCancelled): LetterSummary[] {
  const letters: LetterSummary[] = [];
  for (const entry of entries) {
    throwIfCancelled(isCancelled);
    letters.push(...letterSummaries(entry));
  }
  // A stable sort keeps a file's letters as they stand.
  return letters.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
