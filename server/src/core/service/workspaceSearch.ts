// Workspace search over letters reduced to their case number and disputed items. Pure: the index that reads
// the files lives with the server (lsp/workspaceIndex.ts).
//
// Queries match case-insensitively, whitespace folded, on item texts and case numbers: a substring match
// (`medial branch`, `CM17-00`), or else every word of the query in the item text, in any order
// (`branch medial`).
import type { DecisionValue, ImrDocument, Range } from '../model';
import { itemText, wholeItemName } from '../outline';
import { LAYOUT_MARKERS } from '../parse/headings';
import { pickableItem, type PickableItem } from './lens';

export interface IndexedItem {
  /** The whole item name: the symbol picker filters on it, so that no word searched for may be cut off. */
  name: string;
  /** The whole item text, whitespace folded and lower-cased, for matching. */
  key: string;
  decision?: DecisionValue;
  range: Range;
  selectionRange: Range;
  /** As the picker and the Determinations view list it. */
  pick: PickableItem;
}

export interface IndexEntry {
  uri: string;
  fileName: string;
  caseNumber?: string;
  caseNumberRange?: Range;
  /** The header's decision date as written. */
  decisionDate?: string;
  items: IndexedItem[];
}

export function searchKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** What the index keeps of a parsed letter; undefined when the text is not a determination. */
export function entryFor(uri: string, fileName: string, document: ImrDocument): IndexEntry | undefined {
  if (document.layout === 'unknown') return undefined;
  const caseField = document.header?.fields.caseNumber;
  const entry: IndexEntry = { uri, fileName, items: [] };
  if (caseField?.value) {
    entry.caseNumber = caseField.value.trim();
    entry.caseNumberRange = caseField.valueRange;
  }
  const decisionDate = document.header?.fields.decisionDate?.value?.trim();
  if (decisionDate) entry.decisionDate = decisionDate;
  for (const item of document.items) {
    entry.items.push({
      name: wholeItemName(item),
      key: searchKey(itemText(item)),
      decision: item.decision?.value,
      range: item.range,
      selectionRange: item.headingRange,
      pick: pickableItem(item),
    });
  }
  return entry;
}

/** A cheap pre-check before parsing: the text holds one of the headings that decide a known layout. */
export function looksLikeLetter(text: string): boolean {
  return LAYOUT_MARKERS.some((m) => text.includes(m));
}

/** An item of a letter, or (without `item`) its case number. `rank`: 0 substring of the name or case number, 1 all words; lower is better. */
export type Match =
  | { entry: IndexEntry; item: IndexedItem; rank: number }
  | { entry: IndexEntry; item?: undefined; caseNumber: { name: string; range: Range }; rank: number };

/** A compiled query: `matchItem`/`matchCase` give a rank, or -1 for no match. */
export function compileQuery(query: string): {
  matchItem(key: string): number;
  matchCase(caseNumber: string): number;
  empty: boolean;
} {
  const q = searchKey(query);
  const words = q.split(' ').filter(Boolean);
  return {
    empty: q.length === 0,
    matchItem(key) {
      if (q.length === 0 || key.includes(q)) return 0;
      if (words.length > 1 && words.every((w) => key.includes(w))) return 1;
      return -1;
    },
    matchCase(caseNumber) {
      return q.length === 0 || caseNumber.toLowerCase().includes(q) ? 0 : -1;
    },
  };
}

/** Matches in `entries`, best first, then by file and position; at most `limit`. */
export function search(
  entries: Iterable<IndexEntry>,
  query: string,
  limit: number,
  cancelled?: () => boolean,
): Match[] {
  const compiled = compileQuery(query);
  const matches: Match[] = [];
  for (const entry of entries) {
    if (cancelled?.()) break;
    const caseRank = entry.caseNumber ? compiled.matchCase(entry.caseNumber) : -1;
    if (caseRank >= 0 && entry.caseNumber && entry.caseNumberRange)
      matches.push({ entry, rank: caseRank, caseNumber: { name: entry.caseNumber, range: entry.caseNumberRange } });
    for (const item of entry.items) {
      // A case-number query lists that case's items too.
      const rank = !compiled.empty && caseRank === 0 ? 0 : compiled.matchItem(item.key);
      if (rank >= 0) matches.push({ entry, item, rank });
    }
  }
  matches.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.entry.uri < b.entry.uri ? -1 : a.entry.uri > b.entry.uri ? 1 : 0) ||
      (a.item ? a.item.range.start.line : -1) - (b.item ? b.item.range.start.line : -1),
  );
  return matches.slice(0, limit);
}
