// Small letters and finding helpers shared by the IMR001–IMR008 tests (rules-001-003, rules-004-008).
import type { Range } from '../../server/src/core/model';
import { check, type Finding } from '../../server/src/core/rules';
import { applyEdits } from '../../server/src/core/rules/fixes';
import { at, only as onlyElement } from '../support/elements';
export const HOW = 'HOW THE IMR FINAL DETERMINATION WAS MADE';
export const SUMMARY = 'CLINICAL CASE SUMMARY';
export const DECISIONS = 'IMR ISSUES, DECISIONS AND RATIONALES';
export const CREDENTIALS = [
  'The Expert Reviewer has the following credentials:',
  'State(s) of Licensure: California',
  'Certification(s)/Specialty: Family Practice',
];
export const CA =
  'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids.';
export const MX = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids.';
export const NOT_NECESSARY =
  'Decision rationale: There is no documented functional benefit. As such, the request is not medically necessary.';
export const NECESSARY =
  'Decision rationale: The patient improved with it. As such, the request is medically necessary.';

/** A letter whose items start at line 9 (zero-based). */
export function letter(items: string[], options: { credentials?: string[]; eol?: string } = {}): string {
  return [
    HOW,
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
    ...(options.credentials ?? CREDENTIALS),
    SUMMARY,
    'The injured worker is a 40 year old male with chronic pain.',
    DECISIONS,
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    ...items,
  ].join(options.eol ?? '\n');
}

export const ITEM_LINE = 9;
export const range = (l1: number, c1: number, l2: number, c2: number): Range => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});
export const lineRange = (text: string, line: number, from = 0, to?: number) =>
  range(line, from, line, to ?? at(text.split(/\r?\n/), line).length);

export function findingsOf(text: string, ruleId: string): Finding[] {
  return check(text).findings.filter((f) => f.ruleId === ruleId);
}

export function only(text: string, ruleId: string): Finding {
  const found = findingsOf(text, ruleId);
  return onlyElement(found, `${ruleId}: ${JSON.stringify(found.map((f) => f.message))}`);
}

export const applyFix = (text: string, f: Finding, k = 0) => applyEdits(text, at(f.fixes, k).edits);
