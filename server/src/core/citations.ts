// Reads the body of a `Claims Administrator guideline:` / `MAXIMUS guideline:` field into citations, per the
// citation grammar of the format guide (§6). Pure. Kept linear: indexOf, one slice per citation and per part,
// and regexes that are either anchored/sticky or free of nested quantifiers.
import type { Citation, GuidelineBody, MtusPart, PageRef, Party, Range, SectionRef } from './model';
import { MTUS_TITLES, ODG_CHAPTER, titleKey } from './guidelines';
import { isSpaceOrBreak as isSpace } from './text/chars';
import { isEcmaWhiteSpace } from './text/whitespace';

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
const NON_MTUS_LEAD = /^(Non[-\s]?MTUS(?:\s+Citation)?)\s*:?\s*/i;
const ERA1_ACOEM = /^ACOEM\b(?:\s*Chapter\s*(\d{1,3})(?!\d))?\s*/i;
const ERA1_CHRONIC_PAIN = /^Chronic\s+Pain\s+(?:Medical\s+)?Treatment(?:\s+Guidelines)?$/i;
const ANY_YEAR = new RegExp(String.raw`\b${YEAR}`);
const SECTION_LABEL = /Sections?(?:\(s\))?\s*:/i;
const PAGE_LABEL = /Pages?(?:\(s\))?\s*:|Page\(s\)/i;
const PAGE_REF = /\s*(\d{1,6})(?:\s*[-\u2013]\s*(\d{1,6}))?(?!\d)/y;
const PAGE_SEPARATOR = /\s*(?:,\s*(?:and\b)?|&|and\b)/y;
const BARE_PAGES = /^\d{1,5}(?:\s*[-\u2013]\s*\d{1,5})?$/;
const SECTION_NUMBER = /^\d+(?:\.\d+)*\.?\s+\S/;
const SECTION_NUMBER_START = /^\d+(?:\.\d+)*\.?\s/;
const ACRONYM_THEN_LOWERCASE = /^[A-Z]{2,}\s+[a-z]/;
const ODG_NAME =
  /\(ODG\)\s*Official\s+Disability\s+Guidelines|Official\s+Disability\s+Guidelines(?:\s*\(ODG\))?|\bODG\b/i;
const ACOEM_NAME =
  /\bACOEM\s+Occupational\s+Medicine\s+Practice\s+Guidelines|Occupational\s+Medicine\s+Practice\s+Guidelines|\bACOEM\b/i;
const ODG_CHAPTER_PREFIX = new RegExp(String.raw`[\s,:;\-\u2013\u2014]*(?:Chapter\s*:?\s*)?(?:${YEAR}\s*,?\s*)?`, 'iy');

/** Source range of body text `[start, end)`. */
export type ToRange = (start: number, end: number) => Range;

export function parseGuidelineBody(text: string, toRange: ToRange): GuidelineBody {
  const body: GuidelineBody = { noEvidence: false, outsideMtus: false, citations: [] };
  // Most bodies open with their first citation: a startsWith spares the search.
  const first = text.startsWith(CITATION_LEAD) ? 0 : text.indexOf(CITATION_LEAD);
  readLeadIn(text.slice(0, first < 0 ? text.length : first), body, toRange);
  for (let at = first; at >= 0;) {
    const next = text.indexOf(CITATION_LEAD, at + CITATION_LEAD.length);
    body.citations.push(readCitation(text, at + CITATION_LEAD.length, next < 0 ? text.length : next, toRange));
    at = next;
  }
  return body;
}

/** The sentences before the first citation: no-evidence, or the "outside the MTUS" notice. */
function readLeadIn(lead: string, body: GuidelineBody, toRange: ToRange): void {
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
function readCitation(text: string, from: number, to: number, toRange: ToRange): Citation {
  const start = skipSpace(text, from, to);
  let end = trimSpace(text, start, to);
  if (end > start && text.charCodeAt(end - 1) === 0x2e /* . */) end = trimSpace(text, start, end - 1);
  const written = text.slice(start, end);
  const citation: Citation = { kind: 'non-mtus', text: written, parts: [], range: toRange(start, end) };
  // Ranges of offsets into `written`.
  const at: ToRange = (s, e) => toRange(start + s, start + e);
  const mtus = startsWithLetter(written, 'm') ? MTUS_LEAD.exec(written) : null;
  if (mtus) {
    citation.kind = 'mtus';
    citation.leadRange = at(0, 'MTUS'.length);
    citation.parts = readMtusParts(written, mtus[0].length, at);
  } else {
    describeNonMtus(citation, written, at);
  }
  return citation;
}

/** Splits `MTUS <part>, and <part>…` only before `, and ` + a known part start (titles contain `, and `). */
function readMtusParts(written: string, from: number, at: ToRange): MtusPart[] {
  const parts: MtusPart[] = [];
  let partStart = from;
  PART_JOINER.lastIndex = from;
  for (let joiner = PART_JOINER.exec(written); joiner; joiner = PART_JOINER.exec(written)) {
    PART_START.lastIndex = joiner.index + joiner[0].length;
    if (!PART_START.test(written)) continue;
    pushMtusPart(parts, written, partStart, joiner.index, at);
    partStart = joiner.index + joiner[0].length;
  }
  pushMtusPart(parts, written, partStart, written.length, at);
  return parts;
}

function pushMtusPart(parts: MtusPart[], written: string, from: number, to: number, toRange: ToRange): void {
  const start = skipSpace(written, from, to);
  let end = to;
  while (end > start && (isSpace(written.charCodeAt(end - 1)) || written.charCodeAt(end - 1) === 0x2c) /* , */) end--;
  if (end === start) return;
  const raw = written.slice(start, end);
  // Ranges of offsets into `raw`.
  const at: ToRange = (s, e) => toRange(start + s, start + e);
  const sectionLabel = SECTION_LABEL.exec(raw);
  const pageLabel = PAGE_LABEL.exec(raw);
  const sectionAt = sectionLabel ? sectionLabel.index : raw.length;
  const pageAt = pageLabel ? pageLabel.index : raw.length;
  const headEnd = Math.min(sectionAt, pageAt);
  // Built in place, not by spreading: object spread costs microseconds per part in V8.
  const part: MtusPart = { title: '', pages: [], sections: [], range: at(0, raw.length) };
  readTitle(raw.slice(0, headEnd).trim(), part);
  const titleEnd = trimCommaSpace(raw, headEnd);
  if (titleEnd > 0) part.titleRange = at(0, titleEnd);
  if (sectionLabel) {
    const listStart = sectionAt + sectionLabel[0].length;
    part.sections = readSections(raw, listStart, pageAt > sectionAt ? pageAt : raw.length, at, part.pages);
  }
  if (pageLabel) {
    const listStart = pageAt + pageLabel[0].length;
    readPages(raw.slice(listStart, sectionAt > pageAt ? sectionAt : raw.length), listStart, part.pages, at);
  }
  parts.push(part);
}

/** Where `s[0, to)` ends without its trailing commas and spaces. */
function trimCommaSpace(s: string, to: number): number {
  while (to > 0 && (s.charCodeAt(to - 1) === 0x20 || s.charCodeAt(to - 1) === 0x2c)) to--;
  return to;
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
  // Indexed, not destructured: destructuring a match runs the iterator protocol, a few hundred ns.
  const known = KNOWN_TITLE_YEAR.exec(head);
  const knownTitle = known?.[1];
  const knownYear = known?.[2];
  if (knownTitle !== undefined) {
    part.title = canonicalTitle(knownTitle);
    part.year = Number(knownYear);
    return;
  }
  const year = ANY_YEAR.exec(head);
  part.title = year ? head.slice(0, year.index).trim() : stripGuidelines(head);
  if (year) part.year = Number(year[0]);
}

/**
 * Reads the section list `raw[from, to)`, split on `, `. Section names can hold commas, so, from the corpus:
 * - numbered lists (Opioid Treatment 2016: `3.3.1.1 …: Screening …, Prior to Chronic …`) split only before a
 *   section number;
 * - otherwise a piece starting lowercase continues the previous one (`TENS, chronic pain (…)`,
 *   `Ultrasound, therapeutic`, `Opioids, criteria for use`), and so does an acronym + lowercase word after a
 *   one-word piece (`NSAIDs, GI symptoms & cardiovascular risk`). Capitalised pieces are new sections
 *   (`Special Studies, Summary`, `Recommendations, Radial Head Fracture`).
 * A bare number in the list (`Section(s): 326`) is a page reference too: it goes to `pages` as well.
 */
function readSections(raw: string, from: number, to: number, at: ToRange, pages: PageRef[]): SectionRef[] {
  // Each section's name and its [start, end) in `raw`.
  const found: { name: string; start: number; end: number }[] = [];
  const pieces = splitAtCommaSpace(raw, from, to);
  let numbered = false;
  for (let k = 0; k < pieces.length; k += 2) {
    const pieceStart = pieces[k];
    const pieceEnd = pieces[k + 1];
    if (pieceStart === undefined || pieceEnd === undefined) break; // pieces come in pairs
    const start = skipEcmaSpace(raw, pieceStart, pieceEnd);
    const end = trimEcmaSpace(raw, start, pieceEnd);
    const piece = raw.slice(start, end);
    if (k === 0) numbered = startsWithDigit(piece) && SECTION_NUMBER.test(piece);
    if (!piece) continue;
    const last = found.at(-1);
    if (last && continuesSection(last.name, piece, numbered)) {
      last.name += `, ${piece}`;
      last.end = end;
    } else {
      found.push({ name: piece, start, end });
    }
  }
  return found.map(({ name, start, end }) => {
    const section: SectionRef = { name, range: at(start, end) };
    if (startsWithDigit(name) && BARE_PAGES.test(name)) readPages(name, start, pages, at);
    return section;
  });
}

/** `raw[from, to)` split between a comma and white space, as [start, end) offset pairs (pieces untrimmed). */
function splitAtCommaSpace(raw: string, from: number, to: number): number[] {
  const pieces: number[] = [];
  let start = from;
  for (let comma = raw.indexOf(',', from); comma >= 0 && comma < to; comma = raw.indexOf(',', comma + 1)) {
    let end = comma + 1;
    while (end < to && isEcmaWhiteSpace(raw.charCodeAt(end))) end++;
    if (end === comma + 1) continue;
    pieces.push(start, comma);
    start = end;
  }
  pieces.push(start, to);
  return pieces;
}

function continuesSection(previous: string, piece: string, numbered: boolean): boolean {
  if (numbered) return !(startsWithDigit(piece) && SECTION_NUMBER_START.test(piece));
  const first = piece.charCodeAt(0);
  if (first >= 0x61 && first <= 0x7a) return true; // a lowercase start
  return first >= 0x41 && first <= 0x5a && !previous.includes(' ') && ACRONYM_THEN_LOWERCASE.test(piece);
}

/** `300`, `92,127`, `300-301 and 617-25` (an abbreviated end takes the start's leading digits: 617-625). */
/** `list` stands at `offset` of the text `toRange` reads. */
function readPages(list: string, offset: number, pages: PageRef[], toRange: ToRange): void {
  for (let at = 0; ;) {
    PAGE_REF.lastIndex = at;
    const ref = PAGE_REF.exec(list);
    if (!ref) break;
    // The match's leading white space holds no digit: the first digit starts the reference.
    const whole = ref[0];
    const from = ref[1];
    const to = ref[2];
    if (from === undefined) break; // the pattern always captures the first page
    const start = offset + ref.index + whole.indexOf(from);
    pages.push(pageRef(from, to, toRange(start, offset + PAGE_REF.lastIndex)));
    PAGE_SEPARATOR.lastIndex = PAGE_REF.lastIndex;
    if (!PAGE_SEPARATOR.test(list)) break;
    at = PAGE_SEPARATOR.lastIndex;
  }
}

function pageRef(fromDigits: string, toDigits: string | undefined, range: Range): PageRef {
  const from = Number(fromDigits);
  if (toDigits === undefined) return { from, range };
  let to = Number(toDigits);
  if (to < from && toDigits.length < fromDigits.length) {
    to = Number(fromDigits.slice(0, fromDigits.length - toDigits.length) + toDigits);
  }
  return { from, to, range };
}

/** Names the source family of free text; for ODG also the chapter named right after the source. */
function describeNonMtus(citation: Citation, written: string, at: ToRange): void {
  const lead = startsWithLetter(written, 'n') ? NON_MTUS_LEAD.exec(written) : null;
  const leadWord = lead?.[1];
  if (leadWord !== undefined) citation.leadRange = at(0, leadWord.length);
  if ((lead ? lead[0].length : 0) >= written.length) return;
  const odg = ODG_NAME.exec(written);
  const acoem = ACOEM_NAME.exec(written);
  if (odg && (!acoem || odg.index <= acoem.index)) {
    citation.source = 'ODG';
    citation.sourceRange = at(odg.index, odg.index + odg[0].length);
    readOdgChapter(citation, written, odg.index + odg[0].length, at);
  } else if (acoem) {
    citation.source = 'ACOEM';
    citation.sourceRange = at(acoem.index, acoem.index + acoem[0].length);
  } else {
    citation.source = 'other';
  }
}

/** The chapter just after the ODG name, skipping separators, `Chapter:` and a year: `(ODG), 2016, Neck …`. */
function readOdgChapter(citation: Citation, written: string, from: number, at: ToRange): void {
  ODG_CHAPTER_PREFIX.lastIndex = from;
  ODG_CHAPTER_PREFIX.exec(written);
  const start = (ODG_CHAPTER.lastIndex = ODG_CHAPTER_PREFIX.lastIndex);
  const chapter = ODG_CHAPTER.exec(written)?.[0];
  if (!chapter) return;
  citation.chapter = chapter;
  citation.chapterRange = at(start, start + chapter.length);
}

const EXACT_TITLES = [...new Set(MTUS_TITLES.map((t) => t.title))];
const TITLE_BY_KEY = new Map(MTUS_TITLES.map((t) => [titleKey(t.title), t.title]));

function canonicalTitle(written: string): string {
  // The usual case, without normalising. A length test first: cheaper than hashing a fresh string for a Set.
  // The table's own string is returned, not the equal one just read: a rule that looks the title up in a
  // Map (IMR013, per part of every citation) then finds its hash already computed.
  for (const title of EXACT_TITLES) if (title.length === written.length && title === written) return title;
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

function skipSpace(s: string, from: number, to: number): number {
  while (from < to && isSpace(s.charCodeAt(from))) from++;
  return from;
}

function trimSpace(s: string, from: number, to: number): number {
  while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
  return to;
}

/** skipSpace and trimSpace over ECMAScript white space: what `String.prototype.trim` removes. */
function skipEcmaSpace(s: string, from: number, to: number): number {
  while (from < to && isEcmaWhiteSpace(s.charCodeAt(from))) from++;
  return from;
}

function trimEcmaSpace(s: string, from: number, to: number): number {
  while (to > from && isEcmaWhiteSpace(s.charCodeAt(to - 1))) to--;
  return to;
}
