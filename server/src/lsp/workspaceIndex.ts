// The workspace symbol index: every determination letter under the workspace folders (`*.txt`, `*.imr`,
// `*.pdf` whose text parses to a known layout), reduced to its case number and disputed items.
//
// Built in the background after `initialized`: bounded (MAX_FILES files, MAX_FILE_BYTES each), cancellable
// (a new build or a folder change cancels the running one) and throttled: folders are listed asynchronously,
// then files are read and parsed one by one in slices of SLICE_MS, yielding to the event loop between slices
// so that requests are answered while it runs. Kept current by `workspace/didChangeWatchedFiles`
// (`fileChanged`/`fileDeleted`). Open documents take precedence over the disk: queries read them from the
// shared analyses instead of their entry here.
// Queries are core/service/workspaceSearch.ts.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stat } from 'node:fs/promises';
import { parse } from '../core';
import { entryFor, looksLikeLetter, type IndexEntry } from '../core/service/workspaceSearch';
import { readLetter, type LetterText, type ReadFailure } from '../node/letterReader';
import { isPdfFileName } from '../node/files';
import { timeSlices, yieldToEventLoop } from './eventLoop';
import { pdfDocumentUriOf } from './pdfText';
import { filePathOf } from './settings';
import { findLetterFiles, isUnder } from '../node/walker';
import type { IndexProgress, IndexStats } from '../protocol';

export const MAX_FILES = 5000;
/** Letters are 5–40 KB; anything far larger is not one. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * Work between two yields to the event loop. The connection reads a request, runs its handler and writes the
 * response in separate turns of the loop, so a request answered during a build waits about three slices.
 */
const SLICE_MS = 3;
/** Progress is reported this many times per build at most (every total/steps files): a status line, little traffic. */
export const INDEX_PROGRESS_STEPS = 20;

export type { IndexStats };

export function fileNameOf(uri: string): string {
  try {
    return uri.startsWith('file:')
      ? path.basename(fileURLToPath(uri))
      : decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  } catch {
    return uri.slice(uri.lastIndexOf('/') + 1);
  }
}

/** The text of the letter file behind `uri` (`file:`, or a PDF's `imr-pdf:` document), under MAX_FILE_BYTES. */
export async function readIndexedLetter(uri: string): Promise<LetterText | ReadFailure> {
  const file = filePathOf(uri);
  if (file === undefined) return { ok: false, kind: 'not-a-file', reason: 'not open and not a file' };
  return readLetter(file, { maxBytes: MAX_FILE_BYTES });
}

/** A file's entry, or undefined when it is unreadable, too large or not a determination. */
async function readEntry(file: string, maxBytes: number): Promise<IndexEntry | undefined> {
  if (isPdfFileName(file)) return readPdfEntry(file, maxBytes);
  const read = await readLetter(file, { maxBytes });
  if (!read.ok || !looksLikeLetter(read.text)) return undefined;
  const uri = pathToFileURL(file).href;
  return entryFor(uri, fileNameOf(uri), parse(read.text));
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
  const uri = pdfDocumentUriOf(pathToFileURL(file).href);
  const entry = read.ok && looksLikeLetter(read.text) ? entryFor(uri, fileNameOf(uri), parse(read.text)) : undefined;
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
  private readyPromise: Promise<IndexStats> = Promise.resolve({
    files: 0,
    letters: 0,
    items: 0,
    truncated: false,
    ms: 0,
  });
  private building = false;
  private lastStats: IndexStats | undefined;

  constructor(
    private readonly options: {
      maxFiles?: number;
      maxFileBytes?: number;
      onReady?: IndexListener;
      /** A build's files read so far: once the files are listed (0 of M), then every total/INDEX_PROGRESS_STEPS files. */
      onProgress?: (progress: IndexProgress) => void;
      onError?: (error: unknown) => void;
    } = {},
  ) {}

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
    const nextSlice = timeSlices(SLICE_MS);
    const total = files.length;
    const step = Math.max(1, Math.ceil(total / INDEX_PROGRESS_STEPS));
    let done = 0;
    for (const file of files) {
      await nextSlice();
      if (cancelled()) break;
      if (done % step === 0) this.options.onProgress?.({ done, total });
      done++;
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
    let letters = 0;
    for (const entry of fresh.values()) {
      letters += entry.letters.length;
      for (const letter of entry.letters) items += letter.items.length;
    }
    return { files: files.length, letters, items, truncated, ms: performance.now() - started };
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
