// IMR016 findings-list-mismatch: an L1 letter (2013) states each decision three times: in the numbered
// findings after `Dated:`, in their repeat under INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE, and
// in each item's closing sentence ("The request for X is [not] medically necessary and appropriate.").
// The three must list the same items, in the same order, with the same polarity (format guide §9). The same
// item in other words ("120 ml" / "240 ml") is IMR021's matter.
import type { DisputedItem, Finding, ImrDocument, Polarity, Range } from '../model';
import { itemKey } from './support/keys';
import { rewording } from './support/wording';
import { isTruncated, itemInSentence, quote } from './messages';
import type { RelatedLocation, Report, Rule } from './types';

type ListName = 'summary' | 'repeated' | 'items';

const LIST_NAMES: Record<ListName, string> = {
  summary: 'the findings list',
  repeated: 'the repeated findings (under INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE)',
  items: 'the item analyses',
};

interface Entry {
  list: ListName;
  /** Zero-based place in its list. */
  position: number;
  key: string;
  /** The item as this list names it. */
  text: string;
  polarity?: Polarity;
  name: string;
  range: Range;
  /** Where the polarity is stated: the finding, or the item's closing sentence. */
  polarityRange: Range;
}

function findingEntries(findings: readonly Finding[], list: ListName): Entry[] {
  return findings.map((f, position) => ({
    list,
    position,
    key: itemKey(f.item.text),
    text: f.item.text,
    polarity: f.polarity,
    name: `finding ${f.number} (${quote(f.item.text)})`,
    range: f.range,
    polarityRange: f.range,
  }));
}

function itemPolarity(item: DisputedItem): Polarity | undefined {
  if (item.decision?.value) return item.decision.value === 'Upheld' ? 'negative' : 'positive';
  return item.rationale?.conclusion?.polarity;
}

function itemEntries(items: readonly DisputedItem[]): Entry[] {
  return items.map((item, position) => ({
    list: 'items',
    position,
    key: itemKey(item.subject || item.text.text),
    text: item.subject || item.text.text,
    polarity: itemPolarity(item),
    name: itemInSentence(item),
    range: item.headingRange,
    polarityRange: item.decision?.range ?? item.rationale?.conclusion?.sentence.range ?? item.headingRange,
  }));
}

function counts(
  reference: readonly Entry[],
  other: readonly Entry[],
  referenceList: ListName,
  otherList: ListName,
): string {
  if (reference.length === other.length) return '';
  return ` (${LIST_NAMES[referenceList]} has ${reference.length}, ${LIST_NAMES[otherList]} ${other.length})`;
}

/**
 * Pairs `other` with `reference`: by place when the wording agrees, then by wording elsewhere (order),
 * then by place again (wording). Returns, per reference entry, its partner; reports what stays unpaired.
 */
function pair(
  reference: readonly Entry[],
  other: readonly Entry[],
  referenceList: ListName,
  otherList: ListName,
  reports: Report[],
): (Entry | undefined)[] {
  const partner = new Array<Entry | undefined>(reference.length).fill(undefined);
  const unplaced: Entry[] = [];
  other.forEach((o, k) => {
    if (reference[k]?.key === o.key) partner[k] = o;
    else unplaced.push(o);
  });
  const unworded: Entry[] = [];
  for (const o of unplaced) {
    const j = reference.findIndex((r, k) => partner[k] === undefined && r.key === o.key);
    const r = reference[j];
    if (!r) {
      unworded.push(o);
      continue;
    }
    partner[j] = o;
    reports.push({
      message: `${cap(o.name)} stands in place ${o.position + 1} of ${LIST_NAMES[otherList]}, but in place ${j + 1} of ${LIST_NAMES[referenceList]}.`,
      range: o.range,
      related: [relatedEntry(r)],
    });
  }
  const total = counts(reference, other, referenceList, otherList);
  for (const o of unworded) {
    const r = reference[o.position];
    if (r && partner[o.position] === undefined) {
      partner[o.position] = o;
      if (rewording(r.text, o.text)) continue; // the same request reworded: IMR021
      reports.push({
        message: `${cap(o.name)} in ${LIST_NAMES[otherList]} does not name the same request as ${r.name} in ${LIST_NAMES[referenceList]}.`,
        range: o.range,
        related: [relatedEntry(r)],
      });
    } else {
      reports.push({
        message: `${cap(o.name)} in ${LIST_NAMES[otherList]} is not in ${LIST_NAMES[referenceList]}${total}.`,
        range: o.range,
      });
    }
  }
  reference.forEach((r, k) => {
    if (partner[k] === undefined) {
      reports.push({
        message: `${cap(r.name)} in ${LIST_NAMES[referenceList]} is missing from ${LIST_NAMES[otherList]}${total}.`,
        range: r.range,
      });
    }
  });
  return partner;
}

function relatedEntry(e: Entry): RelatedLocation {
  return { message: `${cap(e.name)} in ${LIST_NAMES[e.list]}`, range: e.range };
}

function said(p: Polarity): string {
  return p === 'negative' ? '"not medically necessary"' : '"medically necessary"';
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** One report per disagreement: the odd one out when two agree, else the later statement. */
function comparePolarity(statements: readonly (Entry | undefined)[], reports: Report[]): void {
  const known = statements.filter((e): e is Entry & { polarity: Polarity } => e?.polarity !== undefined);
  const [first] = known;
  let odd = known.at(-1);
  if (!first || !odd || known.every((e) => e.polarity === first.polarity)) return;
  if (known.length >= 3) odd = known.find((e) => known.filter((x) => x.polarity === e.polarity).length === 1) ?? odd;
  const others = known.filter((e) => e !== odd);
  const [firstOther] = others;
  if (!firstOther) return;
  reports.push({
    message:
      `${cap(odd.name)} in ${LIST_NAMES[odd.list]} says ${said(odd.polarity)}, but ` +
      `${others.map((e) => `${e.name} in ${LIST_NAMES[e.list]}`).join(' and ')} ${others.length > 1 ? 'say' : 'says'} ${said(firstOther.polarity)}.`,
    range: odd.polarityRange,
    related: others.map((e) => ({ message: `${cap(e.name)} in ${LIST_NAMES[e.list]}`, range: e.polarityRange })),
  });
}

function checkDocument(document: ImrDocument): Report[] {
  const findings = document.findings;
  if (!findings || isTruncated(document)) return [];
  const summary = findingEntries(findings.summary, 'summary');
  const repeated = findingEntries(findings.repeated, 'repeated');
  const items = itemEntries(document.items);
  const reports: Report[] = [];
  // The summary is the reference; a letter whose summary could not be read is checked against the repeat.
  if (summary.length > 0) {
    const repeatedPartner = pair(summary, repeated, 'summary', 'repeated', reports);
    const itemPartner = pair(summary, items, 'summary', 'items', reports);
    summary.forEach((s, k) => comparePolarity([s, repeatedPartner[k], itemPartner[k]], reports));
  } else if (repeated.length > 0) {
    const itemPartner = pair(repeated, items, 'repeated', 'items', reports);
    repeated.forEach((r, k) => comparePolarity([r, itemPartner[k]], reports));
  }
  return reports;
}

export const findingsListMismatch: Rule = {
  meta: {
    id: 'IMR016',
    name: 'findings-list-mismatch',
    description:
      'In L1 letters, the numbered findings list and the per-item analyses disagree on an item or its polarity.',
    defaultSeverity: 'error',
    tags: ['L1', 'items', 'consistency'],
    fixable: false,
    rationale:
      'An L1 (2013) letter announces each decision in a numbered findings list, repeats the list under INDEPENDENT ' +
      'MEDICAL REVIEW DECISION AND RATIONALE, and closes each item analysis with "The request for X is [not] ' +
      'medically necessary and appropriate." The parties act on the list; if it names other items, a different ' +
      'order or the opposite outcome from the analysis, the determination contradicts itself on the one point it ' +
      'must state for each disputed service (see Labor Code 4610.6).',
    examples: {
      failing:
        '2) MAXIMUS Federal Services, Inc. has determined the request for 8 sessions of physical therapy for the lumbar spine is medically necessary and appropriate.\n' +
        '…\nThe request for 8 sessions of physical therapy for the lumbar spine is not medically necessary and appropriate.',
      passing:
        '2) MAXIMUS Federal Services, Inc. has determined the request for 8 sessions of physical therapy for the lumbar spine is medically necessary and appropriate.\n' +
        '…\nThe request for 8 sessions of physical therapy for the lumbar spine is medically necessary and appropriate.',
    },
  },
  check({ document }) {
    return checkDocument(document);
  },
};
