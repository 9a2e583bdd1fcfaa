// textDocument/documentSymbol: the outline (core/outline.ts, the single source of names and details) as
// hierarchical DocumentSymbol[], or flat SymbolInformation[] for clients without
// `hierarchicalDocumentSymbolSupport`.
//
// Symbol kinds (File for a letter of several, Event for a disputed item, …): symbols.ts, shared with workspace
// symbols. A flat list names each symbol's parent as its `containerName` (core/service/symbols.ts).
//
// `range` covers the whole element; `selectionRange` its heading line(s) or label. A degraded document (too
// large, or too long a line) gets the outline of its head only (largeDocuments.ts), never a whole parse.
import type { CancellationToken, DocumentSymbol, DocumentSymbolParams, SymbolInformation } from 'vscode-languageserver';
import type { OutlineNode } from '../core/outline';
import { symbolName } from '../core/service/symbols';
import { handler, isCancelledBy, throwIfCancelled, type Feature, type ServerContext } from './context';
import { arrayResult } from './messageWriter';
import { ownSymbolKind, symbolKindMapper, toSymbolInformation, type SymbolKindOf } from './symbols';

export function toDocumentSymbols(
  nodes: readonly OutlineNode[],
  kindOf: SymbolKindOf = ownSymbolKind,
  token?: CancellationToken,
): DocumentSymbol[] {
  return nodes.map((node) => {
    throwIfCancelled(token);
    const { range, selectionRange, detail, children } = node;
    const symbol: DocumentSymbol = { name: symbolName(node), kind: kindOf(node.kind), range, selectionRange };
    if (detail) symbol.detail = detail;
    if (children.length) symbol.children = toDocumentSymbols(children, kindOf, token);
    return symbol;
  });
}

/**
 * The answer, part by part (one letter at a time, core/outline.ts `outlineParts`), converted by `convert`.
 * Over stdio each part is encoded as JSON and let go (messageWriter.ts): the outline of a file of thousands
 * of letters is never held whole, as nodes, symbols or one JSON string.
 */
function answer<P, T>(context: ServerContext, parts: Iterable<P>, convert: (part: P) => T[]): T[] {
  function* elements(): Iterable<T> {
    for (const part of parts) yield* convert(part);
  }
  return arrayResult(elements(), context.encodedResults);
}

export const documentSymbolsFeature: Feature = {
  name: 'documentSymbols',
  capabilities: () => ({ documentSymbolProvider: { label: 'IMR determination' } }),
  register(context) {
    context.connection.onDocumentSymbol(
      handler(
        context,
        'documentSymbol',
        (): DocumentSymbol[] | SymbolInformation[] => [],
        (params: DocumentSymbolParams, token) => {
          const { uri } = params.textDocument;
          const caps = context.clientCapabilities.textDocument?.documentSymbol;
          const kindOf = symbolKindMapper(caps?.symbolKind?.valueSet);
          if (caps?.hierarchicalDocumentSymbolSupport)
            return answer(context, context.service.outlineParts(uri), (part) => toDocumentSymbols(part, kindOf, token));
          const parts = context.service.flatOutlineParts(uri, isCancelledBy(token));
          return answer(context, parts, (part) => part.map((symbol) => toSymbolInformation(symbol, kindOf)));
        },
      ),
    );
  },
};
