// The language service: every editor feature of a letter behind one object, in the manner of
// microsoft/vscode-markdown-languageservice. Pure: the host injects where letters and rule findings come from
// (the server: its per-version analysis cache, its size limit and its settings; a test: a few texts in
// memory) and gets plain data back, which server/src/lsp converts to LSP types.
import type { IsCancelled } from '../cancel';
import type { ImrDocument, Position } from '../model';
import { outline, outlineParts, type OutlineNode } from '../outline';
import type { ExportFormat } from '../exportRows';
import { parse } from '../parse';
import type { Finding } from '../rules';
import type { SourceText } from '../source';
import { codeActionsFor, type CodeActionEntry, type CodeActionRequest, type DiagnosticRef } from './codeActions';
import { completionsAt, type CompletionEntry } from './completion';
import { determinations, documentItems, type DocumentItems, type LetterSummary } from './determinations';
import { foldingRanges, foldsOf, type FoldingOptions, type FoldingRange } from './folding';
import { hoverAt, type HoverResult } from './hover';
import { decisionLenses, pickableItems, type DecisionLens } from './lens';
import { selectionsAt, type Selection } from './selection';
import { flatSymbols, type FlatSymbol } from './symbols';
import { collectTokens, type TokenTable } from './tokens';
import { editorFindings } from './findings';
import {
  checkLetterFiles,
  exportLetters,
  type ExportedLetters,
  type LetterFindings,
  type WorkspaceFilesHost,
} from './workspaceFiles';
import { search, symbolOf, type IndexEntry, type WorkspaceSymbol } from './workspaceSearch';

/** A parsed letter: the model and the text it was read from. */
export interface Letter {
  readonly document: ImrDocument;
  readonly source: SourceText;
}

/** Where letters and findings come from; `L` is the host's own letter record (the server's analyses). */
export interface LanguageServiceHost<L extends Letter = Letter> {
  /** The letter at `uri` that features serve, or undefined (not open; for the server, also over its size limit). */
  letter(uri: string): L | undefined;
  /** The letter at `uri` for its outline and items, which the server keeps over the size limit. Default: `letter`. */
  outlineLetter?(uri: string): L | undefined;
  /**
   * The rule findings of the letter at `uri` under its configuration (the server memoises them per settings).
   * Default: every rule with its default settings.
   */
  findings?(uri: string, letter: L): readonly Finding[] | Promise<readonly Finding[]>;
  /** Called before and after the costliest work on a letter (its tokens), so a host may reclaim memory. */
  aroundLargeWork?(letter: L): void;
  /** The letter files the editor does not hold (workspaceFiles.ts). Without it, only held letters are seen. */
  files?: WorkspaceFilesHost;
  /** The name of the letter at `uri` in an export's `file` column and its errors. Default: the URI. */
  fileName?(uri: string): string;
}

/** One method per feature; each answers for the letter at `uri`, or with its empty result when there is none. */
export interface LanguageService {
  /** Semantic tokens, built once per letter (a new version is a new letter). */
  tokens(uri: string): TokenTable | undefined;
  /** `trigger`: the typed character that opened the list (COMPLETION_TRIGGERS), absent when asked for. */
  completion(uri: string, position: Position, trigger?: string): CompletionEntry[];
  /** `markdown`: the client renders Markdown, else plain text. */
  hover(uri: string, position: Position, options: { markdown: boolean }): Promise<HoverResult | undefined>;
  folding(uri: string, options: FoldingOptions, isCancelled?: IsCancelled): FoldingRange[];
  selection(uri: string, positions: readonly Position[], isCancelled?: IsCancelled): Selection[];
  /** The decision counts over each letter's decisions heading: one lens per letter of the file. */
  lenses(uri: string): DecisionLens[];
  /** The disputed items to pick from (the lens's list) and their counts; like the outline, kept for a letter over the size limit. */
  documentItems(uri: string): DocumentItems;
  outline(uri: string): OutlineNode[];
  /** `outline` one letter at a time (core/outline.ts `outlineParts`), for a caller that converts and drops each. */
  outlineParts(uri: string): Iterable<OutlineNode[]>;
  /** `outlineParts` as flat symbols (symbols.ts), for a client without hierarchical document symbols. */
  flatOutlineParts(uri: string, isCancelled?: IsCancelled): Iterable<FlatSymbol[]>;
  /** The rule findings, as diagnostics show them. */
  diagnostics(uri: string): Promise<readonly Finding[]>;
  /** Quick fixes for the diagnostics the client sent back, disable-rule actions and the fix-all (codeActions.ts). */
  codeActions<D extends DiagnosticRef>(
    uri: string,
    request: CodeActionRequest<D>,
    isCancelled?: IsCancelled,
  ): Promise<CodeActionEntry<D>[]>;
  /** Items and case numbers of the workspace's letters (`entries`, from the host's index) matching `query`. */
  workspaceSymbols(
    entries: Iterable<IndexEntry>,
    query: string,
    limit: number,
    isCancelled?: IsCancelled,
  ): WorkspaceSymbol[];
  /** Every letter of the workspace's index entries for the Determinations view, by file (determinations.ts). */
  determinations(entries: Iterable<IndexEntry>, isCancelled?: IsCancelled): LetterSummary[];
  /** Check All Letters: the findings of each letter file at `uris` read through the host (unreadable ones left out). */
  checkFiles(uris: Iterable<string>, isCancelled?: IsCancelled): Promise<LetterFindings[]>;
  /** Export Disputed Items: held letters as they stand, the others read through the host; each once, at most `maxLetters`. */
  exportLetters(
    uris: Iterable<string>,
    format: ExportFormat,
    isCancelled?: IsCancelled,
    maxLetters?: number,
  ): Promise<ExportedLetters>;
}

export function createLanguageService<L extends Letter>(host: LanguageServiceHost<L>): LanguageService {
  const tokenTables = new WeakMap<Letter, TokenTable>();
  const outlineLetterAt = (uri: string): L | undefined =>
    host.outlineLetter ? host.outlineLetter(uri) : host.letter(uri);
  const outlinePartsOf = (uri: string): Iterable<OutlineNode[]> => {
    const letter = outlineLetterAt(uri);
    return letter ? outlineParts(letter.document) : [];
  };
  const findingsOf = (uri: string, letter: L): Promise<readonly Finding[]> =>
    Promise.resolve(host.findings ? host.findings(uri, letter) : editorFindings(letter.document, letter.source));
  const letterOrFile = async (uri: string, isCancelled?: IsCancelled): Promise<ImrDocument | string> => {
    const held = host.letter(uri);
    if (held) return held.document;
    const text = await (host.files?.readLetterFile(uri) ?? { reason: 'not open' });
    return typeof text === 'string' ? parse(text, { isCancelled }) : text.reason;
  };

  return {
    tokens(uri) {
      const letter = host.letter(uri);
      if (!letter) return undefined;
      let table = tokenTables.get(letter);
      if (!table) {
        host.aroundLargeWork?.(letter);
        table = collectTokens(letter.document, letter.source);
        tokenTables.set(letter, table);
        host.aroundLargeWork?.(letter);
      }
      return table;
    },
    completion(uri, position, trigger) {
      const letter = host.letter(uri);
      if (!letter) return [];
      // A client's position may lie outside the text: every edit range is built from the clamped one.
      const { document, source } = letter;
      return completionsAt(document, source, source.clamp(position), { eol: source.eol, trigger });
    },
    async hover(uri, position, { markdown }) {
      const letter = host.letter(uri);
      if (!letter) return undefined;
      const findings = await findingsOf(uri, letter);
      return hoverAt(letter.document, letter.source, letter.source.clamp(position), { findings, markdown });
    },
    folding(uri, options, isCancelled) {
      const letter = host.letter(uri);
      return letter ? foldingRanges(foldsOf(letter.document, isCancelled), options) : [];
    },
    selection(uri, positions, isCancelled) {
      const letter = host.letter(uri);
      if (!letter) return [];
      const { document, source } = letter;
      return selectionsAt(
        document,
        source,
        positions.map((p) => source.clamp(p)),
        isCancelled,
      );
    },
    lenses(uri) {
      const letter = host.letter(uri);
      return letter ? decisionLenses(letter.document) : [];
    },
    documentItems(uri) {
      const letter = outlineLetterAt(uri);
      return documentItems(letter ? pickableItems(letter.document) : []);
    },
    outline(uri) {
      const letter = outlineLetterAt(uri);
      return letter ? outline(letter.document) : [];
    },
    outlineParts: outlinePartsOf,
    *flatOutlineParts(uri, isCancelled) {
      for (const part of outlinePartsOf(uri)) yield flatSymbols(uri, part, isCancelled);
    },
    async diagnostics(uri) {
      const letter = host.letter(uri);
      return letter ? findingsOf(uri, letter) : [];
    },
    async codeActions(uri, request, isCancelled) {
      const letter = host.letter(uri);
      if (!letter) return [];
      let findings: Promise<readonly Finding[]> | undefined;
      return codeActionsFor(
        request,
        {
          source: letter.source,
          findings: () => (findings ??= findingsOf(uri, letter)),
          // The same text: a fix-all of this letter's findings applies to what the client has now.
          isCurrent: () => host.letter(uri)?.source.text === letter.source.text,
        },
        isCancelled,
      );
    },
    workspaceSymbols(entries, query, limit, isCancelled) {
      return search(entries, query, limit, isCancelled).map(symbolOf);
    },
    determinations(entries, isCancelled) {
      return determinations(entries, isCancelled);
    },
    async checkFiles(uris, isCancelled) {
      return host.files ? checkLetterFiles(uris, host.files, isCancelled) : [];
    },
    exportLetters(uris, format, isCancelled, maxLetters) {
      const fileName = (uri: string) => host.fileName?.(uri) ?? uri;
      return exportLetters(uris, format, letterOrFile, fileName, isCancelled, maxLetters);
    },
  };
}
