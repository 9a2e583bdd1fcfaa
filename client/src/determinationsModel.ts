// What the Determinations view shows for the letters of `imr/determinations`, and its filters. Pure (no
// `vscode` import), so that the texts and the filtering are unit-tested; determinationsView.ts turns them into
// tree items.
import type { LetterSummary, PickableItem } from '../../server/src/protocol';
import { countOf } from '../../server/src/core/text/count';

export type DecisionFilter = 'all' | 'Upheld' | 'Overturned' | 'invalid';

export interface Filters {
  decision: DecisionFilter;
  /** Case-insensitive; matched against the case number, the file name and the item names (whole). */
  text: string;
}

export const NO_FILTERS: Filters = { decision: 'all', text: '' };

/** `3 items · 1 overturned`, plus `· 1 invalid` when an item's decision is missing or neither word. */
export function countsText(letter: LetterSummary): string {
  const { items, overturned, invalid } = letter.counts;
  const parts = [countOf(items, 'item'), `${overturned} overturned`];
  if (invalid > 0) parts.push(`${invalid} invalid`);
  return parts.join(' · ');
}

export function letterLabel(letter: LetterSummary): string {
  return letter.caseNumber ?? letter.fileName;
}

/** `01/20/2017 · 8 items · 0 overturned · appeal by ≈02/19/2017` */
export function letterDescription(letter: LetterSummary): string {
  const parts = [letter.decisionDate ?? 'no decision date', countsText(letter)];
  if (letter.appealByEstimate) parts.push(`appeal by ≈${letter.appealByEstimate}`);
  return parts.join(' · ');
}

/** Markdown for the letter's tooltip: what the deadline figure is and why it is only an estimate. */
export function letterTooltip(letter: LetterSummary): string {
  const lines = [
    `**${letterLabel(letter)}** · ${letter.fileName}` +
      (letter.letter ? ` (letter ${letter.letter.index + 1} of ${letter.letter.count} in the file)` : ''),
    '',
    `Decision date: ${letter.decisionDate ?? 'not found'}`,
    '',
    countsText(letter),
  ];
  if (letter.appealByEstimate) {
    lines.push(
      '',
      `Appeal to the WCAB by **${letter.appealByEstimate}** (estimate).`,
      '',
      'Labor Code 4610.6(h): an appeal must be filed within 30 days of the date the determination was mailed. ' +
        'The letter shows only its decision date, so this is the decision date + 30 days; check the mailing date.',
    );
  }
  return lines.join('\n');
}

function itemPasses(item: PickableItem, decision: DecisionFilter): boolean {
  if (decision === 'all') return true;
  if (decision === 'invalid') return item.decision === 'invalid' || item.decision === 'missing';
  return item.decision === decision;
}

/** The letters to show, each with the items to show under it. */
export function applyFilters(
  letters: readonly LetterSummary[],
  filters: Filters,
): { letter: LetterSummary; items: PickableItem[] }[] {
  const text = filters.text.trim().toLowerCase();
  const out: { letter: LetterSummary; items: PickableItem[] }[] = [];
  for (const letter of letters) {
    const byDecision = letter.items.filter((item) => itemPasses(item, filters.decision));
    if (filters.decision !== 'all' && byDecision.length === 0) continue;
    if (!text) {
      out.push({ letter, items: byDecision });
      continue;
    }
    const letterMatches =
      (letter.caseNumber ?? '').toLowerCase().includes(text) || letter.fileName.toLowerCase().includes(text);
    const items = letterMatches
      ? byDecision
      : byDecision.filter((item) => (item.wholeName ?? item.label).toLowerCase().includes(text));
    if (letterMatches || items.length > 0) out.push({ letter, items });
  }
  return out;
}

/** `3. <the whole item name> — Upheld`: the name that the label may have cut. */
export function itemTooltip(item: PickableItem): string {
  const name = item.wholeName ? `${item.label.slice(0, item.label.indexOf('. ') + 2)}${item.wholeName}` : item.label;
  return `${name} — ${item.description}`;
}

/** The view's description while filters are on: `Overturned · "knee"`. */
export function filtersText(filters: Filters): string | undefined {
  const parts: string[] = [];
  if (filters.decision !== 'all') parts.push(filters.decision === 'invalid' ? 'invalid or missing' : filters.decision);
  if (filters.text.trim()) parts.push(`"${filters.text.trim()}"`);
  return parts.length ? parts.join(' · ') : undefined;
}
