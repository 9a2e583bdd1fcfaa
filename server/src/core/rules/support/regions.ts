// Body regions of a disputed item, read from its words (format guide §12): spinal levels, "cervical",
// "lumbar", "shoulder", "knee", "wrist"/"hand", "elbow", "ankle"/"foot". Regions are those of citations.ts
// (MTUS_TITLES, odgChapterRegion), so an item's region and a cited chapter's region compare directly.
// A set of regions is a bit mask: this runs on every item of every letter.
import type { BodyRegion } from '../../guidelines';

/** The regions a chapter can be "about" and so mismatch; general, mental and eye chapters never do. */
export type LimbRegion = Extract<
  BodyRegion,
  'cervical' | 'lumbar' | 'shoulder' | 'knee' | 'elbow' | 'wrist-hand' | 'ankle-foot'
>;

const LIMB_REGIONS: readonly LimbRegion[] = [
  'cervical',
  'lumbar',
  'shoulder',
  'knee',
  'elbow',
  'wrist-hand',
  'ankle-foot',
];

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
  return LIMB_REGIONS.filter((_, k) => mask & (1 << k))
    .map((r) => REGION_NAMES[r])
    .join(' or ');
}

// Words that name a device, not the body part it is used on: a knee scooter serves a foot injury.
const NOT_A_REGION = /\bknee\s+(?:scooters?|walkers?)\b|\bhand[-\s]?held\b/gi;

// Each region's words, every one starting at a word boundary: the `\b` is written once, in REGION_SCAN.
const REGION_WORDS: ReadonlyArray<readonly [words: string, bits: number]> = [
  [String.raw`cervical\b|neck\b|C[1-8]\b`, regionBit('cervical')],
  [String.raw`lumbar\b|lumbosacral\b|low(?:er)?\s+back\b|L[1-5]\b|S1\b`, regionBit('lumbar')],
  // The thoracic spine sits between the Neck and Upper Back and the Low Back chapters; letters cite either.
  [
    String.raw`thoracic\b|(?:upper|mid(?:dle)?)\s+back\b|T(?:[1-9]|1[0-2])\b`,
    regionBit('cervical') | regionBit('lumbar'),
  ],
  [String.raw`shoulders?\b|rotator\s+cuff\b|subacromial\b|acromio\w*`, regionBit('shoulder')],
  [String.raw`knees?\b|menisc\w*|patell\w*|ACL\b`, regionBit('knee')],
  [String.raw`elbows?\b|epicondyl\w*|cubital\b|olecranon\b`, regionBit('elbow')],
  [String.raw`wrists?\b|hands?\b|fingers?\b|thumbs?\b|carpal\b|quervain\w*`, regionBit('wrist-hand')],
  [String.raw`ankles?\b|foot\b|feet\b|toes?\b|heels?\b|plantar\b|achilles\b|metatars\w*`, regionBit('ankle-foot')],
];

// All region words in one pattern, one group per region: a single scan of the item's text finds every
// region it names. A match never hides another region's: no two regions' words start alike, and the only
// words inside a match ("back" of "low back", "cuff" of "rotator cuff") name no region. One leading `\b`
// for all the words, rather than one per word, halves the scan.
const REGION_SCAN = new RegExp(String.raw`\b(?:${REGION_WORDS.map(([words]) => `(${words})`).join('|')})`, 'gi');

/** REGION_SCAN's group k + 1 names the regions REGION_BITS[k]. */
const REGION_BITS = REGION_WORDS.map(([, bits]) => bits);

function regionsNamed(text: string): number {
  let mask = 0;
  REGION_SCAN.lastIndex = 0;
  for (let m = REGION_SCAN.exec(text); m; m = REGION_SCAN.exec(text)) {
    // The one group that matched says which region (indexed: no iterator or pair per match).
    for (let k = 0; k < REGION_BITS.length; k++) {
      if (m[k + 1] === undefined) continue;
      mask |= REGION_BITS[k] ?? 0;
      break;
    }
  }
  return mask;
}

/** The regions the item's text names, as a mask; 0 when it names none (drugs, therapy without a site, …). */
export function itemRegions(text: string): number {
  const mask = regionsNamed(text);
  if (mask === 0) return 0; // most items (drugs, therapy without a site) stop after this one scan
  // Device words are read out of the text only now: "knee scooter" names no knee.
  NOT_A_REGION.lastIndex = 0;
  return NOT_A_REGION.test(text) ? regionsNamed(text.replace(NOT_A_REGION, ' ')) : mask;
}
