// Plain-data entry points for `inWorker` (budget.ts): what a worker posts back must be cloneable.
import { parse } from '../../server/src/core';
import { completionsAt } from '../../server/src/core/service/completion';
import { SourceText } from '../../server/src/core/source';
import { check } from '../../server/src/core/rules';
import type { Range } from '../../server/src/core/model';

export interface FoundSummary {
  count: number;
  first?: { range: Range; message: string };
  last?: { range: Range; message: string };
}

/** The findings of one rule on `text` with the default settings: how many, the first and the last. */
export function ruleFindings(text: string, ruleId: string): FoundSummary {
  const found = check(text).findings.filter((f) => f.ruleId === ruleId);
  const brief = (f: (typeof found)[number] | undefined) => f && { range: f.range, message: f.message };
  return { count: found.length, first: brief(found[0]), last: brief(found.at(-1)) };
}

/** What the parser made of `text`, in a few numbers and names. */
export function parseSummary(text: string) {
  const doc = parse(text);
  return {
    layout: doc.layout,
    items: doc.items.map((item) => ({
      text: item.text.text.length,
      decision: item.decision?.value,
      fields: item.fields.map((f) => f.kind),
      partial: item.partial?.form,
    })),
    credentials: doc.credentials && {
      form: doc.credentials.form,
      states: doc.credentials.states.map((s) => s.text.length),
      specialties: doc.credentials.specialties.map((s) => s.text.length),
    },
  };
}

/** The completion labels and the first edit range at `line`:`character` of `text`. */
export function completionsSummary(text: string, line: number, character: number) {
  const entries = completionsAt(parse(text), new SourceText(text), { line, character });
  return { labels: entries.map((e) => e.label), firstRange: entries[0]?.range };
}
