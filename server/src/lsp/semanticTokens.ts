// textDocument/semanticTokens/full and /range: the letter's parts as semantic tokens (legend and mapping in
// core/service/tokens.ts). The service builds them once per document version, for the full and the range
// requests alike. Degraded documents (largeDocuments.ts) get no tokens.
import type { SemanticTokens, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver';
import { LEGEND, tableRange } from '../core/service/tokens';
import { handler, type Feature } from './context';
import { encodeTable } from './tokenEncoding';

export { LEGEND as SEMANTIC_TOKENS_LEGEND } from '../core/service/tokens';

const empty = (): SemanticTokens => ({ data: [] });

export const semanticTokensFeature: Feature = {
  name: 'semanticTokens',
  capabilities: () => ({ semanticTokensProvider: { legend: LEGEND, full: true, range: true } }),
  register(context) {
    context.connection.languages.semanticTokens.on(
      handler(context, 'semanticTokens', empty, (params: SemanticTokensParams): SemanticTokens => {
        const table = context.service.tokens(params.textDocument.uri);
        return table ? { data: encodeTable(table) } : empty();
      }),
    );
    context.connection.languages.semanticTokens.onRange(
      handler(context, 'semanticTokensRange', empty, (params: SemanticTokensRangeParams): SemanticTokens => {
        const table = context.service.tokens(params.textDocument.uri);
        return table ? { data: encodeTable(table, ...tableRange(table, params.range)) } : empty();
      }),
    );
  },
};
