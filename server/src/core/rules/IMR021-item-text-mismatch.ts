// IMR021 item-text-mismatch: where a layout names an item twice, both must name the same request. An L1
// (2013) letter names each item in its numbered findings, in their repeat and in the item's own block
// ("1) Regarding the request for <item>:"); an L3 "leaving eligible" preamble names the original request,
// then restates it ("The original request, <request> is: Upheld"). A dose or quantity that changes between the
// two (`320.5/30/16mg` / `30.5/30/16mg`, CM17-0007300) leaves unclear what was decided (format guide §9, §12).
// Case, spacing, line wraps and punctuation do not count. Another request altogether is IMR016's matter.
import type { Finding, ImrDocument, Span } from '../model';
import { itemKey } from './support/keys';
import { rewording } from './support/wording';
import { isTruncated, quote } from './messages';
import type { Report, Rule } from './types';

interface Naming {
  /** Where the naming stands, for the message: `the findings list`, `its own block`. */
  place: string;
  text: Span;
}

/** A differing part in quotes, or `nothing` for words one naming lacks. */
function shown(part: string): string {
  return part ? `"${part}"` : 'nothing';
}

function report(index: number, reference: Naming, other: Naming, reports: Report[]): void {
  const r = rewording(reference.text.text, other.text.text);
  if (!r) return;
  reports.push({
    message:
      `Item ${index} is named ${quote(other.text.text)} in ${other.place} but ${quote(reference.text.text)} in ` +
      `${reference.place} (${shown(r.second)} against ${shown(r.first)}).`,
    range: other.text.range,
    related: [{ message: `Item ${index} as ${reference.place} names it`, range: reference.text.range }],
  });
}

/** Pairs by place, leaving to IMR016 a naming whose words stand elsewhere in the other list (an order change). */
function compareLists(reference: Naming[], other: (Naming | undefined)[], reports: Report[]): void {
  const referenceKeys = new Set(reference.map((n) => itemKey(n.text.text)));
  const otherKeys = new Set(other.map((n) => (n ? itemKey(n.text.text) : '')));
  reference.forEach((r, k) => {
    const o = other[k];
    if (!o || otherKeys.has(itemKey(r.text.text)) || referenceKeys.has(itemKey(o.text.text))) return;
    report(k + 1, r, o, reports);
  });
}

function namings(findings: readonly Finding[], place: string): Naming[] {
  return findings.map((f) => ({ place, text: f.item }));
}

function checkL1(document: ImrDocument, reports: Report[]): void {
  const findings = document.findings;
  if (!findings || isTruncated(document)) return;
  const summary = namings(findings.summary, 'the findings list');
  const repeated = namings(findings.repeated, 'the repeated findings');
  const blocks = document.items.map((item) =>
    item.fromFindings ? undefined : { place: 'its own block', text: item.text },
  );
  const reference = summary.length ? summary : repeated;
  if (summary.length) compareLists(summary, repeated, reports);
  compareLists(reference, blocks, reports);
}

function checkRestatements(document: ImrDocument, reports: Report[]): void {
  for (const item of document.items) {
    const partial = item.partial;
    if (partial?.form !== 'leaving-eligible' || !partial.remaining) continue;
    report(
      item.index,
      { place: 'the sentence "… was the original request"', text: partial.originalRequest },
      { place: 'its restatement', text: partial.remaining },
      reports,
    );
  }
}

export const itemTextMismatch: Rule = {
  meta: {
    id: 'IMR021',
    name: 'item-text-mismatch',
    description:
      'An item is named in other words where the layout repeats it (L1 findings list vs its block; an L3 restated original request).',
    defaultSeverity: 'warning',
    tags: ['items', 'consistency'],
    fixable: false,
    rationale:
      'An L1 letter names each item in the findings list, again under INDEPENDENT MEDICAL REVIEW DECISION AND ' +
      'RATIONALE and in its own block; an L3 preamble that leaves the original request IMR eligible names it, then ' +
      'restates it before the decision. When a dose, a quantity or a body part changes between the two, the parties ' +
      'cannot tell which request was decided: a plainly erroneous finding of fact, a ground of appeal (Labor Code ' +
      '4610.6(h)). Differences of case, spacing, line wraps and punctuation are not reported.',
    examples: {
      failing:
        'One month supply of Trezix capsule 320.5/30/16mg was the original request. The Claims Administrator ' +
        'authorized Trezix capsule 320.5/30/16mg #5, leaving the original request IMR eligible. The original ' +
        'request, one month supply of Trezix capsule 30.5/30/16mg is: Upheld',
      passing:
        'One month supply of Trezix capsule 320.5/30/16mg was the original request. The Claims Administrator ' +
        'authorized Trezix capsule 320.5/30/16mg #5, leaving the original request IMR eligible. The original ' +
        'request, one month supply of Trezix capsule 320.5/30/16mg is: Upheld',
    },
  },
  check({ document }) {
    const reports: Report[] = [];
    checkL1(document, reports);
    checkRestatements(document, reports);
    return reports;
  },
};
