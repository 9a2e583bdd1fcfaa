// Workspace search over letters reduced to their case number and disputed items. Pure: the index that reads
// the files lives with the server (lsp/workspaceIndex.ts).
//
// Queries match case-insensitively, whitespace folded, on item texts and case numbers: a substring match
// (`medial branch`, `CM17-00`), or else every word of the query in the item text, in any order
// (`branch medial`). A file of several letters is one entry with a letter each, each with its own case number.
import { lettersOf } from '../letters';
import type { DecisionValue, ImrDocument, Letter, Range } from '../model';
import { itemText, wholeItemName } from '../outline';
import { LAYOUT_MARKERS } from '../parse/headings';
import { letterName, pickableItem, type PickableItem } from './lens';
import type { FlatSymbol } from './symbols';

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

/** One letter of a file. */
export interface IndexedLetter {
  caseNumber?: string;
  caseNumberRange?: Range;
  /** The header's decision date as written. */
  decisionDate?: string;
  /** 0-based in its file. */
  index: number;
  range: Range;
  items: IndexedItem[];
}

export interface IndexEntry {
  uri: string;
  fileName: string;
  /** In source order; one for a file of a single letter. */
  letters: IndexedLetter[];
}

export function searchKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** What the index keeps of a parsed file; undefined when the text is not a determination. */
export function entryFor(uri: string, fileName: string, document: ImrDocument): IndexEntry | undefined {
  const letters = lettersOf(document).filter((l) => l.layout !== 'unknown');
  if (letters.length === 0) return undefined;
  const several = letters.length > 1;
  return { uri, fileName, letters: letters.map((letter, k) => indexedLetter(letter, k, several)) };
}

function indexedLetter(letter: Letter, index: number, several: boolean): IndexedLetter {
  const caseField = letter.header?.fields.caseNumber;
  const indexed: IndexedLetter = { index, range: letter.range, items: [] };
  if (caseField?.value) {
    indexed.caseNumber = caseField.value.trim();
    indexed.caseNumberRange = caseField.valueRange;
  }
  const decisionDate = letter.header?.fields.decisionDate?.value?.trim();
  if (decisionDate) indexed.decisionDate = decisionDate;
  const name = several ? letterName(letter, index) : undefined;
  for (const item of letter.items) {
    indexed.items.push({
      name: wholeItemName(item),
      key: searchKey(itemText(item)),
      decision: item.decision?.value,
      range: item.range,
      selectionRange: item.headingRange,
      pick: pickableItem(item, name),
    });
  }
  return indexed;
}

/** A cheap pre-check before parsing: the text holds one of the headings that decide a known layout. */
/**
 * The letters a workspace feature sees: the indexed files' entries, with the editor's in place of its files'.
 * `open` maps a file's URI (as the index spells it) to its open letter's entry, or to undefined for an open
 * document that has none (not a letter, or too large to read whole), which hides its file's entry too.
 */
export function withOpenLetters(
  indexed: Iterable<IndexEntry>,
  open: ReadonlyMap<string, IndexEntry | undefined>,
): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const entry of indexed) if (!open.has(entry.uri)) entries.push(entry);
  for (const entry of open.values()) if (entry) entries.push(entry);
  return entries;
}

export function looksLikeLetter(text: string): boolean {
  return LAYOUT_MARKERS.some((m) => text.includes(m));
}

/**
 * An item of a letter, or (without `item`) its case number, with the letter of the file it is in. `rank`: 0
 * substring of the name or case number, 1 all words; lower is better.
 */
export type Match =
  | { entry: IndexEntry; letter: IndexedLetter; item: IndexedItem; rank: number }
  | {
      entry: IndexEntry;
      letter: IndexedLetter;
      item?: undefined;
      caseNumber: { name: string; range: Range };
      rank: number;
    };

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
    for (const letter of entry.letters) {
      const caseRank = letter.caseNumber ? compiled.matchCase(letter.caseNumber) : -1;
      if (caseRank >= 0 && letter.caseNumber && letter.caseNumberRange) {
        const caseNumber = { name: letter.caseNumber, range: letter.caseNumberRange };
        matches.push({ entry, letter, rank: caseRank, caseNumber });
      }
      for (const item of letter.items) {
        // A case-number query lists that case's items too.
        const rank = !compiled.empty && caseRank === 0 ? 0 : compiled.matchItem(item.key);
        if (rank >= 0) matches.push({ entry, letter, item, rank });
      }
    }
  }
  matches.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.entry.uri < b.entry.uri ? -1 : a.entry.uri > b.entry.uri ? 1 : 0) ||
      (a.item ? a.item.range.start.line : a.letter.range.start.line - 1) -
        (b.item ? b.item.range.start.line : b.letter.range.start.line - 1),
  );
  return matches.slice(0, limit);
}

/** A match as workspace symbols list it, named as in the outline. */
export interface WorkspaceSymbol extends FlatSymbol {
  /** The outline kind it shows as: an item, or the header for a case number. */
  kind: 'item' | 'header';
  /** `<case number> · <file name>` for an item of a letter with a case number, else the file name. */
  containerName: string;
}

export function symbolOf(match: Match): WorkspaceSymbol {
  const { entry, letter, item } = match;
  if (!item) {
    const { name, range } = match.caseNumber;
    return { name, kind: 'header', uri: entry.uri, range, containerName: entry.fileName };
  }
  const containerName = letter.caseNumber ? `${letter.caseNumber} · ${entry.fileName}` : entry.fileName;
  return { name: item.name, kind: 'item', uri: entry.uri, range: item.selectionRange, containerName };
}
