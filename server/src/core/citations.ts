// Reads the body of a `Claims Administrator guideline:` / `MAXIMUS guideline:` field into citations, per the
// citation grammar of the format guide (§6). Pure. Kept linear: indexOf, one slice per citation and per part,
// and regexes that are either anchored/sticky or free of nested quantifiers.
import type { Citation, GuidelineBody, MtusPart, PageRef, Party, Range } from './model';
import { isEcmaWhiteSpace } from './text/whitespace';

export type BodyRegion =
  | 'cervical' | 'lumbar' | 'shoulder' | 'knee' | 'elbow' | 'wrist-hand' | 'ankle-foot' | 'general' | 'mental' | 'eye';

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
const ODG_CHAPTER = new RegExp(`(?:${ODG_CHAPTERS.map(([p]) => `(?:${p})`).join('|')})${CHAPTER_QUALIFIER}`, 'iy');
const ODG_CHAPTER_TESTS = ODG_CHAPTERS.map(([p, region]) => [new RegExp(`^(?:${p})(?![a-z])`, 'i'), region] as const);

/** Body region of an ODG chapter name such as `Knee & Leg`; undefined when unknown or without a region. */
export function odgChapterRegion(chapter: string): BodyRegion | undefined {
  const name = chapter.trim();
  for (const [test, region] of ODG_CHAPTER_TESTS) if (test.test(name)) return region;
  return undefined;
}

const CITATION_LEAD = 'Decision based on';
const PARTY = String.raw`(?:(?:The\s+)?(Claims\s+Administrator|Expert\s+Reviewer)\s+)?`;
const NO_EVIDENCE = new RegExp(
  PARTY + String.raw`did\s+not\s+cite\s+any\s+medical\s+evidence(?:\s+for\s+(?:its|their)\s+decision)?(?:\s*\.)?`,
  'i',
);
const OUTSIDE_MTUS = new RegExp(
  PARTY +
    String.raw`(?:did\s+not\s+base\s+(?:their|its)\s+decision\s+on\s+the\s+MTUS` +
    String.raw`|based\s+(?:their|its)\s+decision\s+on\s+recommendations?(?:\(s\))?\s+outside\s+(?:of\s+)?the\s+MTUS)`,
  'i',
);

const escapeTitle = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, String.raw`\s+`);
const TITLE_ALTERNATION = [...new Set(MTUS_TITLES.map((t) => t.title))].map(escapeTitle).join('|');
const YEAR = String.raw`(?:19|20)\d\d(?!\d)`;
const KNOWN_TITLE_YEAR = new RegExp(String.raw`(${TITLE_ALTERNATION})\s+(${YEAR})`, 'iy');
/** What may follow `, and ` to start a new part; other `, and `s belong to a title or section. */
const PART_START = new RegExp(
  String.raw`(?:${TITLE_ALTERNATION})\s+${YEAR}|ACOEM\b|Chronic\s+Pain\s+(?:Medical\s+)?Treatment\s+Guidelines\b`,
  'iy',
);
const PART_JOINER = /,\s+and\s+/g;
const MTUS_LEAD = /^MTUS\b[\s:,]*/i;
const NON_MTUS_LEAD = /^Non[-\s]?MTUS(?:\s+Citation)?\s*:?\s*/i;
const ERA1_ACOEM = /^ACOEM\b(?:\s*Chapter\s*(\d{1,3})(?!\d))?\s*/i;
const ERA1_CHRONIC_PAIN = /^Chronic\s+Pain\s+(?:Medical\s+)?Treatment(?:\s+Guidelines)?$/i;
const ANY_YEAR = new RegExp(String.raw`\b${YEAR}`);
const SECTION_LABEL = /Sections?(?:\(s\))?\s*:/i;
const PAGE_LABEL = /Pages?(?:\(s\))?\s*:|Page\(s\)/i;
const PAGE_REF = /\s*(\d{1,6})(?:\s*[-–]\s*(\d{1,6}))?(?!\d)/y;
const PAGE_SEPARATOR = /\s*(?:,\s*(?:and\b)?|&|and\b)/y;
const BARE_PAGES = /^\d{1,5}(?:\s*[-–]\s*\d{1,5})?$/;
const SECTION_NUMBER = /^\d+(?:\.\d+)*\.?\s+\S/;
const SECTION_NUMBER_START = /^\d+(?:\.\d+)*\.?\s/;
const ACRONYM_THEN_LOWERCASE = /^[A-Z]{2,}\s+[a-z]/;
const ODG_NAME = /\(ODG\)\s*Official\s+Disability\s+Guidelines|Official\s+Disability\s+Guidelines(?:\s*\(ODG\))?|\bODG\b/i;
const ACOEM_NAME = /\bACOEM\b|Occupational\s+Medicine\s+Practice\s+Guidelines/i;
const ODG_CHAPTER_PREFIX = new RegExp(String.raw`[\s,:;\-–—]*(?:Chapter\s*:?\s*)?(?:${YEAR}\s*,?\s*)?`, 'iy');

export function parseGuidelineBody(text: string, toRange: (start: number, end: number) => Range): GuidelineBody {
  const body: GuidelineBody = { noEvidence: false, outsideMtus: false, citations: [] };
  const first = text.indexOf(CITATION_LEAD);
  readLeadIn(text.slice(0, first < 0 ? text.length : first), body, toRange);
  for (let at = first; at >= 0; ) {
    const next = text.indexOf(CITATION_LEAD, at + CITATION_LEAD.length);
    body.citations.push(readCitation(text, at + CITATION_LEAD.length, next < 0 ? text.length : next, toRange));
    at = next;
  }
  return body;
}

/** The sentences before the first citation: no-evidence, or the "outside the MTUS" notice. */
function readLeadIn(lead: string, body: GuidelineBody, toRange: (start: number, end: number) => Range): void {
  if (lead.length < 3) return; // most bodies start with their first citation
  const noEvidence = NO_EVIDENCE.exec(lead);
  if (noEvidence) {
    body.noEvidence = true;
    body.noEvidenceRange = toRange(noEvidence.index, noEvidence.index + noEvidence[0].length);
    setParty(body, noEvidence[1]);
  }
  const outside = OUTSIDE_MTUS.exec(lead);
  if (outside) {
    body.outsideMtus = true;
    setParty(body, outside[1]);
  }
}

function setParty(body: GuidelineBody, written: string | undefined): void {
  if (written === undefined || body.party !== undefined) return;
  const party: Party = /^claims/i.test(written) ? 'Claims Administrator' : 'Expert Reviewer';
  body.party = party;
}

/** One citation: `text[from, to)` is what follows `Decision based on`, up to the next one. */
function readCitation(text: string, from: number, to: number, toRange: (s: number, e: number) => Range): Citation {
  const start = skipSpace(text, from, to);
  let end = trimSpace(text, start, to);
  if (end > start && text.charCodeAt(end - 1) === 0x2e /* . */) end = trimSpace(text, start, end - 1);
  const written = text.slice(start, end);
  const citation: Citation = { kind: 'non-mtus', text: written, parts: [], start, end, range: toRange(start, end) };
  const mtus = startsWithLetter(written, 'm') ? MTUS_LEAD.exec(written) : null;
  if (mtus) {
    citation.kind = 'mtus';
    citation.parts = readMtusParts(written, mtus[0].length, start);
  } else {
    describeNonMtus(citation, written);
  }
  return citation;
}

/** Splits `MTUS <part>, and <part>…` only before `, and ` + a known part start (titles contain `, and `). */
function readMtusParts(written: string, from: number, base: number): MtusPart[] {
  const parts: MtusPart[] = [];
  let partStart = from;
  PART_JOINER.lastIndex = from;
  for (let joiner = PART_JOINER.exec(written); joiner; joiner = PART_JOINER.exec(written)) {
    PART_START.lastIndex = joiner.index + joiner[0].length;
    if (!PART_START.test(written)) continue;
    pushMtusPart(parts, written, partStart, joiner.index, base);
    partStart = joiner.index + joiner[0].length;
  }
  pushMtusPart(parts, written, partStart, written.length, base);
  return parts;
}

function pushMtusPart(parts: MtusPart[], written: string, from: number, to: number, base: number): void {
  const start = skipSpace(written, from, to);
  let end = to;
  while (end > start && (isSpace(written.charCodeAt(end - 1)) || written.charCodeAt(end - 1) === 0x2c /* , */)) end--;
  if (end === start) return;
  const raw = written.slice(start, end);
  const sectionLabel = SECTION_LABEL.exec(raw);
  const pageLabel = PAGE_LABEL.exec(raw);
  const sectionAt = sectionLabel ? sectionLabel.index : raw.length;
  const pageAt = pageLabel ? pageLabel.index : raw.length;
  // Built in place, not by spreading: object spread costs microseconds per part in V8.
  const part: MtusPart = { title: '', pages: [], sections: [], start: base + start, end: base + end };
  readTitle(raw.slice(0, Math.min(sectionAt, pageAt)).trim(), part);
  if (sectionLabel) {
    part.sections = readSections(raw.slice(sectionAt + sectionLabel[0].length, pageAt > sectionAt ? pageAt : raw.length));
    // A bare number in a section list (`Section(s): 326`) is a page reference.
    for (const section of part.sections) if (startsWithDigit(section) && BARE_PAGES.test(section)) readPages(section, part.pages);
  }
  if (pageLabel) readPages(raw.slice(pageAt + pageLabel[0].length, sectionAt > pageAt ? sectionAt : raw.length), part.pages);
  parts.push(part);
}

/** Fills title, year and era-1 chapter from a part's head (the text before `Section(s):` / `Page(s):`). */
function readTitle(head: string, part: MtusPart): void {
  const era1 = startsWithLetter(head, 'a') ? ERA1_ACOEM.exec(head) : null;
  if (era1) {
    const rest = stripGuidelines(head.slice(era1[0].length));
    part.title = rest ? canonicalTitle(rest) : 'ACOEM';
    if (era1[1]) part.chapter = Number(era1[1]);
    return;
  }
  if (mayBeEra1ChronicPain(head) && ERA1_CHRONIC_PAIN.test(head)) {
    part.title = 'Chronic Pain Medical Treatment';
    return;
  }
  KNOWN_TITLE_YEAR.lastIndex = 0;
  const known = KNOWN_TITLE_YEAR.exec(head);
  if (known) {
    part.title = canonicalTitle(known[1]!);
    part.year = Number(known[2]);
    return;
  }
  const year = ANY_YEAR.exec(head);
  part.title = year ? head.slice(0, year.index).trim() : stripGuidelines(head);
  if (year) part.year = Number(year[0]);
}

/**
 * Splits a section list on `, `. Section names can hold commas, so, from the corpus:
 * - numbered lists (Opioid Treatment 2016: `3.3.1.1 …: Screening …, Prior to Chronic …`) split only before a
 *   section number;
 * - otherwise a piece starting lowercase continues the previous one (`TENS, chronic pain (…)`,
 *   `Ultrasound, therapeutic`, `Opioids, criteria for use`), and so does an acronym + lowercase word after a
 *   one-word piece (`NSAIDs, GI symptoms & cardiovascular risk`). Capitalised pieces are new sections
 *   (`Special Studies, Summary`, `Recommendations, Radial Head Fracture`).
 */
function readSections(list: string): string[] {
  const sections: string[] = [];
  const pieces = splitAtCommaSpace(list);
  const head = pieces[0]!.trim();
  const numbered = startsWithDigit(head) && SECTION_NUMBER.test(head);
  for (const rawPiece of pieces) {
    const piece = rawPiece.trim();
    if (!piece) continue;
    const last = sections.length - 1;
    if (last >= 0 && continuesSection(sections[last]!, piece, numbered)) sections[last] += `, ${piece}`;
    else sections.push(piece);
  }
  return sections;
}

/** `list.split(/,\s+/)`, without the regex split machinery: the pieces between a comma and white space. */
function splitAtCommaSpace(list: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let comma = list.indexOf(','); comma >= 0; comma = list.indexOf(',', comma + 1)) {
    let end = comma + 1;
    while (end < list.length && isEcmaWhiteSpace(list.charCodeAt(end))) end++;
    if (end === comma + 1) continue;
    pieces.push(list.slice(start, comma));
    start = end;
  }
  pieces.push(list.slice(start));
  return pieces;
}

function continuesSection(previous: string, piece: string, numbered: boolean): boolean {
  if (numbered) return !(startsWithDigit(piece) && SECTION_NUMBER_START.test(piece));
  const first = piece.charCodeAt(0);
  if (first >= 0x61 && first <= 0x7a) return true; // a lowercase start
  return first >= 0x41 && first <= 0x5a && !previous.includes(' ') && ACRONYM_THEN_LOWERCASE.test(piece);
}

/** `300`, `92,127`, `300-301 and 617-25` (an abbreviated end takes the start's leading digits: 617-625). */
function readPages(list: string, pages: PageRef[]): void {
  for (let at = 0; ; ) {
    PAGE_REF.lastIndex = at;
    const ref = PAGE_REF.exec(list);
    if (!ref) break;
    pages.push(pageRef(ref[1]!, ref[2]));
    PAGE_SEPARATOR.lastIndex = at = PAGE_REF.lastIndex;
    if (!PAGE_SEPARATOR.test(list)) break;
    at = PAGE_SEPARATOR.lastIndex;
  }
}

function pageRef(fromDigits: string, toDigits: string | undefined): PageRef {
  const from = Number(fromDigits);
  if (toDigits === undefined) return { from };
  let to = Number(toDigits);
  if (to < from && toDigits.length < fromDigits.length) {
    to = Number(fromDigits.slice(0, fromDigits.length - toDigits.length) + toDigits);
  }
  return { from, to };
}

/** Names the source family of free text; for ODG also the chapter named right after the source. */
function describeNonMtus(citation: Citation, written: string): void {
  const lead = startsWithLetter(written, 'n') ? NON_MTUS_LEAD.exec(written) : null;
  if ((lead ? lead[0].length : 0) >= written.length) return;
  const odg = ODG_NAME.exec(written);
  const acoem = ACOEM_NAME.exec(written);
  if (odg && (!acoem || odg.index <= acoem.index)) {
    citation.source = 'ODG';
    const chapter = readOdgChapter(written, odg.index + odg[0].length);
    if (chapter) citation.chapter = chapter;
  } else {
    citation.source = acoem ? 'ACOEM' : 'other';
  }
}

/** The chapter just after the ODG name, skipping separators, `Chapter:` and a year: `(ODG), 2016, Neck …`. */
function readOdgChapter(written: string, at: number): string | undefined {
  ODG_CHAPTER_PREFIX.lastIndex = at;
  ODG_CHAPTER_PREFIX.exec(written);
  ODG_CHAPTER.lastIndex = ODG_CHAPTER_PREFIX.lastIndex;
  return ODG_CHAPTER.exec(written)?.[0];
}

const EXACT_TITLES = [...new Set(MTUS_TITLES.map((t) => t.title))];
const TITLE_BY_KEY = new Map(MTUS_TITLES.map((t) => [titleKey(t.title), t.title]));

function titleKey(title: string): string {
  return title.replace(/\s+/g, ' ').toLowerCase();
}

function canonicalTitle(written: string): string {
  // The usual case, without normalising. A length test first: cheaper than hashing a fresh string for a Set.
  for (const title of EXACT_TITLES) if (title.length === written.length && title === written) return written;
  return TITLE_BY_KEY.get(titleKey(written)) ?? written;
}

function stripGuidelines(head: string): string {
  const trimmed = head.trim();
  return /(?:^|\s)Guidelines$/i.test(trimmed) ? trimmed.slice(0, -'Guidelines'.length).trim() : trimmed;
}

// Cheap tests on the first or last character, before an anchored regex that needs that character there.
// An ASCII letter in a regex without the `u` flag matches, under `i`, only its two ASCII cases.

/** `s` starts with the ASCII letter `lower` (given in lower case), in either case. */
function startsWithLetter(s: string, lower: string): boolean {
  return (s.charCodeAt(0) | 0x20) === lower.charCodeAt(0);
}

function startsWithDigit(s: string): boolean {
  const c = s.charCodeAt(0);
  return c >= 0x30 && c <= 0x39;
}

/** ERA1_CHRONIC_PAIN needs `Chronic` at the start and `Treatment` or `Guidelines` at the end. */
function mayBeEra1ChronicPain(head: string): boolean {
  const last = head.charCodeAt(head.length - 1) | 0x20;
  return startsWithLetter(head, 'c') && (last === 0x74 || last === 0x73); // t, s
}

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

function skipSpace(s: string, from: number, to: number): number {
  while (from < to && isSpace(s.charCodeAt(from))) from++;
  return from;
}

function trimSpace(s: string, from: number, to: number): number {
  while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
  return to;
}
