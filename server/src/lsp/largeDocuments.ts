// The large-document policy (core/service/largeDocuments.ts) over open documents: the longest line and the
// head's parse, each kept per document while its version is current.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from '../core';
import {
  longestLine,
  outlineHeadLength,
  textDegradation,
  type Degradation,
  type LongestLine,
} from '../core/service/largeDocuments';
import type { ImrSettings } from '../core/service/settings';
import { SourceText } from '../core/source';
import type { Analysis } from './analysis';

// Keyed by the document object (updated in place by incremental changes); the version and the text itself
// are compared too, as the analysis cache does.
const longestLines = new WeakMap<TextDocument, LongestLine & { version: number; text: string }>();

/** The longest line, found once per version. */
function longestLineOf(document: TextDocument, text: string): LongestLine {
  const cached = longestLines.get(document);
  if (cached && cached.version === document.version && cached.text === text) return cached;
  const longest = longestLine(text);
  longestLines.set(document, { version: document.version, text, ...longest });
  return longest;
}

/** Why the document is degraded, or undefined when every feature serves it. */
export function degradationOf(document: TextDocument, settings: ImrSettings): Degradation | undefined {
  return textDegradation(document.getText(), settings, (text) => longestLineOf(document, text));
}

// The head's analysis, kept per document while its version is current: a 50 MB text is never parsed whole.
const heads = new WeakMap<TextDocument, { text: string; analysis: Analysis }>();

/**
 * A degraded document's first `imr.maxDocumentSize` characters (cut at a line end), parsed: the letter its
 * outline is drawn from. Its ranges are the document's.
 */
export function headAnalysis(document: TextDocument, settings: ImrSettings): Analysis {
  const text = document.getText();
  const cached = heads.get(document);
  if (cached && cached.analysis.version === document.version && cached.text === text) return cached.analysis;
  const head = text.slice(0, outlineHeadLength(text, settings.maxDocumentSize));
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
