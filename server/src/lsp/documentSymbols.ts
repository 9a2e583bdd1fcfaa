// textDocument/documentSymbol: the outline (core/outline.ts, the single source of names and details) as
// hierarchical DocumentSymbol[], or flat SymbolInformation[] for clients without
// `hierarchicalDocumentSymbolSupport`.
//
// Symbol kinds, chosen so that each level has its own icon in VS Code's Outline and breadcrumbs:
//   letter (of several)    File       (`CM17-0020384 (L3-2016)`, detail = `letter 2 of 3 · 1 item`)
//   header                 Module     (`Header`, detail = case number)
//   header field           Property   (`Date of Injury`, detail = the value)
//   section                Namespace  (the heading as written)
//   reviewer credentials   Object     (detail = specialties · states)
//   disputed item          Event      (a decision: name = the item, detail = `Upheld · MTUS …`)
//   item field             Field      (`Decision rationale`, detail = its citation or conclusion)
// A client that lists the kinds it supports gets Class for Object and Function for Event when those two
// are missing (pre-3.x clients know File..Array only).
//
// `range` covers the whole element; `selectionRange` its heading line(s) or label. A degraded document (too
// large, or too long a line) gets the outline of its head only (largeDocuments.ts), never a whole parse.
import {
  SymbolKind,
  type CancellationToken,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
} from 'vscode-languageserver';
import type { OutlineKind, OutlineNode } from '../core/outline';
import { handler, throwIfCancelled, type Feature, type ServerContext } from './context';
import { arrayResult } from './messageWriter';

export const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
  letter: SymbolKind.File,
  header: SymbolKind.Module,
  headerField: SymbolKind.Property,
  section: SymbolKind.Namespace,
  credentials: SymbolKind.Object,
  item: SymbolKind.Event,
  field: SymbolKind.Field,
};

const FALLBACK_KINDS: Partial<Record<SymbolKind, SymbolKind>> = {
  [SymbolKind.Object]: SymbolKind.Class,
  [SymbolKind.Event]: SymbolKind.Function,
};

/** File..Array: what a client that does not list its kinds supports (LSP 3.x). */
const DEFAULT_KIND_SET = new Set<SymbolKind>(Array.from({ length: SymbolKind.Array }, (_, i) => (i + 1) as SymbolKind));

/** Maps a kind the client does not list (`valueSet`, else File..Array) to one it knows. */
export function symbolKindMapper(listed: readonly SymbolKind[] | undefined): (kind: SymbolKind) => SymbolKind {
  const supported = listed ? new Set(listed) : DEFAULT_KIND_SET;
  return (kind) => (supported.has(kind) ? kind : (FALLBACK_KINDS[kind] ?? SymbolKind.Field));
}

/** A node's name as a symbol's, which clients require to be non-empty. */
const symbolName = (node: OutlineNode): string => node.name.trim() || '(unnamed)';

export function toDocumentSymbols(
  nodes: readonly OutlineNode[],
  mapKind: (k: SymbolKind) => SymbolKind = (k) => k,
  token?: CancellationToken,
): DocumentSymbol[] {
  return nodes.map((node) => {
    throwIfCancelled(token);
    const symbol: DocumentSymbol = {
      name: symbolName(node),
      kind: mapKind(SYMBOL_KINDS[node.kind]),
      range: node.range,
      selectionRange: node.selectionRange,
    };
    if (node.detail) symbol.detail = node.detail;
    if (node.children.length) symbol.children = toDocumentSymbols(node.children, mapKind, token);
    return symbol;
  });
}

/** Flattened, parents before children; `containerName` is the parent's name. */
export function toSymbolInformation(
  uri: string,
  nodes: readonly OutlineNode[],
  mapKind: (k: SymbolKind) => SymbolKind = (k) => k,
  token?: CancellationToken,
): SymbolInformation[] {
  const out: SymbolInformation[] = [];
  const walk = (list: readonly OutlineNode[], container?: string) => {
    for (const node of list) {
      throwIfCancelled(token);
      const name = symbolName(node);
      const info: SymbolInformation = {
        name,
        kind: mapKind(SYMBOL_KINDS[node.kind]),
        location: { uri, range: node.range },
      };
      if (container !== undefined) info.containerName = container;
      out.push(info);
      walk(node.children, name);
    }
  };
  walk(nodes);
  return out;
}

/**
 * The answer, part by part (one letter at a time, core/outline.ts `outlineParts`), converted by `convert`.
 * Over stdio each part is encoded as JSON and let go (messageWriter.ts): the outline of a file of thousands
 * of letters is never held whole, as nodes, symbols or one JSON string.
 */
function answer<T>(
  context: ServerContext,
  parts: Iterable<readonly OutlineNode[]>,
  convert: (part: readonly OutlineNode[]) => T[],
): T[] {
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
          const parts = context.service.outlineParts(uri);
          throwIfCancelled(token);
          const caps = context.clientCapabilities.textDocument?.documentSymbol;
          const mapKind = symbolKindMapper(caps?.symbolKind?.valueSet);
          return caps?.hierarchicalDocumentSymbolSupport
            ? answer(context, parts, (part) => toDocumentSymbols(part, mapKind, token))
            : answer(context, parts, (part) => toSymbolInformation(uri, part, mapKind, token));
        },
      ),
    );
  },
};
