// IMR003 invalid-decision: every item is decided with exactly one of two words, Upheld or Overturned
// (format guide §7). Not for L0, whose decision wording is unknown, nor for undecided L1 items, whose
// decision is a sentence the parser reads separately.
import type { DecisionValue, DisputedItem, ImrDocument, Polarity, Range } from '../model';
import type { SourceText } from '../source';
import { hasL3Labels, itemName } from './messages';
import { shorten } from '../text/shorten';
import type { Fix, Report, Rule } from './types';

// Misspellings whose meaning is beyond doubt: safe to normalise in bulk.
const OBVIOUS: Record<string, DecisionValue> = {
  upheld: 'Upheld',
  uphold: 'Upheld',
  upholds: 'Upheld',
  overturned: 'Overturned',
  overturn: 'Overturned',
  overturns: 'Overturned',
};
// Words that lean one way but that a person must confirm (UR vocabulary, partial decisions).
const LEANS_UPHELD = /^(?:denied|deny|denial|non-?certified|affirmed|sustained)\b/i;
const LEANS_OVERTURNED =
  /^(?:(?:partially|partly)\s+)?(?:overturned?|overturns|approved|authori[sz]ed|certified|reversed|granted|modified)\b/i;
// A decision-like word the parser could not read: `MRI: Upheld.`, `MRI - Upheld`, `MRI: Upheld in part`.
const DECISION_WORD = String.raw`(?:(?:partially|partly)\s+)?(?:upheld|uphold|upholds|overturned|overturn|overturns|denied|non-?certified|certified|approved|modified)\b`;
// The separator is tried only where a run of blanks starts: a long run is read once, not from each position.
const TRAILING_DECISION = new RegExp(String.raw`((?<!\s)\s*[:\-\u2013\u2014]\s*)(${DECISION_WORD}[^:]{0,30})$`, 'i');
const LONE_DECISION = new RegExp(String.raw`^(${DECISION_WORD}[^:]{0,30})$`, 'i');

/** A decision that is there but not as `: Upheld`: where the word and the whole tail to replace are. */
interface Misread {
  raw: string;
  word: Range;
  /** From the separator (or the line start, for a word alone on its line) to the end of the line's text. */
  tail: Range;
  /** What replaces the tail: `: Upheld`, or `Upheld` alone on its line. */
  prefix: string;
}

/**
 * `text` without the characters that `trimmed` accepts at its end. A loop: a regex such as `/[.!;,]+$/` is
 * tried from every position of a long run that does not end the text, which is quadratic.
 */
function trimEndWhere(text: string, trimmed: (c: string) => boolean): string {
  let end = text.length;
  while (end > 0 && trimmed(text.charAt(end - 1))) end--;
  return text.slice(0, end);
}

const isClosingPunctuation = (c: string) => '.!;,'.includes(c);
const isBlankOrSeparator = (c: string) => /[\s:\u2013\u2014-]/.test(c);

function obvious(raw: string): DecisionValue | undefined {
  return OBVIOUS[trimEndWhere(raw.trim(), isClosingPunctuation).toLowerCase()];
}

function fromPolarity(polarity: Polarity | undefined): DecisionValue | undefined {
  return polarity === 'negative' ? 'Upheld' : polarity === 'positive' ? 'Overturned' : undefined;
}

/** Which word to offer first: the obvious normalisation, else what the rationale concludes, else the lean of the word. */
function preferred(item: DisputedItem, raw: string): DecisionValue | undefined {
  return (
    obvious(raw) ??
    fromPolarity(item.rationale?.conclusion?.polarity) ??
    (LEANS_UPHELD.test(raw) ? 'Upheld' : LEANS_OVERTURNED.test(raw) ? 'Overturned' : undefined)
  );
}

function contentOf(source: SourceText, line: number): { text: string; start: number; end: number } {
  const text = source.lineAt(line);
  const end = text.trimEnd().length; // trimEnd removes \s, \f included, in one pass
  let start = 0;
  while (start < end && /[\s\f]/.test(text.charAt(start))) start++;
  return { text: text.slice(0, end), start, end };
}

function misread(source: SourceText, item: DisputedItem): Misread | undefined {
  const { start: headStart, end } = item.headingRange;
  const line = end.line;
  const c = contentOf(source, line);
  const m = TRAILING_DECISION.exec(c.text.slice(line === headStart.line ? headStart.character : c.start));
  const [whole, lead, word] = m ?? [];
  if (
    m &&
    whole !== undefined &&
    lead !== undefined &&
    word !== undefined &&
    m.index + (line === headStart.line ? headStart.character : c.start) > c.start
  ) {
    const at = c.end - whole.length;
    return {
      raw: word.trim(),
      word: { start: { line, character: at + lead.length }, end: { line, character: c.end } },
      tail: { start: { line, character: at }, end: { line, character: c.end } },
      prefix: ': ',
    };
  }
  // The word alone on the heading's last line, after a line that ends in a colon.
  if (line > headStart.line && contentOf(source, line - 1).text.endsWith(':')) {
    const word = LONE_DECISION.exec(c.text.slice(c.start))?.[1];
    if (word !== undefined) {
      const range = { start: { line, character: c.start }, end: { line, character: c.end } };
      return { raw: word.trim(), word: range, tail: range, prefix: '' };
    }
  }
  return undefined;
}

/** Where `: Upheld` goes when the heading has no decision at all: after its text, or after a colon that ends it. */
function insertion(source: SourceText, item: DisputedItem): { range: Range; prefix: string } {
  const end = item.headingRange.end;
  const c = contentOf(source, end.line);
  const at = { line: end.line, character: Math.max(end.character, c.end) };
  return { range: { start: at, end: at }, prefix: c.text.endsWith(':') ? ' ' : ': ' };
}

function fixes(
  document: ImrDocument,
  item: DisputedItem,
  raw: string,
  target: { range: Range; prefix: string },
): Fix[] {
  if (!hasL3Labels(document.layout) || !item.text.text) return [];
  const first = preferred(item, raw);
  const order: DecisionValue[] = first === 'Overturned' ? ['Overturned', 'Upheld'] : ['Upheld', 'Overturned'];
  const safeValue = raw ? obvious(raw) : undefined;
  return order.map((value) => ({
    title: `Change to ${value}`,
    edits: [{ range: target.range, newText: `${target.prefix}${value}` }],
    safe: safeValue === value,
  }));
}

function decisionMessage(name: string, raw: string): string {
  const hint = obvious(raw) ? ` (did you mean ${obvious(raw)}?)` : '';
  return `${name} has the decision "${shorten(raw, 30)}"; a decision must be Upheld or Overturned${hint}.`;
}

export const invalidDecision: Rule = {
  meta: {
    id: 'IMR003',
    name: 'invalid-decision',
    description: 'An item with no decision, or a word other than Upheld or Overturned.',
    defaultSeverity: 'error',
    tags: ['structure', 'legal'],
    fixable: true,
    rationale:
      'Each disputed item is decided one of two ways: Upheld (the utilization review denial stands) or Overturned (the ' +
      'treatment must be authorised, 8 CCR 9792.10.7). Words such as "Denied", "Non-certified" or "Partially overturned" ' +
      'belong to utilization review or to the DWC search index, not to the letter, and leave the parties unsure what ' +
      'was decided; no item is ever partially overturned (a partial authorisation leaves the remainder to be decided).',
    examples: {
      failing: 'MRI of the right knee without contrast: Denied',
      passing: 'MRI of the right knee without contrast: Upheld',
    },
  },
  check({ document, source }) {
    if (document.layout === 'L0') return [];
    const reports: Report[] = [];
    for (const item of document.items) {
      const decision = item.decision;
      if (decision?.value) continue;
      if (decision) {
        reports.push({
          message: decisionMessage(itemName(item), decision.raw),
          range: decision.range,
          fixes: fixes(document, item, decision.raw, { range: decision.range, prefix: '' }),
        });
        continue;
      }
      if (document.layout === 'L1') continue;
      const found = item.text.text ? misread(source, item) : undefined;
      if (found) {
        // The parser kept the word in the item text: name the item without it.
        const tail = source.getText(found.tail).trim();
        const subject = item.subject.endsWith(tail)
          ? trimEndWhere(item.subject.slice(0, -tail.length), isBlankOrSeparator)
          : item.subject;
        const name = itemName({ ...item, subject });
        reports.push({
          message: decisionMessage(name, found.raw),
          range: found.word,
          fixes: fixes(document, item, found.raw, { range: found.tail, prefix: found.prefix }),
        });
        continue;
      }
      reports.push({
        message: `${itemName(item)} has no decision: end its line with ": Upheld" or ": Overturned".`,
        range: item.headingRange,
        fixes: fixes(document, item, '', insertion(source, item)),
      });
    }
    return reports;
  },
};
