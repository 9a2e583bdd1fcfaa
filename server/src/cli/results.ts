// What `imr check` found in one file, as the formatters see it.
import type { Finding, Severity } from '../core/rules';

export interface FileResult {
  /** The path as found on the command line or by expanding it. */
  file: string;
  findings: Finding[];
}

/** A file that could not be checked, or a command-line path or pattern that gave no file. */
export interface FailedFile {
  file: string;
  reason: string;
  /** `file` is a glob pattern, not a file: SARIF gives it no artifact location. */
  pattern?: true;
}

export function countBySeverity(results: readonly FileResult[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of results) for (const f of r.findings) counts[f.severity]++;
  return counts;
}
