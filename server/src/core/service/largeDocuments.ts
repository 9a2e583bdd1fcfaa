// The large-document policy: no request may take more than about a second, whatever a document's size or
// line length. Measured (`npm run bench`, and issue 12's notes): a hostile 2.5 MB text (a date on every line)
// takes a second for semantic tokens and real letters about 0.6 s for diagnostics at 5 MB, on a shared
// machine; so a document over `imr.maxDocumentSize` (2 MB) or with a line over `imr.maxLineLength`
// (200,000 characters; a whole letter is 5–20 kB, and the corpus's longest line is 348) is degraded:
//  * one information finding on its first line says why and names the setting (`degradationFinding`);
//  * document symbols give the outline of its first `imr.maxDocumentSize` characters (cut at a line end,
//    `outlineHeadLength`), so a 50 MB text is never parsed whole (lsp/largeDocuments.ts parses that head);
//  * every other feature answers its empty result (`openAnalysis` in lsp/context.ts returns undefined).
import type { Finding } from '../rules';
import type { ImrSettings } from './settings';

export type Degradation =
  { kind: 'size'; size: number; limit: number } | { kind: 'line'; line: number; length: number; limit: number };

/** The settings the policy reads. */
export type DocumentLimits = Pick<ImrSettings, 'maxDocumentSize' | 'maxLineLength'>;

/** A line (0-based) and its length in characters, without its line end. */
export interface LongestLine {
  line: number;
  length: number;
}

const LINE_END = /\r\n?|\n/g;

/** The length of the first line. */
export function firstLineLength(text: string): number {
  const eol = text.search(/\r|\n/);
  return eol < 0 ? text.length : eol;
}

/** The longest line (LSP's: \r\n, \r and \n end a line), the first of equals: one native scan. */
export function longestLine(text: string): LongestLine {
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

/**
 * Why a text is degraded under `limits`, or undefined when every feature serves it. `longest` finds the longest
 * line, asked only of a text with a line over the limit (a caller may remember it per version).
 */
export function textDegradation(
  text: string,
  limits: DocumentLimits,
  longest: (text: string) => LongestLine = longestLine,
): Degradation | undefined {
  const size = text.length;
  if (size > limits.maxDocumentSize) return { kind: 'size', size, limit: limits.maxDocumentSize };
  if (!hasLineLongerThan(text, limits.maxLineLength)) return undefined;
  // Degraded by a line: which, and how long, for the message.
  const { line, length } = longest(text);
  if (length > limits.maxLineLength) return { kind: 'line', line, length, limit: limits.maxLineLength };
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

/** The degraded note's range ends here at the latest: a first line of megabytes is not underlined whole. */
export const DEGRADATION_RANGE_MAX = 10_000;

/** A degraded document's one finding: information, on its first line (at most DEGRADATION_RANGE_MAX characters). */
export function degradationFinding(
  text: string,
  degradation: Degradation,
): Pick<Finding, 'ruleId' | 'severity' | 'message' | 'range'> {
  const end = Math.min(firstLineLength(text), DEGRADATION_RANGE_MAX);
  return {
    ruleId: 'IMR000',
    severity: 'information',
    message: degradationMessage(degradation),
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: end } },
  };
}

/** Where the outline of a degraded document stops: the last line end within the size limit. */
export function outlineHeadLength(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  return Math.max(text.lastIndexOf('\n', limit - 1), text.lastIndexOf('\r', limit - 1)) + 1;
}
