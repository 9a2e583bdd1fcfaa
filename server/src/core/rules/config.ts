// Rule configuration shared by `.imr.json` and the VS Code setting `imr.rules`, keyed by rule id or name.
import type { Severity, SeverityOrOff } from './types';

export type RuleConfigValue = SeverityOrOff | ({ severity?: SeverityOrOff } & Record<string, unknown>);

export interface ImrConfig {
  rules?: Record<string, RuleConfigValue>;
}

export interface RuleSetting {
  severity: SeverityOrOff;
  /** True when the user set the severity, so it overrides a finding's own severity. */
  configured: boolean;
  options: Record<string, unknown>;
}

// Placeholder resolution: defaults only. The full loader (ids and names, options, validation) follows.
export function resolveRuleSettings(_config: ImrConfig): Map<string, RuleSetting> {
  return new Map();
}

export type { Severity };
