// eslint/markdownlint-style lines: `path:line:col  severity  message  ruleId/ruleName`, 1-based, then a summary.
import type { Severity } from '../core/rules';
import { countOf } from '../core/text/count';
import { printable } from './printable';
import { countBySeverity, type FileResult } from './results';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      const where = `${printable(file)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}  ${LABEL[f.severity]}  ${oneLine(f.message)}  ${f.ruleId}/${f.ruleName}`);
    }
  }
  lines.push(summary(results));
  return lines.join('\n') + '\n';
}

/** `2 errors, 1 warning, 0 infos in 3 files`; hints are named only when there are some. */
export function summary(results: readonly FileResult[]): string {
  const c = countBySeverity(results);
  const parts = [countOf(c.error, 'error'), countOf(c.warning, 'warning'), countOf(c.information, 'info')];
  if (c.hint) parts.push(countOf(c.hint, 'hint'));
  return `${parts.join(', ')} in ${countOf(results.length, 'file')}`;
}

function oneLine(text: string): string {
  return printable(text.replace(/\s+/g, ' ').trim());
}
