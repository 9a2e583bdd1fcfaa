// The server state line of the language status item. Pure (no `vscode` import), so that it is unit-tested.
import type { IndexProgress } from '../../server/src/protocol';
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
