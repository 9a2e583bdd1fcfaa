// `--format json`: one entry per checked file, findings as the core reports them (0-based ranges).
import type { FileResult } from './results';

export function formatJson(results: readonly FileResult[]): string {
  const data = results.map(({ file, findings }) => ({
    file,
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      ruleName: f.ruleName,
      severity: f.severity,
      message: f.message,
      range: f.range,
      ...(f.fixes?.length ? { fixes: f.fixes } : {}),
    })),
  }));
  return JSON.stringify(data, null, 2) + '\n';
}
