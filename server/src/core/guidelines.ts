// The guidelines letters cite (format guide §6): the MTUS titles with their ACOEM chapters, and the ODG
// chapter names, each with the body region it covers. Pure tables and lookups.
import type { MtusPart } from './model';

export type BodyRegion =
  'cervical' | 'lumbar' | 'shoulder' | 'knee' | 'elbow' | 'wrist-hand' | 'ankle-foot' | 'general' | 'mental' | 'eye';

export interface MtusTitle {
  /** Spelling used by era-2 letters, e.g. `Neck and Upper Back Complaints`. */
  readonly title: string;
  readonly year: number;
  /** ACOEM 2nd-edition chapter (§6 "ACOEM chapters") when the title is one; era 1 cites it by number. */
  readonly chapter?: number;
  readonly region: BodyRegion;
}

export const MTUS_TITLES: readonly MtusTitle[] = [
  { title: 'Chronic Pain Medical Treatment', year: 2016, region: 'general' },
  { title: 'Chronic Pain Medical Treatment', year: 2009, region: 'general' },
  { title: 'Low Back Complaints', year: 2004, chapter: 12, region: 'lumbar' },
  { title: 'Neck and Upper Back Complaints', year: 2004, chapter: 8, region: 'cervical' },
  { title: 'Shoulder Complaints', year: 2004, chapter: 9, region: 'shoulder' },
  { title: 'Knee Complaints', year: 2004, chapter: 13, region: 'knee' },
  { title: 'Acupuncture Treatment', year: 2007, region: 'general' },
  { title: 'Opioid Treatment', year: 2016, region: 'general' },
  { title: 'Forearm, Wrist, and Hand Complaints', year: 2004, chapter: 11, region: 'wrist-hand' },
  // Covers the general chapters (Prevention … Cornerstones); §6 lists chapter 3, Initial Approaches.
  { title: 'General Approaches', year: 2004, chapter: 3, region: 'general' },
  // The 2007 revision of chapter 10, with its own pagination.
  { title: 'Elbow Complaints', year: 2007, chapter: 10, region: 'elbow' },
  { title: 'Ankle and Foot Complaints', year: 2004, chapter: 14, region: 'ankle-foot' },
  { title: 'Stress-Related Conditions', year: 2004, chapter: 15, region: 'mental' },
  { title: 'Postsurgical Treatment', year: 2009, region: 'general' },
  // [recall] Not in the corpus: title spelling and year unverified.
  { title: 'Eye', year: 2004, chapter: 16, region: 'eye' },
];

/** The MTUS title a part cites: by title (preferring the same year), else by era-1 chapter number. */
export function lookupMtusTitle(part: Pick<MtusPart, 'title' | 'year' | 'chapter'>): MtusTitle | undefined {
  const key = titleKey(part.title);
  const byTitle = MTUS_TITLES.filter((t) => titleKey(t.title) === key);
  return (
    byTitle.find((t) => t.year === part.year) ??
    byTitle[0] ??
    (part.chapter === undefined ? undefined : MTUS_TITLES.find((t) => t.chapter === part.chapter))
  );
}

// ODG chapter names as letters write them (`&` or `and`, optional dashes and commas). Hip and head chapters
// have no MTUS region, so they map to undefined but are still recognised as chapters. Gaps are bounded
// (`\s{0,3}`) so that long runs of spaces cannot make the regex backtrack quadratically.
const S = String.raw`\s{0,3}`;
const AND = `${S}(?:&|and)${S}`;
const ODG_CHAPTERS: ReadonlyArray<readonly [pattern: string, region: BodyRegion | undefined]> = [
  [`low${S}back(?:${S}(?:[-–,&]|and)?${S}(?:lumbar${AND})?thoracic)?`, 'lumbar'],
  [`neck${AND}upper${S}back`, 'cervical'],
  ['shoulder', 'shoulder'],
  [`knee(?:${AND}leg)?`, 'knee'],
  ['elbow', 'elbow'],
  [`forearm,?${S}wrist,?${AND}hand`, 'wrist-hand'],
  [`carpal${S}tunnel${S}syndrome`, 'wrist-hand'],
  [`ankle${AND}foot`, 'ankle-foot'],
  [`mental${S}illness${AND}stress`, 'mental'],
  ['eye', 'eye'],
  ['pain', 'general'],
  ['preface', 'general'],
  [`fitness${S}for${S}duty`, 'general'],
  [`hips?${AND}pelvis`, undefined],
  ['head', undefined],
  [`traumatic${S}brain${S}injury`, undefined],
];
const CHAPTER_QUALIFIER = String.raw`(?:${S}\((?:acute|chronic)[^()]{0,40}\))?(?![a-z])`;
/** An ODG chapter name, sticky: set `lastIndex` to where it may start. */
export const ODG_CHAPTER = new RegExp(
  `(?:${ODG_CHAPTERS.map(([p]) => `(?:${p})`).join('|')})${CHAPTER_QUALIFIER}`,
  'iy',
);
const ODG_CHAPTER_TESTS = ODG_CHAPTERS.map(([p, region]) => [new RegExp(`^(?:${p})(?![a-z])`, 'i'), region] as const);

/** Body region of an ODG chapter name such as `Knee & Leg`; undefined when unknown or without a region. */
export function odgChapterRegion(chapter: string): BodyRegion | undefined {
  const name = chapter.trim();
  for (const [test, region] of ODG_CHAPTER_TESTS) if (test.test(name)) return region;
  return undefined;
}

/** A title compared without case and with white space runs as one space. */
export function titleKey(title: string): string {
  return title.replace(/\s+/g, ' ').toLowerCase();
}
