// Outline kinds as LSP symbol kinds, and the core's flat symbols (workspace symbols; the outline of a client
// without hierarchy) as SymbolInformation. The kinds give each level its own icon in VS Code's Outline and
// breadcrumbs:
//   letter (of several)    File       (`CM17-0020384 (L3-2016)`, detail = `letter 2 of 3 · 1 item`)
//   header                 Module     (`Header`, detail = case number; a case number in workspace symbols)
//   header field           Property   (`Date of Injury`, detail = the value)
//   section                Namespace  (the heading as written)
//   reviewer credentials   Object     (detail = specialties · states)
//   disputed item          Event      (a decision: name = the item, detail = `Upheld · MTUS …`)
//   item field             Field      (`Decision rationale`, detail = its citation or conclusion)
// A client that lists the kinds it supports gets Class for Object and Function for Event when those two
// are missing (pre-3.x clients know File..Array only).
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver';
import type { OutlineKind } from '../core/outline';
import type { FlatSymbol } from '../core/service/symbols';

const SYMBOL_KINDS: Record<OutlineKind, SymbolKind> = {
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

/** An outline kind as the symbol kind a client shows. */
export type SymbolKindOf = (kind: OutlineKind) => SymbolKind;

/** Every outline kind's own symbol kind, for a client that supports them all. */
export const ownSymbolKind: SymbolKindOf = (kind) => SYMBOL_KINDS[kind];

/** Each outline kind's symbol kind, or one the client knows when it does not list that one (`valueSet`, else File..Array). */
export function symbolKindMapper(listed: readonly SymbolKind[] | undefined): SymbolKindOf {
  const supported = listed ? new Set(listed) : DEFAULT_KIND_SET;
  return (outlineKind) => {
    const kind = SYMBOL_KINDS[outlineKind];
    return supported.has(kind) ? kind : (FALLBACK_KINDS[kind] ?? SymbolKind.Field);
  };
}

export function toSymbolInformation(symbol: FlatSymbol, kindOf: SymbolKindOf): SymbolInformation {
  const { name, kind, uri, range, containerName } = symbol;
  const information: SymbolInformation = { name, kind: kindOf(kind), location: { uri, range } };
  if (containerName !== undefined) information.containerName = containerName;
  return information;
}
