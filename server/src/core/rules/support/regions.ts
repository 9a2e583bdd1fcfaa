// Body regions of a disputed item, read from its words (format guide §12): spinal levels, "cervical",
// "lumbar", "shoulder", "knee", "wrist"/"hand", "elbow", "ankle"/"foot". Regions are those of citations.ts
// (MTUS_TITLES, odgChapterRegion), so an item's region and a cited chapter's region compare directly.
// A set of regions is a bit mask: this runs on every item of every letter.
import type { BodyRegion } from '../../citations';

/** The regions a chapter can be "about" and so mismatch; general, mental and eye chapters never do. */
export type LimbRegion = Extract<BodyRegion, 'cervical' | 'lumbar' | 'shoulder' | 'knee' | 'elbow' | 'wrist-hand' | 'ankle-foot'>;

const LIMB_REGIONS: readonly LimbRegion[] = ['cervical', 'lumbar', 'shoulder', 'knee', 'elbow', 'wrist-hand', 'ankle-foot'];

const REGION_NAMES: Record<LimbRegion, string> = {
  cervical: 'neck (cervical)',
  lumbar: 'low back (lumbar)',
  shoulder: 'shoulder',
  knee: 'knee',
  elbow: 'elbow',
  'wrist-hand': 'wrist/hand',
  'ankle-foot': 'ankle/foot',
};

/** The bit of a limb region; 0 for general, mental, eye and unknown chapters. */
export function regionBit(region: BodyRegion | undefined): number {
  const k = region === undefined ? -1 : LIMB_REGIONS.indexOf(region as LimbRegion);
  return k < 0 ? 0 : 1 << k;
}

/** "neck (cervical) or wrist/hand" for a mask. */
export function describeRegions(mask: number): string {
  return LIMB_REGIONS.filter((_, k) => mask & (1 << k)).map((r) => REGION_NAMES[r]).join(' or ');
}

// Words that name a device, not the body part it is used on: a knee scooter serves a foot injury.
const NOT_A_REGION = /\bknee\s+(?:scooters?|walkers?)\b|\bhand[-\s]?held\b/gi;

const REGION_WORDS: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bcervical\b|\bneck\b|\bC[1-8]\b/i, regionBit('cervical')],
  [/\blumbar\b|\blumbosacral\b|\blow(?:er)?\s+back\b|\bL[1-5]\b|\bS1\b/i, regionBit('lumbar')],
  // The thoracic spine sits between the Neck and Upper Back and the Low Back chapters; letters cite either.
  [/\bthoracic\b|\b(?:upper|mid(?:dle)?)\s+back\b|\bT(?:[1-9]|1[0-2])\b/i, regionBit('cervical') | regionBit('lumbar')],
  [/\bshoulders?\b|\brotator\s+cuff\b|\bsubacromial\b|\bacromio\w*/i, regionBit('shoulder')],
  [/\bknees?\b|\bmenisc\w*|\bpatell\w*|\bACL\b/i, regionBit('knee')],
  [/\belbows?\b|\bepicondyl\w*|\bcubital\b|\bolecranon\b/i, regionBit('elbow')],
  [/\bwrists?\b|\bhands?\b|\bfingers?\b|\bthumbs?\b|\bcarpal\b|\bquervain\w*/i, regionBit('wrist-hand')],
  [/\bankles?\b|\bfoot\b|\bfeet\b|\btoes?\b|\bheels?\b|\bplantar\b|\bachilles\b|\bmetatars\w*/i, regionBit('ankle-foot')],
];

// Any region word at all: most items (drugs, therapy without a site) stop at this one test.
const ANY_REGION = new RegExp(REGION_WORDS.map(([p]) => p.source).join('|'), 'i');

/** The regions the item's text names, as a mask; 0 when it names none (drugs, therapy without a site, …). */
export function itemRegions(text: string): number {
  if (!ANY_REGION.test(text)) return 0;
  const cleaned = text.replace(NOT_A_REGION, ' ');
  let mask = 0;
  for (const [pattern, bits] of REGION_WORDS) if (pattern.test(cleaned)) mask |= bits;
  return mask;
}
