// The workspace symbol index: every determination letter under the workspace folders (`*.txt`, `*.imr`,
// `*.pdf` whose text parses to a known layout), reduced to its case number and disputed items.
//
// Built in the background after `initialized`: bounded (MAX_FILES files, MAX_FILE_BYTES each), cancellable
// (a new build or a folder change cancels the running one) and throttled: folders are listed asynchronously,
// then files are read and parsed one by one in slices of SLICE_MS, yielding to the event loop between slices
// so that requests are answered while it runs. Kept current by `workspace/didChangeWatchedFiles`
// (`fileChanged`/`fileDeleted`). Open documents take precedence over the disk: queries read them from the
// shared analyses instead of their entry here.
//
// Queries match case-insensitively, whitespace folded, on item texts and case numbers: a substring match
// (`medial branch`, `CM17-00`), or else every word of the query in the item text, in any order
// (`branch medial`).
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, type DecisionValue, type ImrDocument, type Range } from '../core';
import { itemName, itemText } from '../core/outline';
import { stat } from 'node:fs/promises';
import { readLetter } from '../node/letterReader';
import { isPdfFileName } from '../node/pdf';
import { pdfDocumentUriOf } from './pdfText';
import { findLetterFiles, isUnder } from '../node/walker';
import type { IndexStats, PickableItem } from '../protocol';
import { pickableItem } from './codeLens';

export const MAX_FILES = 5000;
/** Letters are 5–40 KB; anything far larger is not one. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * Work between two yields to the event loop. The connection reads a request, runs its handler and writes the
 * response in separate turns of the loop, so a request answered during a build waits about three slices.
 */
const SLICE_MS = 3;

/** Strings a known layout needs somewhere in the text (core/parse/headings.ts detectLayout): a cheap pre-check. */
const LAYOUT_MARKERS = [
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'IMR DECISION(S) AND RATIONALE(S)',
  'Notice of Independent Medical Review Determination',
  'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
  'ISSUE AT DISPUTE:',
];

export interface IndexedItem {
  /** The outline name (shortened when long). */
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

export type { IndexStats };

export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** What the index keeps of a parsed letter; undefined when the text is not a determination. */
export function entryFor(uri: string, document: ImrDocument): IndexEntry | undefined {
  if (document.layout === 'unknown') return undefined;
  const caseField = document.header?.fields.caseNumber;
  const entry: IndexEntry = { uri, fileName: fileNameOf(uri), items: [] };
  if (caseField?.value) {
    entry.caseNumber = caseField.value.trim();
    entry.caseNumberRange = caseField.valueRange;
  }
  const decisionDate = document.header?.fields.decisionDate?.value?.trim();
  if (decisionDate) entry.decisionDate = decisionDate;
  for (const item of document.items) {
    entry.items.push({
      name: itemName(item),
      key: fold(itemText(item)),
      decision: item.decision?.value,
      range: item.range,
      selectionRange: item.headingRange,
      pick: pickableItem(item),
    });
  }
  return entry;
}

export function fileNameOf(uri: string): string {
  try {
    return uri.startsWith('file:') ? path.basename(fileURLToPath(uri)) : decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  } catch {
    return uri.slice(uri.lastIndexOf('/') + 1);
  }
}

export function looksLikeLetter(text: string): boolean {
  return LAYOUT_MARKERS.some((m) => text.includes(m));
}

export interface Match {
  entry: IndexEntry;
  /** Undefined: the case number itself. */
  item?: IndexedItem;
  /** 0 substring of the name/case number, 1 all words. Lower is better. */
  rank: number;
}

/** A compiled query: `matchItem`/`matchCase` give a rank, or -1 for no match. */
export function compileQuery(query: string): { matchItem(key: string): number; matchCase(caseNumber: string): number; empty: boolean } {
  const q = fold(query);
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
export function search(entries: Iterable<IndexEntry>, query: string, limit: number, cancelled?: () => boolean): Match[] {
  const compiled = compileQuery(query);
  const matches: Match[] = [];
  for (const entry of entries) {
    if (cancelled?.()) break;
    const caseRank = entry.caseNumber ? compiled.matchCase(entry.caseNumber) : -1;
    if (caseRank >= 0 && entry.caseNumber) matches.push({ entry, rank: caseRank });
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

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A file's entry, or undefined when it is unreadable, too large or not a determination. */
async function readEntry(file: string, maxBytes: number): Promise<IndexEntry | undefined> {
  if (isPdfFileName(file)) return readPdfEntry(file, maxBytes);
  const read = await readLetter(file, { maxBytes });
  if (!read.ok || !looksLikeLetter(read.text)) return undefined;
  return entryFor(pathToFileURL(file).href, parse(read.text));
}

/** Reading a PDF takes tens of milliseconds: its entry is kept while the file's size and mtime stay the same. */
const pdfEntries = new Map<string, { mtimeMs: number; size: number; entry: IndexEntry | undefined }>();

/** A PDF's entry, located in its read-only `imr-pdf:` document (the client shows the extracted text there). */
async function readPdfEntry(file: string, maxBytes: number): Promise<IndexEntry | undefined> {
  let info: { mtimeMs: number; size: number };
  try {
    info = await stat(file);
  } catch {
    pdfEntries.delete(file);
    return undefined;
  }
  const cached = pdfEntries.get(file);
  if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.entry;
  const read = await readLetter(file, { maxBytes });
  const entry = read.ok && looksLikeLetter(read.text) ? entryFor(pdfDocumentUriOf(pathToFileURL(file).href), parse(read.text)) : undefined;
  if (pdfEntries.size >= MAX_FILES) pdfEntries.clear();
  pdfEntries.set(file, { mtimeMs: info.mtimeMs, size: info.size, entry });
  return entry;
}

export type IndexListener = (stats: IndexStats) => void;

/** The index of the files on disk. Open documents are overlaid by the caller (workspaceSymbols.ts). */
export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexEntry>();
  private generation = 0;
  private roots: string[] = [];
  private readyPromise: Promise<IndexStats> = Promise.resolve({ files: 0, letters: 0, items: 0, truncated: false, ms: 0 });
  private building = false;
  private lastStats: IndexStats | undefined;

  constructor(private readonly options: { maxFiles?: number; maxFileBytes?: number; onReady?: IndexListener; onError?: (error: unknown) => void } = {}) {}

  get isBuilding(): boolean {
    return this.building;
  }

  get stats(): IndexStats | undefined {
    return this.lastStats;
  }

  get folders(): readonly string[] {
    return this.roots;
  }

  /** Resolves when the current build is done (at once when none runs). */
  ready(): Promise<IndexStats> {
    return this.readyPromise;
  }

  all(): IterableIterator<IndexEntry> {
    return this.entries.values();
  }

  get(uri: string): IndexEntry | undefined {
    return this.entries.get(uri);
  }

  get size(): number {
    return this.entries.size;
  }

  /** (Re)builds the index for `roots`, cancelling any build in progress. */
  rebuild(roots: readonly string[]): Promise<IndexStats> {
    const generation = ++this.generation;
    this.roots = [...roots];
    this.building = true;
    const run = this.build(generation).then(
      (stats) => {
        if (generation === this.generation) {
          this.building = false;
          this.lastStats = stats;
          this.options.onReady?.(stats);
        }
        return stats;
      },
      (error: unknown) => {
        if (generation === this.generation) this.building = false;
        this.options.onError?.(error);
        return { files: 0, letters: 0, items: 0, truncated: false, ms: 0 };
      },
    );
    this.readyPromise = run;
    return run;
  }

  /** Stops a running build (shutdown). */
  cancel(): void {
    this.generation++;
    this.building = false;
  }

  private async build(generation: number): Promise<IndexStats> {
    const started = performance.now();
    const cancelled = () => generation !== this.generation;
    const maxFiles = this.options.maxFiles ?? MAX_FILES;
    const maxBytes = this.options.maxFileBytes ?? MAX_FILE_BYTES;
    const { files, truncated } = await findLetterFiles(this.roots, { maxFiles, cancelled });
    if (cancelled()) return { files: 0, letters: 0, items: 0, truncated: true, ms: 0 };
    const fresh = new Map<string, IndexEntry>();
    let sliceStart = performance.now();
    for (const file of files) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToEventLoop();
        sliceStart = performance.now();
      }
      if (cancelled()) break;
      const entry = await readEntry(file, maxBytes);
      if (entry) fresh.set(pathToFileURL(file).href, entry);
    }
    if (cancelled()) return { files: 0, letters: 0, items: 0, truncated: true, ms: 0 };
    // Entries updated by file events during the build are newer than what the build read: keep them.
    for (const [uri, entry] of this.updatedDuringBuild) fresh.set(uri, entry);
    for (const uri of this.deletedDuringBuild) fresh.delete(uri);
    this.updatedDuringBuild.clear();
    this.deletedDuringBuild.clear();
    this.entries.clear();
    for (const [uri, entry] of fresh) this.entries.set(uri, entry);
    let items = 0;
    for (const entry of fresh.values()) items += entry.items.length;
    return { files: files.length, letters: fresh.size, items, truncated, ms: performance.now() - started };
  }

  private readonly updatedDuringBuild = new Map<string, IndexEntry>();
  private readonly deletedDuringBuild = new Set<string>();

  private readonly pending = new Set<Promise<void>>();

  /** Resolves when the file updates started so far are applied. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** A file was created or changed on disk: re-read it (when it lies under the indexed folders). */
  fileChanged(file: string): Promise<void> {
    const update = this.update(file).finally(() => this.pending.delete(update));
    this.pending.add(update);
    return update;
  }

  private async update(file: string): Promise<void> {
    if (!isUnder(file, this.roots)) return;
    // One file per turn of the event loop: a burst of events (a folder copied in) never holds up requests.
    await yieldToEventLoop();
    const uri = pathToFileURL(file).href;
    const entry = await readEntry(file, this.options.maxFileBytes ?? MAX_FILE_BYTES);
    if (entry) {
      if (!this.entries.has(uri) && this.entries.size >= (this.options.maxFiles ?? MAX_FILES)) return;
      this.entries.set(uri, entry);
      if (this.building) {
        this.updatedDuringBuild.set(uri, entry);
        this.deletedDuringBuild.delete(uri);
      }
    } else {
      this.remove(uri);
    }
  }

  /** A file (or a folder of files) was deleted. */
  fileDeleted(file: string): void {
    const uri = pathToFileURL(file).href;
    this.remove(uri);
    // A deleted folder: drop everything under it.
    const prefix = uri.endsWith('/') ? uri : `${uri}/`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.remove(key);
  }

  private remove(uri: string): void {
    this.entries.delete(uri);
    if (this.building) {
      this.updatedDuringBuild.delete(uri);
      this.deletedDuringBuild.add(uri);
    }
  }
}
