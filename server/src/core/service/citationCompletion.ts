// Completion inside a guideline field (`Claims Administrator guideline:`, `MAXIMUS guideline:`): the citation
// lead-ins, the MTUS titles (first after `MTUS `), the ODG chapters (first after `Non-MTUS Citation `) and the
// no-evidence sentences. Pure; completion.ts decides when the caret is in such a field.
import { describeMtusPart } from '../descriptions';
import { MTUS_TITLES } from '../guidelines';
import type { Position } from '../model';
import type { CompletionEntry } from './completion';

/** Where the caret stands in a guideline field: right after its label, further on its label line, or below. */
export type GuidelinePlace = 'label-end' | 'label-line' | 'body-line';

export const CITATION_LEADS = ['Decision based on MTUS ', 'Decision based on Non-MTUS Citation '] as const;

/** ODG chapter names as letters write them (format guide §6; the `(Acute & Chronic)` forms are ODG's own). */
export const ODG_CHAPTER_NAMES = [
  'Low Back - Lumbar & Thoracic (Acute & Chronic)',
  'Neck and Upper Back (Acute & Chronic)',
  'Shoulder (Acute & Chronic)',
  'Elbow (Acute & Chronic)',
  'Forearm, Wrist, & Hand (Acute & Chronic)',
  'Carpal Tunnel Syndrome (Acute & Chronic)',
  'Knee & Leg (Acute & Chronic)',
  'Ankle & Foot (Acute & Chronic)',
  'Hip & Pelvis (Acute & Chronic)',
  'Pain (Chronic)',
  'Mental Illness & Stress',
  'Head',
  'Preface',
] as const;

const ODG = 'Official Disability Guidelines (ODG)';

export function guidelineCompletions(before: string, position: Position): CompletionEntry[] {
  // Replace the word being typed (letters, digits and the `-` of Non-MTUS) before the caret.
  // Matched only from the start of a word: `/[A-Za-z0-9-]*$/` alone re-reads a long word from each position.
  const word = /(?<![A-Za-z0-9-])[A-Za-z0-9-]*$/.exec(before)?.[0] ?? '';
  const range = { start: { line: position.line, character: before.length - word.length }, end: position };
  const afterMtus = titleExpected(before);
  const afterNonMtus = chapterExpected(before);
  const leads: CompletionEntry[] = CITATION_LEADS.map((lead) => ({
    label: lead.trimEnd(),
    kind: 'citation',
    detail: lead.includes('Non-MTUS') ? 'a source outside the MTUS' : 'an MTUS guideline',
    newText: lead,
    range,
    filterText: lead.trimEnd(),
  }));
  const titles: CompletionEntry[] = MTUS_TITLES.map((t) => {
    const label = `${t.title} ${t.year}`;
    const description = describeMtusPart(t);
    return {
      label,
      kind: 'title',
      detail: `MTUS${t.chapter !== undefined ? ` · ACOEM chapter ${t.chapter}` : ''}${t.title === 'Eye' ? ' · [unverified]' : ''}`,
      documentation: description,
      newText: label,
      range,
      filterText: label,
    };
  });
  const chapters: CompletionEntry[] = ODG_CHAPTER_NAMES.map((name) => ({
    label: `${ODG} ${name}`,
    kind: 'chapter',
    detail: 'ODG chapter (non-MTUS)',
    newText: `${ODG} ${name}`,
    range,
    filterText: `${ODG} ${name}`,
  }));
  const sentences: CompletionEntry[] = [
    {
      label: 'The Claims Administrator did not cite any medical evidence for its decision.',
      kind: 'sentence',
      newText: 'The Claims Administrator did not cite any medical evidence for its decision.',
      range,
      filterText: 'The Claims Administrator did not cite any medical evidence for its decision.',
    },
    {
      label: 'The Expert Reviewer did not cite any medical evidence for its decision.',
      kind: 'sentence',
      newText: 'The Expert Reviewer did not cite any medical evidence for its decision.',
      range,
      filterText: 'The Expert Reviewer did not cite any medical evidence for its decision.',
    },
  ];
  if (afterMtus) return [...titles, ...leads, ...chapters, ...sentences];
  if (afterNonMtus) return [...chapters, ...leads, ...titles, ...sentences];
  return [...leads, ...titles, ...chapters, ...sentences];
}

/**
 * Whether a typed trigger in a guideline field opens the list: the colon that ends its label, or a space
 * where a title or chapter is expected next.
 */
export function guidelineTriggerFits(field: GuidelinePlace, before: string, trigger: string): boolean {
  if (trigger === ':') return field === 'label-end';
  return trigger === ' ' && (titleExpected(before) || chapterExpected(before));
}

function titleExpected(before: string): boolean {
  return /\bMTUS\s+$|,\s+and\s+$/i.test(before) && !/Non-MTUS\s+(?:Citation\s+)?$/i.test(before);
}

function chapterExpected(before: string): boolean {
  return /Non-MTUS\s+Citation\s+$/i.test(before);
}
