// What Export Disputed Items says once the file is written. Pure (no `vscode` import), so that it is unit-tested.
import { countOf } from '../../server/src/core/text/count';
import type { ExportResult } from '../../server/src/protocol';

/** `IMR: exported 12 disputed items.`, then how many letters could not be read (their reasons go to the output). */
export function exportedText({ rows, errors }: Pick<ExportResult, 'rows' | 'errors'>): string {
  const skipped = errors.length ? ` ${countOf(errors.length, 'letter')} could not be read (see the output).` : '';
  return `IMR: exported ${countOf(rows, 'disputed item')}.${skipped}`;
}
