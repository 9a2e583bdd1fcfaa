// The rule model: metadata, findings and fixes as plain data, shared by the CLI and the language server.
import type { ImrDocument, Range } from '../model';
import type { SourceText } from '../source';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';

export interface RuleOption {
  type: 'number' | 'string' | 'boolean' | 'string[]';
  default: number | string | boolean | string[];
  description: string;
}

export interface RuleMeta {
  /** Stable id, never reused: `IMR001`. */
  id: string;
  /** Stable kebab-case name: `missing-rationale`. */
  name: string;
  /** One line, shown in SARIF, settings and docs. */
  description: string;
  defaultSeverity: Severity;
  tags: string[];
  fixable: boolean;
  /** Why the rule exists, with the legal citation where there is one (rule docs, hover). */
  rationale: string;
  /** Examples for the docs: a short excerpt that fails and one that passes. */
  examples: { failing: string; passing: string };
  options?: Record<string, RuleOption>;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix is plain data: edits that touch only their own ranges. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without looking, in bulk (`source.fixAll.imr`, `imr check --fix`). */
  safe: boolean;
}

/** Another place a finding is about, e.g. the decision a conclusion contradicts (LSP relatedInformation). */
export interface RelatedLocation {
  message: string;
  range: Range;
}

export interface Finding {
  ruleId: string;
  ruleName: string;
  severity: Severity;
  /** Names the item or section concerned. */
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

/** What a rule's check reports; the runner adds the id, name and configured severity. */
export interface Report {
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedLocation[];
  /** Overrides the rule's default severity for this finding (e.g. IMR002's no-evidence warning). */
  severity?: Severity;
}

export interface RuleContext {
  document: ImrDocument;
  source: SourceText;
  /** The rule's options, defaults filled in. */
  options: Record<string, unknown>;
  /**
   * The runner keeps at most this many of the rule's reports (the language server's cap). A rule whose reports
   * grow with the text may stop after one more than this, so that the runner knows it left some out.
   */
  maxReports?: number;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): Report[];
}
