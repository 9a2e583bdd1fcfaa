// The texts of the language status item: the active letter's counts and the server's state. Pure (no `vscode`
// import), so that they are unit-tested.
import { countOf } from '../../server/src/core/text/count';
import type { DecisionCounts, IndexProgress } from '../../server/src/protocol';
import type { ServerState } from './serverHost';

/**
 * `ready`, `indexing 120 of 2000` while the workspace index runs (`indexing the workspace` before its first
 * report), `starting`, `stopped — restart it` or `not started`.
 */
export function stateText(state: ServerState, indexing: boolean, progress?: IndexProgress): string {
  if (state === 'running') {
    if (!indexing) return 'ready';
    return progress ? `indexing ${progress.done} of ${progress.total}` : 'indexing the workspace';
  }
  if (state === 'stopped') return 'stopped — restart it';
  return state === 'starting' ? 'starting' : 'not started';
}

/** The active letter's line: `3 items · 1 overturned · 2 problems` (`problems`: its diagnostics). */
export function letterText(counts: DecisionCounts, problems: number): string {
  return `${countOf(counts.items, 'item')} · ${counts.overturned} overturned · ${countOf(problems, 'problem')}`;
}
