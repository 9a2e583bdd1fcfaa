// The features server.ts registers, in order. To add one: write server/src/lsp/<feature>.ts exporting a
// `Feature` (see context.ts for the pattern and its rules) and append it here. Capabilities are merged in
// this order; handlers for one LSP method can be installed by one feature only.
import { codeActionsFeature } from './codeActions';
import { codeLensFeature } from './codeLens';
import { completionFeature } from './completion';
import type { Feature } from './context';
import { createDeterminationsFeature } from './determinations';
import { createExportFeature } from './export';
import { createDiagnosticsFeature } from './diagnostics';
import { documentSymbolsFeature } from './documentSymbols';
import { foldingFeature } from './folding';
import { hoverFeature } from './hover';
import { pdfTextFeature } from './pdfText';
import { selectionRangesFeature } from './selectionRanges';
import { semanticTokensFeature } from './semanticTokens';
import { createWorkspaceCheckFeature } from './workspaceCheck';
import { createWorkspaceSymbolsFeature } from './workspaceSymbols';

export function createFeatures(): Feature[] {
  const workspaceSymbols = createWorkspaceSymbolsFeature();
  return [
    documentSymbolsFeature,
    foldingFeature,
    selectionRangesFeature,
    createDiagnosticsFeature(),
    codeActionsFeature,
    semanticTokensFeature,
    hoverFeature,
    completionFeature,
    codeLensFeature,
    workspaceSymbols,
    createDeterminationsFeature(workspaceSymbols),
    pdfTextFeature,
    createWorkspaceCheckFeature(workspaceSymbols),
    createExportFeature(workspaceSymbols),
  ];
}
