// The rule run behind every finding the editor shows (open letters, through the server's analysis cache, and
// Check All Letters): one place for its bound.
import type { IsCancelled } from '../cancel';
import type { ImrDocument } from '../model';
import { runRules, type Finding, type RuleSetting } from '../rules';
import type { SourceText } from '../source';

/**
 * The editor shows at most this many findings of one rule per document, then one saying the rule stopped: a
 * letter has tens, and a megabyte of `ab  ` would otherwise give IMR014 250,000 diagnostics (seconds of rule
 * work and a hundred megabytes of JSON). `imr check` reports them all.
 */
export const MAX_FINDINGS_PER_RULE = 1000;

/** A letter's findings as the editor shows them: every rule under `rules`, each capped at MAX_FINDINGS_PER_RULE. */
export function editorFindings(
  document: ImrDocument,
  source: SourceText,
  rules?: ReadonlyMap<string, RuleSetting>,
  isCancelled?: IsCancelled,
): Finding[] {
  return runRules(document, source, rules, isCancelled, MAX_FINDINGS_PER_RULE);
}
