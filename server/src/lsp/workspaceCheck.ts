// `imr/checkWorkspace`: the findings of every letter in the workspace index that is not open, as LSP
// diagnostics, so that Problems lists letters nobody opened (open letters are checked by the diagnostics
// feature). Bounded like the index (its MAX_FILES letters, MAX_FILE_BYTES each), cancellable with the request,
// and throttled: it yields to the event loop between slices so that other requests are answered meanwhile.
import type { CancellationToken } from 'vscode-languageserver';
import { parse } from '../core';
import { runRules } from '../core/rules';
import { SourceText } from '../core/source';
import { CheckWorkspaceRequest, type CheckWorkspaceResult } from '../protocol';
import { MAX_FINDINGS_PER_RULE } from './analysis';
import { handler, throwIfCancelled, type Feature, type ServerContext } from './context';
import { onCustomRequest } from './customMessages';
import { toDiagnostic } from './diagnostics';
import { timeSlices } from './eventLoop';
import { readIndexedLetter } from './workspaceIndex';
import { canonicalUri, type WorkspaceSymbolsFeature } from './workspaceSymbols';

const SLICE_MS = 10;

export async function checkWorkspace(
  context: ServerContext,
  symbols: WorkspaceSymbolsFeature,
  token: CancellationToken,
): Promise<CheckWorkspaceResult> {
  await symbols.currentEntries(context, token);
  throwIfCancelled(token);
  const open = new Set(context.documents.all().map((d) => canonicalUri(d.uri)));
  const uris = [...symbols.index.all()].map((e) => e.uri).filter((uri) => !open.has(uri));
  const result: CheckWorkspaceResult = { letters: [], checked: 0, truncated: symbols.index.stats?.truncated ?? false };
  const nextSlice = timeSlices(SLICE_MS);
  for (const uri of uris) {
    await nextSlice();
    throwIfCancelled(token);
    const read = await readIndexedLetter(uri);
    if (!read.ok) continue;
    const configuration = await context.settings.configurationFor(uri);
    const source = new SourceText(read.text);
    const findings = runRules(parse(read.text), source, configuration.rules, undefined, MAX_FINDINGS_PER_RULE);
    result.checked++;
    result.letters.push({ uri, diagnostics: findings.map((f) => toDiagnostic(f, 0, context.extensionRoot, uri)) });
  }
  return result;
}

export function createWorkspaceCheckFeature(symbols: WorkspaceSymbolsFeature): Feature {
  return {
    name: 'workspaceCheck',
    capabilities: () => ({}),
    register(context) {
      onCustomRequest(
        context.connection,
        CheckWorkspaceRequest,
        handler(
          context,
          'checkWorkspace',
          (): CheckWorkspaceResult => ({ letters: [], checked: 0, truncated: false }),
          (_params, token) => checkWorkspace(context, symbols, token),
        ),
      );
    },
  };
}
