// textDocument/semanticTokens/full and /range: the letter's parts as semantic tokens (legend and mapping in
// core/service/tokens.ts). Tokens are computed once per document version and shared by the full and range
// requests. Documents over `imr.maxDocumentSize` get no tokens.
import type { SemanticTokens, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver';
import { collectTokens, LEGEND, tableRange, type TokenTable } from '../core/service/tokens';
import type { Analysis } from './analysis';
import { handler, openAnalysis, type Feature } from './context';
import { collectAfterLargeWork } from './memory';
import { encodeTable } from './tokenEncoding';

export { LEGEND as SEMANTIC_TOKENS_LEGEND } from '../core/service/tokens';

// Keyed by the analysis object: a new document version is a new analysis, so stale entries fall away.
const cache = new WeakMap<Analysis, TokenTable>();

export function tokensOf(analysis: Analysis): TokenTable {
  let tokens = cache.get(analysis);
  if (!tokens) {
    // For a large document: drop the previous reply's garbage (the serialised outline, a few times its
    // JSON) before this work adds its own, and this work's candidates once the table is built.
    collectAfterLargeWork(analysis.size);
    tokens = collectTokens(analysis.document, analysis.source);
    cache.set(analysis, tokens);
    collectAfterLargeWork(analysis.size);
  }
  return tokens;
}

const empty = (): SemanticTokens => ({ data: [] });

export const semanticTokensFeature: Feature = {
  name: 'semanticTokens',
  capabilities: () => ({ semanticTokensProvider: { legend: LEGEND, full: true, range: true } }),
  register(context) {
    context.connection.languages.semanticTokens.on(
      handler(context, 'semanticTokens', empty, (params: SemanticTokensParams): SemanticTokens => {
        const open = openAnalysis(context, params.textDocument.uri);
        return open ? { data: encodeTable(tokensOf(open.analysis)) } : empty();
      }),
    );
    context.connection.languages.semanticTokens.onRange(
      handler(context, 'semanticTokensRange', empty, (params: SemanticTokensRangeParams): SemanticTokens => {
        const open = openAnalysis(context, params.textDocument.uri);
        if (!open) return empty();
        const table = tokensOf(open.analysis);
        return { data: encodeTable(table, ...tableRange(table, params.range)) };
      }),
    );
  },
};
