// The large-document policy: no request may take more than about a second, whatever a document's size or
// line length. Measured (`npm run bench`, and issue 12's notes): a hostile 2.5 MB text (a date on every line)
// takes a second for semantic tokens and real letters about 0.6 s for diagnostics at 5 MB, on a shared
// machine; so a document over `imr.maxDocumentSize` (2 MB) or with a line over `imr.maxLineLength`
// (200,000 characters; a whole letter is 5–20 kB, and the corpus's longest line is 348) is degraded:
//  * one information diagnostic on its first line says why and names the setting (diagnostics.ts);
//  * document symbols give the outline of its first `imr.maxDocumentSize` characters (cut at a line end),
//    parsed once per version (`headAnalysis`, the service's `outlineLetter`), so a 50 MB text is never
//    parsed whole;
//  * every other feature answers its empty result (`openAnalysis` in context.ts returns undefined).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from '../core';
import { SourceText } from '../core/source';
import type { Analysis } from './analysis';
import type { ImrSettings } from './settings';

export type Degradation =
  { kind: 'size'; size: number; limit: number } | { kind: 'line'; line: number; length: number; limit: number };

interface Longest {
  version: number;
  text: string;
  line: number;
  length: number;
}

// Keyed by the document object (updated in place by incremental changes); the version and the text itself
// are compared too, as the analysis cache does.
const longestLines = new WeakMap<TextDocument, Longest>();

const LINE_END = /\r\n?|\n/g;

/** The length of the first line. */
export function firstLineLength(text: string): number {
  const eol = text.search(/\r|\n/);
  return eol < 0 ? text.length : eol;
}

/** The longest line (LSP's: \r\n, \r and \n end a line), found once per version: one native scan. */
function longestLine(document: TextDocument): { line: number; length: number } {
  const text = document.getText();
  const cached = longestLines.get(document);
  if (cached && cached.version === document.version && cached.text === text) return cached;
  let best = { line: 0, length: 0 };
  let line = 0;
  let start = 0;
  LINE_END.lastIndex = 0;
  for (let m = LINE_END.exec(text); ; m = LINE_END.exec(text), line++) {
    const end = m ? m.index : text.length;
    if (end - start > best.length) best = { line, length: end - start };
    if (!m) break;
    start = m.index + m[0].length;
  }
  longestLines.set(document, { version: document.version, text, ...best });
  return best;
}

/**
 * Whether a line (LSP's lines) is longer than `limit`, found in jumps of up to `limit` characters, not line by
 * line: wherever the `limit + 1` characters from a line's start hold no line break, that line is longer.
 * Asked once a version, of every document: with a 10 MiB text, about 50 jumps where a walk over its 160,000
 * lines took 25 ms. Every search is native and bounded: the next LF and CR are found forward and kept until
 * passed, and the backward search for the window's last LF runs only when one is known to be in it.
 */
export function hasLineLongerThan(text: string, limit: number): boolean {
  let nextLf = -1;
  let nextCr = -1;
  // `from` is where a line starts.
  for (let from = 0; from + limit < text.length;) {
    if (nextLf < from) nextLf = indexOrEnd(text, '\n', from);
    if (nextLf <= from + limit) {
      // Everything up to the window's last LF is lines shorter than the window.
      from = text.lastIndexOf('\n', from + limit) + 1;
      continue;
    }
    // No LF in the window: a CR may end a line in it.
    if (nextCr < from) nextCr = indexOrEnd(text, '\r', from);
    if (nextCr > from + limit) return true;
    from = nextCr + 1;
  }
  return false;
}

function indexOrEnd(text: string, character: string, from: number): number {
  const at = text.indexOf(character, from);
  return at < 0 ? text.length : at;
}

/** Why the document is degraded, or undefined when every feature serves it. */
export function degradationOf(document: TextDocument, settings: ImrSettings): Degradation | undefined {
  const text = document.getText();
  const size = text.length;
  if (size > settings.maxDocumentSize) return { kind: 'size', size, limit: settings.maxDocumentSize };
  if (!hasLineLongerThan(text, settings.maxLineLength)) return undefined;
  // Degraded by a line: which, and how long, for the message.
  const longest = longestLine(document);
  if (longest.length > settings.maxLineLength)
    return { kind: 'line', line: longest.line, length: longest.length, limit: settings.maxLineLength };
  return undefined;
}

function megabytes(n: number): string {
  return `${(n / 1e6).toFixed(1)} MB`;
}

/** Why, in one sentence naming the setting. */
export function degradationMessage(degradation: Degradation): string {
  if (degradation.kind === 'size')
    return `This document is ${megabytes(degradation.size)}, over the ${megabytes(degradation.limit)} limit (setting imr.maxDocumentSize): only the outline of its first ${megabytes(degradation.limit)} is shown, and the checks, highlighting and other features are off.`;
  return `Line ${degradation.line + 1} is ${degradation.length.toLocaleString('en-US')} characters long, over the ${degradation.limit.toLocaleString('en-US')}-character limit (setting imr.maxLineLength): only the outline is shown, and the checks, highlighting and other features are off.`;
}

// The head's analysis, kept per document while its version is current: a 50 MB text is never parsed whole.
const heads = new WeakMap<TextDocument, { text: string; analysis: Analysis }>();

/** Where the outline of a degraded document stops: the last line end within the size limit. */
function headLength(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  return Math.max(text.lastIndexOf('\n', limit - 1), text.lastIndexOf('\r', limit - 1)) + 1;
}

/**
 * A degraded document's first `imr.maxDocumentSize` characters (cut at a line end), parsed: the letter its
 * outline is drawn from. Its ranges are the document's.
 */
export function headAnalysis(document: TextDocument, settings: ImrSettings): Analysis {
  const text = document.getText();
  const cached = heads.get(document);
  if (cached && cached.analysis.version === document.version && cached.text === text) return cached.analysis;
  const head = text.slice(0, headLength(text, settings.maxDocumentSize));
  const analysis: Analysis = {
    uri: document.uri,
    version: document.version,
    document: parse(head),
    source: new SourceText(head),
    size: head.length,
  };
  heads.set(document, { text, analysis });
  return analysis;
}
