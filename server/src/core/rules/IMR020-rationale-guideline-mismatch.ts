// IMR020 rationale-guideline-mismatch: the `MAXIMUS guideline:` field says what the reviewer relied on, and
// the rationale applies it. A rationale that cites a guideline the field does not name ("… the Official
// Disability Guidelines recommend …" under an MTUS-only field) leaves a source of the decision uncited; a
// field naming a guideline the rationale never cites, while the rationale cites another, names a source the
// decision did not use (format guide §6, §11: 8 CCR 9792.21.1, 9792.25.1).
import type { Citation, DisputedItem, Field } from '../model';
import { itemInSentence } from './messages';
import type { Report, Rule } from './types';

type Family = 'MTUS' | 'ODG' | 'ACOEM';

const FAMILY_NAMES: Record<Family, string> = {
  MTUS: 'the MTUS',
  ODG: 'the ODG (Official Disability Guidelines)',
  ACOEM: 'ACOEM',
};

// How a rationale names each family. ACOEM's chapters are MTUS titles (Low Back Complaints is ACOEM chapter 12),
// so a rationale's "ACOEM" fits a field that names the MTUS.
const FAMILY_WORDS: Record<Family, string> = {
  MTUS: String.raw`(?:CA[-\s]?)?MTUS`,
  ODG: String.raw`ODG|Official\s+Disability\s+Guidelines?`,
  ACOEM: 'ACOEM',
};
const FAMILIES = Object.keys(FAMILY_WORDS) as Family[];

/**
 * A pattern naming only `families`. The families' words never overlap (each is whole words, and only the
 * MTUS takes the `CA` before it), so leaving some families out finds the others at the same places: once a
 * family is found, the scan goes on for the rest only, with far fewer matches to stop at.
 */
function mentionPattern(families: readonly Family[]): RegExp {
  return new RegExp(String.raw`\b(?:${families.map((f) => FAMILY_WORDS[f]).join('|')})\b`, 'gi');
}

// Indexed by the bit mask of the families still looked for (bit k: FAMILIES[k]).
const MENTIONS_OF = Array.from({ length: 1 << FAMILIES.length }, (_, mask) =>
  mentionPattern(FAMILIES.filter((_, k) => mask & (1 << k))),
);
const MENTION = mentionPattern(FAMILIES);
const MTUS_WORDS = /Medical\s+Treatment\s+Utilization\s+Schedule|Chronic\s+Pain\s+Medical\s+Treatment\s+Guidelines?/gi;
// A sentence that says a guideline is silent names it without relying on it ("The MTUS and ODG do not
// address Viagra"), and one about utilization review names what UR relied on. Every phrase starts at a word
// boundary: the `\b` is written once, before them all, which makes the test about a third faster.
const NOT_RELIED_ON = new RegExp(
  String.raw`\b(?:` +
    [
      String.raw`(?:do|does|did)(?:\s*not|n['\u2019]t)\s+(?:specifically\s+|directly\s+|clearly\s+)?(?:address|apply|discuss|cover|mention|comment|speak)`,
      String.raw`silent\b`,
      String.raw`not\s+(?:specifically\s+|directly\s+)?(?:addressed|covered|discussed|mentioned|applicable)\b`,
      String.raw`utilization\s+review`,
      String.raw`UR\b`,
      String.raw`claims\s+administrator`,
      String.raw`(?:prior|previous)\s+review`,
    ].join('|') +
    ')',
  'i',
);
/** A sentence ends at `.`, `!` or `?` before white space and a capital, a digit or an opening mark. */
const SENTENCE_END = /[.!?](?=\s+["\u201c(]?[A-Z0-9])/g;

interface Mention {
  family: Family;
  start: number;
  end: number;
}

/** A mention's family, by its first letter (the matches are ASCII): `CA MTUS`, `ODG`, `Official …`, `ACOEM`. */
function familyOf(m: RegExpExecArray): Family {
  const first = m[0].charCodeAt(0) | 0x20;
  if (first === 0x6f) return 'ODG';
  if (first === 0x61) return 'ACOEM';
  return 'MTUS';
}

/** The pattern for the families not yet in `found`, its scan resumed at `from`; undefined when none is left. */
function patternFor(found: ReadonlyMap<Family, unknown>, from: number): RegExp | undefined {
  let mask = 0;
  FAMILIES.forEach((f, k) => {
    if (!found.has(f)) mask |= 1 << k;
  });
  const pattern = mask ? MENTIONS_OF[mask] : undefined;
  if (pattern) pattern.lastIndex = from;
  return pattern;
}

/**
 * The rationale's sentences, walked forward: whether the sentence holding an offset relies on what it names,
 * read once per sentence. Offsets asked for must not decrease.
 */
class Sentences {
  private from = 0;
  private to = 0;
  private relies: boolean | undefined;

  constructor(private readonly text: string) {}

  reliesAt(offset: number): boolean {
    if (this.to === 0 || this.to <= offset) {
      while (this.to <= offset && this.to < this.text.length) {
        this.from = this.to;
        SENTENCE_END.lastIndex = this.from;
        const end = SENTENCE_END.exec(this.text);
        this.to = end ? end.index + 1 : this.text.length;
      }
      this.relies = undefined;
    }
    return (this.relies ??= !NOT_RELIED_ON.test(this.text.slice(this.from, this.to)));
  }

  /** Where the current sentence starts. */
  get start(): number {
    return this.from;
  }
}

/**
 * The first mention of each family in a sentence that relies on it, in text order. Each pattern runs once
 * over the rationale, and only for what it can still add: no mention holds a sentence's end mark, so none
 * crosses a sentence, and a sentence starts after a mark, so word boundaries read alike in the sentence and
 * in the whole. Within a sentence the acronyms come before the MTUS's spelled-out names, which therefore
 * count only in a sentence before the one where the acronyms name the MTUS.
 */
function relyingMentions(text: string): Mention[] {
  const first = new Map<Family, Mention>();
  const sentences = new Sentences(text);
  let mtusSentence = text.length;
  let names = patternFor(first, 0);
  for (let m = names?.exec(text); m; m = names?.exec(text)) {
    const family = familyOf(m);
    if (first.has(family) || !sentences.reliesAt(m.index)) continue;
    first.set(family, { family, start: m.index, end: m.index + m[0].length });
    if (family === 'MTUS') mtusSentence = sentences.start;
    names = patternFor(first, m.index + m[0].length);
  }
  // The spelled-out names are read only before that sentence (none crosses a sentence end).
  const before = new Sentences(text);
  const head = mtusSentence === text.length ? text : text.slice(0, mtusSentence);
  MTUS_WORDS.lastIndex = 0;
  for (let m = MTUS_WORDS.exec(head); m; m = MTUS_WORDS.exec(head)) {
    if (!before.reliesAt(m.index)) continue;
    first.set('MTUS', { family: 'MTUS', start: m.index, end: m.index + m[0].length });
    break;
  }
  return [...first.values()].sort((a, b) => a.start - b.start);
}

const MTUS_ONLY: readonly Family[] = ['MTUS'];

/** The families a citation names: an MTUS citation, or the ODG and ACOEM a non-MTUS one names in its text. */
function citationFamilies(c: Citation): readonly Family[] {
  if (c.kind === 'mtus') return MTUS_ONLY;
  const families: Family[] = [];
  MENTION.lastIndex = 0;
  for (let m = MENTION.exec(c.text); m; m = MENTION.exec(c.text)) {
    const family = familyOf(m);
    if (family !== 'MTUS' && !families.includes(family)) families.push(family);
  }
  return families;
}

/** Whether a field's citations cover a family the rationale names. */
function fieldNames(cited: ReadonlySet<Family>, family: Family): boolean {
  return cited.has(family) || (family === 'ACOEM' && cited.has('MTUS'));
}

/** Whether the rationale's mentions cover a family the field names. */
function rationaleCites(mentioned: ReadonlySet<Family>, family: Family): boolean {
  return mentioned.has(family) || (family === 'MTUS' && mentioned.has('ACOEM'));
}

function list(families: Iterable<Family>): string {
  return [...families].map((f) => FAMILY_NAMES[f]).join(' and ');
}

/** Families as bits, as MENTIONS_OF indexes them (bit k: FAMILIES[k]). */
const BIT = Object.fromEntries(FAMILIES.map((f, k) => [f, 1 << k])) as Record<Family, number>;
/** The families whose mention covers a family the field names: the MTUS is covered by ACOEM too. */
const COVERED_BY: Record<Family, number> = { MTUS: BIT.MTUS | BIT.ACOEM, ODG: BIT.ODG, ACOEM: BIT.ACOEM };

function coverers(uncovered: number): number {
  return FAMILIES.reduce((mask, f) => (uncovered & BIT[f] ? mask | COVERED_BY[f] : mask), 0);
}

/**
 * What the common items come to without reading the whole rationale for every family: the mentions to report
 * (of a family the field does not name), read only for those families and for the ones that cover what the
 * field names, each until found. Undefined when the field names a family the rationale does not cover: that
 * report names every family the rationale cites, in order, and the full reading (relyingMentions) tells it.
 */
function mentionsToReport(text: string, cited: ReadonlySet<Family>): Mention[] | undefined {
  const reportable = FAMILIES.reduce((mask, f) => (fieldNames(cited, f) ? mask : mask | BIT[f]), 0) & ~BIT.MTUS;
  let uncovered = 0;
  for (const family of cited) uncovered |= BIT[family];
  const found: Mention[] = [];
  const sentences = new Sentences(text);
  let seen = 0;
  let wanted = reportable | coverers(uncovered);
  let names: RegExp | undefined = MENTIONS_OF[wanted];
  if (names) names.lastIndex = 0;
  for (let m: RegExpExecArray | null | undefined = names?.exec(text); m; m = names?.exec(text)) {
    const family = familyOf(m);
    if (!sentences.reliesAt(m.index)) continue;
    seen |= BIT[family];
    if (reportable & BIT[family]) found.push({ family, start: m.index, end: m.index + m[0].length });
    for (const f of FAMILIES) if (COVERED_BY[f] & BIT[family]) uncovered &= ~BIT[f];
    wanted = (reportable | coverers(uncovered)) & ~seen;
    names = wanted ? MENTIONS_OF[wanted] : undefined;
    if (names) names.lastIndex = m.index + m[0].length;
  }
  return found.length > 0 || uncovered === 0 ? found : undefined;
}

/** The rationale cites a family its MAXIMUS guideline does not name. */
function reportUnnamed(
  item: DisputedItem,
  cited: ReadonlySet<Family>,
  field: Field,
  rationale: Field,
  m: Mention,
  reports: Report[],
): void {
  reports.push({
    message:
      `The rationale of ${itemInSentence(item)} cites ${FAMILY_NAMES[m.family]}, which its MAXIMUS guideline ` +
      `does not name (it names ${list(cited)}).`,
    range: rationale.body.rangeOf(m.start, m.end),
    related: [{ message: 'The MAXIMUS guideline', range: { start: field.labelRange.start, end: field.range.end } }],
  });
}

function checkItem(item: DisputedItem, field: Field, rationale: Field, reports: Report[]): void {
  const citations = field.guideline?.citations ?? [];
  const cited = new Set<Family>();
  for (const c of citations) for (const family of citationFamilies(c)) cited.add(family);
  if (cited.size === 0) return; // no citation, or only sources outside the three families: nothing to compare
  const quick = mentionsToReport(rationale.body.text, cited);
  if (quick) {
    for (const m of quick) reportUnnamed(item, cited, field, rationale, m, reports);
    return;
  }
  const mentions = relyingMentions(rationale.body.text);
  const mentioned = new Set(mentions.map((m) => m.family));
  if (mentioned.size === 0) return; // "According to the guidelines, …": no source named to compare
  const before = reports.length;
  for (const m of mentions) {
    // The MTUS in a rationale under a field without it says why the MTUS does not apply (IMR009's matter):
    // "The California MTUS Chronic Pain Guidelines … address chronic pain … alternative guidelines were utilized."
    if (m.family === 'MTUS' || fieldNames(cited, m.family)) continue;
    reportUnnamed(item, cited, field, rationale, m, reports);
  }
  // A warning above already names what the field has: the field's side of the same mismatch would repeat it.
  if (reports.length > before) return;
  for (const family of cited) {
    if (rationaleCites(mentioned, family)) continue;
    const citation = citations.find((c) => citationFamilies(c).includes(family));
    if (!citation) continue;
    reports.push({
      message:
        `The MAXIMUS guideline of ${itemInSentence(item)} names ${FAMILY_NAMES[family]}, which its rationale ` +
        `never cites (it cites ${list(mentioned)}).`,
      range: citation.range,
      severity: 'information',
      related: [{ message: 'The rationale', range: rationale.range }],
    });
  }
}

export const rationaleGuidelineMismatch: Rule = {
  meta: {
    id: 'IMR020',
    name: 'rationale-guideline-mismatch',
    description:
      'The rationale cites a guideline (MTUS, ODG, ACOEM) that the MAXIMUS guideline does not name, or the other way round.',
    defaultSeverity: 'warning',
    tags: ['citations', 'consistency'],
    fixable: false,
    rationale:
      'The MAXIMUS guideline field states the standards the reviewer relied on, and the rationale must tie its ' +
      'findings to those standards (Labor Code 4610.5(c)(2), 4610.6; 8 CCR 9792.21.1 puts the MTUS first and ' +
      'other guidelines after it). A rationale that applies the Official Disability Guidelines under a field ' +
      'that names only the MTUS leaves one source of the decision uncited: a warning. A field that names a ' +
      'guideline the rationale never cites, while the rationale cites another, is reported as information. ' +
      'Sentences that only say a guideline is silent, or that tell what utilization review relied on, are not ' +
      'citations; nor is the MTUS named under a field without it, where the rationale says why the MTUS does not ' +
      'apply (IMR009).',
    examples: {
      failing:
        'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods.\n' +
        'Decision rationale: The Official Disability Guidelines recommend epidural injections only with ' +
        'radiculopathy on examination. … is not medically necessary.',
      passing:
        'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods.\n' +
        'Decision rationale: ACOEM guidelines recommend epidural injections only with radiculopathy on ' +
        'examination. … is not medically necessary.',
    },
  },
  check({ document }) {
    const reports: Report[] = [];
    for (const item of document.items) {
      const field = item.reviewerGuideline;
      const rationale = item.rationale;
      if (field?.guideline && !field.guideline.noEvidence && rationale) checkItem(item, field, rationale, reports);
    }
    return reports;
  },
};
