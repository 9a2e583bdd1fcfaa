// The rule catalog and the runner shared by `imr check` and the language server.
import { throwIfCancelled, type IsCancelled } from '../cancel';
import { letterDocument, lettersOf } from '../letters';
import type { ImrDocument } from '../model';
import { SourceText } from '../source';
import { parse } from '../parse';
import { RULES } from './catalog';
import { resolveRuleSettings, type ImrConfig, type RuleSetting } from './config';
import type { Finding, Rule } from './types';

export { RULES };

// Lazy, so that a rule module importing this file cannot see RULES half-initialised.
let defaults: ReadonlyMap<string, RuleSetting> | undefined;
function defaultSettings(): ReadonlyMap<string, RuleSetting> {
  return (defaults ??= resolveRuleSettings({}));
}

interface RuleWithSetting {
  rule: Rule;
  setting: RuleSetting | undefined;
}

// Per settings map (resolveRuleSettings makes a new one for each configuration; none is changed after), so that
// the runner does not look every rule up again for every document it checks.
const withSettings = new WeakMap<ReadonlyMap<string, RuleSetting>, readonly RuleWithSetting[]>();

/** RULES, each with its setting in `settings`. */
function rulesWithSettings(settings: ReadonlyMap<string, RuleSetting>): readonly RuleWithSetting[] {
  let list = withSettings.get(settings);
  if (!list) {
    // A partial map (a caller's own) still gives every rule its default options.
    list = RULES.map((rule) => ({ rule, setting: settings.get(rule.meta.id) ?? defaultSettings().get(rule.meta.id) }));
    withSettings.set(settings, list);
  }
  return list;
}

export function findRule(idOrName: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === idOrName || r.meta.name === idOrName);
}

/** Said once, at the document's start, when a rule found more than `maxFindingsPerRule` problems. */
function cappedNotice(rule: Rule, document: ImrDocument, cap: number): Finding {
  return {
    ruleId: rule.meta.id,
    ruleName: rule.meta.name,
    severity: 'information',
    message: `${rule.meta.id} ${rule.meta.name} stopped after ${cap} findings in this document; the rest are not reported.`,
    range: { start: document.range.start, end: document.range.start },
  };
}

/**
 * Runs every enabled rule over a parsed document, letter by letter in a file of several: each letter is
 * judged on its own header, sections and items. A rule that throws is skipped, never fatal. `isCancelled`
 * is polled before each rule: once true, the run stops with CancelledError. With `maxFindingsPerRule` (the
 * language server's bound on what one document can cost), a rule keeps that many findings in the document,
 * then one information finding says it stopped.
 */
export function runRules(
  document: ImrDocument,
  source: SourceText,
  settings: ReadonlyMap<string, RuleSetting> = defaultSettings(),
  isCancelled?: IsCancelled,
  maxFindingsPerRule = Infinity,
  runOnLetter?: LetterRunner,
): Finding[] {
  const findings: Finding[] = [];
  const all = lettersOf(document);
  // One letter (the common case) is the document itself: no letter views to build.
  const letters = all.length === 1 ? [document] : all.map((letter) => letterDocument(document, letter));
  for (const { rule, setting } of rulesWithSettings(settings)) {
    throwIfCancelled(isCancelled);
    if (setting?.severity === 'off') continue;
    let left = maxFindingsPerRule;
    for (let k = 0; k < letters.length; k++) {
      const letter = letters[k];
      if (!letter) continue;
      // Straight into the document's findings: a run that finds nothing (nearly all) allocates nothing here.
      left -= runOnLetter
        ? runThrough(runOnLetter, { rule, setting, letterIndex: k, letter, source, budget: left }, findings)
        : runRule(rule, setting, letter, source, left, findings);
    }
    if (left < 0) findings.push(cappedNotice(rule, document, maxFindingsPerRule));
  }
  if (findings.length > 1) {
    findings.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.ruleId.localeCompare(b.ruleId),
    );
  }
  return findings;
}

/** One rule's run over one letter: at most the budget's worth of findings, and how many it reported. */
export interface LetterRun {
  findings: Finding[];
  /** What the budget is charged: every report, kept or not (a failed rule: 0). */
  reported: number;
}

/**
 * Runs `rule` on the letter at `letterIndex` with `budget` reports left: `run` runs it, which a caller may
 * skip by returning an earlier run of the rule on an equal letter (core/reanalysis.ts).
 */
export type LetterRunner = (rule: Rule, letterIndex: number, budget: number, run: () => LetterRun) => LetterRun;

/** What one rule's run on one letter needs. */
interface LetterJob {
  rule: Rule;
  setting: RuleSetting | undefined;
  letterIndex: number;
  letter: ImrDocument;
  source: SourceText;
  budget: number;
}

/**
 * One rule's run on one letter through the caller's runner, which may reuse an earlier run. A function of its
 * own: a closure in runRules' loop would have every run of every rule on every letter allocate a context for
 * what the closure captures (2.3 KB a letter over the 22 rules), the runner or not.
 */
function runThrough(runOnLetter: LetterRunner, job: LetterJob, findings: Finding[]): number {
  const { rule, setting, letterIndex, letter, source, budget } = job;
  const done = runOnLetter(rule, letterIndex, budget, () => {
    const own: Finding[] = [];
    return { findings: own, reported: runRule(rule, setting, letter, source, budget, own) };
  });
  for (const finding of done.findings) findings.push(finding);
  return done.reported;
}

/** Options for a rule without configured ones: shared, so never written to. */
const NO_OPTIONS: Record<string, unknown> = Object.freeze({});

/** Runs `rule` on one letter, adds at most the budget's worth of findings to `findings`, and says how many it reported. */
function runRule(
  rule: Rule,
  setting: RuleSetting | undefined,
  document: ImrDocument,
  source: SourceText,
  budget: number,
  findings: Finding[],
): number {
  let reports;
  const maxReports = Math.max(budget, 0);
  try {
    reports = rule.check({ document, source, options: setting?.options ?? NO_OPTIONS, maxReports });
  } catch (error) {
    // Never fatal, never silent: the user learns that this check did not run on this letter.
    findings.push({
      ruleId: rule.meta.id,
      ruleName: rule.meta.name,
      severity: 'information',
      message: `Rule ${rule.meta.id} ${rule.meta.name} failed on this document (${error instanceof Error ? error.name : 'error'}) and was skipped; please report it.`,
      range: { start: document.range.start, end: document.range.start },
    });
    return 0;
  }
  const kept = Math.min(reports.length, maxReports);
  for (let k = 0; k < kept; k++) {
    const r = reports[k];
    if (!r) continue;
    const finding: Finding = {
      ruleId: rule.meta.id,
      ruleName: rule.meta.name,
      severity:
        setting?.configured && setting.severity !== 'off'
          ? setting.severity
          : (r.severity ?? rule.meta.defaultSeverity),
      message: r.message,
      range: r.range,
      fixes: r.fixes,
    };
    if (r.related?.length) finding.related = r.related;
    findings.push(finding);
  }
  return reports.length;
}

export interface CheckResult {
  document: ImrDocument;
  findings: Finding[];
}

/** Parse and check a text in one call. */
export function check(text: string, config: ImrConfig = {}): CheckResult {
  const document = parse(text);
  return { document, findings: runRules(document, new SourceText(text), resolveRuleSettings(config)) };
}

export type { Finding, Fix, RelatedLocation, Rule, RuleMeta, Severity, TextEdit } from './types';
export type { ImrConfig, RuleSetting, RuleConfigValue, ConfigResult } from './config';
export { parseConfigText, validateConfig, mergeConfigs, resolveRuleSettings } from './config';
export { applyEdits, applyFix } from './fixes';
