// eslint/markdownlint-style lines: `path:line:col  severity  message  ruleId/ruleName`, 1-based, then a summary.
import type { Severity } from '../core/rules';
import { countBySeverity, type FileResult } from './results';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${where}  ${LABEL[f.severity]}  ${oneLine(f.message)}  ${f.ruleId}/${f.ruleName}`);
    }
  }
  lines.push(summary(results));
  return lines.join('\n') + '\n';
}

/** `2 errors, 1 warning, 0 infos in 3 files`; hints are named only when there are some. */
export function summary(results: readonly FileResult[]): string {
  const c = countBySeverity(results);
  const parts = [plural(c.error, 'error'), plural(c.warning, 'warning'), plural(c.information, 'info')];
  if (c.hint) parts.push(plural(c.hint, 'hint'));
  return `${parts.join(', ')} in ${plural(results.length, 'file')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
