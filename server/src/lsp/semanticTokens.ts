// textDocument/semanticTokens/full and /range: the letter's parts as semantic tokens (legend and mapping in
// core/service/tokens.ts). The service builds them once per document version, for the full and the range
// requests alike. Degraded documents (largeDocuments.ts) get no tokens.
import type { SemanticTokens, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver';
import { LEGEND, tableRange, type TokenTable } from '../core/service/tokens';
import { handler, type Feature, type ServerContext } from './context';
import { encodeTable, encodeTableJson } from './tokenEncoding';

export { LEGEND as SEMANTIC_TOKENS_LEGEND } from '../core/service/tokens';

const empty = (): SemanticTokens => ({ data: [] });

/** Tokens `[from, to)` of `table`, encoded as JSON already when the transport writes that as it is. */
function answer(context: ServerContext, table: TokenTable, from = 0, to = table.count): SemanticTokens {
  if (!context.encodedResults) return { data: encodeTable(table, from, to) };
  // Stands in for the array on the wire: its JSON is the array's (see EncodedJsonArray).
  return { data: encodeTableJson(table, from, to) as unknown as number[] };
}

export const semanticTokensFeature: Feature = {
  name: 'semanticTokens',
  capabilities: () => ({ semanticTokensProvider: { legend: LEGEND, full: true, range: true } }),
  register(context) {
    context.connection.languages.semanticTokens.on(
      handler(context, 'semanticTokens', empty, (params: SemanticTokensParams): SemanticTokens => {
        const table = context.service.tokens(params.textDocument.uri);
        return table ? answer(context, table) : empty();
      }),
    );
    context.connection.languages.semanticTokens.onRange(
      handler(context, 'semanticTokensRange', empty, (params: SemanticTokensRangeParams): SemanticTokens => {
        const table = context.service.tokens(params.textDocument.uri);
        return table ? answer(context, table, ...tableRange(table, params.range)) : empty();
      }),
    );
  },
};
