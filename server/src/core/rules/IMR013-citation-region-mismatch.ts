// IMR013 citation-region-mismatch: a disputed item about one body region decided on a guideline chapter for
// another, e.g. a knee MRI on `MTUS Low Back Complaints 2004` (CM16-0249320), usually a slip when a
// template or a neighbouring item was copied (format guide §12).
import { lookupMtusTitle, odgChapterRegion } from '../guidelines';
import type { Citation, DisputedItem, Field, MtusPart } from '../model';
import { itemInSentence } from './messages';
import { booleanOption, stringOption } from './support/options';
import { describeRegions, itemRegions, regionBit } from './support/regions';
import type { Report, Rule, RuleMeta } from './types';

interface KnownTitle {
  title: string;
  bit: number;
}

// lookupMtusTitle normalises every title on each call; letters cite a dozen titles, so remember them,
// keyed by title, then by year and chapter (no key string to build per part).
const mtusCache = new Map<string, Map<number, KnownTitle>>();
const odgCache = new Map<string, number>();
const CACHE_LIMIT = 256; // odd titles and chapters must not grow the caches without bound

function mtusTitle(part: MtusPart): KnownTitle {
  let byEdition = mtusCache.get(part.title);
  if (!byEdition) {
    if (mtusCache.size > CACHE_LIMIT) mtusCache.clear();
    byEdition = new Map();
    mtusCache.set(part.title, byEdition);
  }
  const edition = (part.year ?? 0) * 1000 + (part.chapter ?? 0);
  let known = byEdition.get(edition);
  if (!known) {
    const found = lookupMtusTitle(part);
    known = { title: found?.title ?? part.title, bit: regionBit(found?.region) };
    byEdition.set(edition, known);
  }
  return known;
}

function odgBit(chapter: string): number {
  let bit = odgCache.get(chapter);
  if (bit === undefined) {
    if (odgCache.size > CACHE_LIMIT) odgCache.clear();
    bit = regionBit(odgChapterRegion(chapter));
    odgCache.set(chapter, bit);
  }
  return bit;
}

/** The regions a citation's chapters cover, as a mask (0: no regional chapter). */
function citationRegions(citation: Citation): number {
  if (citation.kind === 'mtus') {
    let mask = 0;
    for (const part of citation.parts) mask |= mtusTitle(part).bit;
    return mask;
  }
  return citation.source === 'ODG' && citation.chapter ? odgBit(citation.chapter) : 0;
}

/** What a citation names, for the message: `MTUS Low Back Complaints`, `ODG Low Back - Lumbar & Thoracic`. */
function citedNames(citation: Citation, itemMask: number): string {
  if (citation.kind !== 'mtus') return `ODG ${citation.chapter}`;
  const names: string[] = [];
  for (const part of citation.parts) {
    const known = mtusTitle(part);
    if (known.bit !== 0 && !(known.bit & itemMask)) names.push(`MTUS ${known.title}`);
  }
  return names.join(', ');
}

const meta: RuleMeta = {
  id: 'IMR013',
  name: 'citation-region-mismatch',
  description: "A guideline cited for a disputed item covers a different body region than the item's.",
  defaultSeverity: 'information',
  tags: ['citations', 'consistency'],
  fixable: false,
  rationale:
    'The determination must rest on the medical treatment guidelines that apply to the disputed treatment ' +
    '(Labor Code 4610.5(c)(2); 8 CCR 9792.21.1). A knee MRI decided on the Low Back Complaints chapter, or a ' +
    'cervical block on the ODG Low Back chapter, usually means a citation was copied from another item or ' +
    'letter; a plainly erroneous finding of fact is a ground of appeal (Labor Code 4610.6(h)). General titles ' +
    '(Chronic Pain, Opioids, General Approaches, Acupuncture, Postsurgical, Stress) never mismatch.',
  examples: {
    failing:
      'Left knee MRI without contrast: Upheld\n…\nMAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.',
    passing:
      'Left knee MRI without contrast: Upheld\n…\nMAXIMUS guideline: Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies.',
  },
  options: {
    strictness: {
      type: 'string',
      default: 'field',
      description:
        '"field": report a field only when none of its regional citations fits the item (a neck-and-hand item may ' +
        'cite both chapters); "citation": report every regional citation that does not fit.',
    },
    checkClaimsAdministrator: {
      type: 'boolean',
      default: true,
      description:
        "Also check the Claims Administrator guideline (utilization review's citation, quoted in the letter).",
    },
  },
};

/** A guideline field with the regions of each of its citations, read once. */
interface CitedRegions {
  field: Field;
  citations: readonly Citation[];
  /** masks[k]: the regions of citations[k]'s chapters; 0 for a general chapter. */
  masks: number[];
}

/**
 * The field's citations and their regions; undefined when none has a regional chapter, as for the many
 * items decided on general titles alone (Chronic Pain, Opioids, …): then nothing can mismatch.
 */
function citedRegions(field: Field | undefined): CitedRegions | undefined {
  const citations = field?.guideline?.citations;
  if (!field || !citations?.some((c) => citationRegions(c) !== 0)) return undefined;
  // Regions are remembered per title, so reading them again for the rare regional field costs little.
  return { field, citations, masks: citations.map(citationRegions) };
}

function check(
  item: DisputedItem,
  itemMask: number,
  cited: CitedRegions,
  perCitation: boolean,
  reports: Report[],
): void {
  const { field, citations, masks } = cited;
  // A citation fits when one of its chapters is of the item's region; it mismatches when it has a regional
  // chapter and none fits. In "field" mode one fitting citation clears the field.
  let misfits = 0;
  for (const mask of masks) {
    if (mask & itemMask) {
      if (!perCitation) return;
    } else if (mask !== 0) misfits++;
  }
  if (misfits === 0) return;
  const whose =
    field.kind === 'claimsAdministratorGuideline'
      ? "The Claims Administrator guideline (utilization review's citation)"
      : 'The MAXIMUS guideline';
  citations.forEach((c, k) => {
    const mask = masks[k] ?? 0; // one mask per citation
    if (mask === 0 || mask & itemMask) return;
    reports.push({
      message:
        `${whose} cites ${citedNames(c, itemMask)}, a ${describeRegions(mask)} chapter, for ${itemInSentence(item)}, ` +
        `which concerns the ${describeRegions(itemMask)}.`,
      range: c.range,
    });
  });
}

export const citationRegionMismatch: Rule = {
  meta,
  check(context) {
    const perCitation = stringOption(context, meta, 'strictness') === 'citation';
    const withClaimsAdministrator = booleanOption(context, meta, 'checkClaimsAdministrator');
    const reports: Report[] = [];
    for (const item of context.document.items) {
      // Chapters first: their regions are remembered per title, while reading the item's words is a regex
      // scan, needed only when a chapter is regional.
      const claimsAdministrator = withClaimsAdministrator ? citedRegions(item.claimsAdministratorGuideline) : undefined;
      const reviewer = citedRegions(item.reviewerGuideline);
      if (!claimsAdministrator && !reviewer) continue;
      const itemMask = itemRegions(item.subject || item.text.text);
      if (itemMask === 0) continue;
      if (claimsAdministrator) check(item, itemMask, claimsAdministrator, perCitation, reports);
      if (reviewer) check(item, itemMask, reviewer, perCitation, reports);
    }
    return reports;
  },
};
