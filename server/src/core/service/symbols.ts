// The outline as editor symbols: names clients accept, and the flat list of a client without hierarchical
// document symbols. Workspace symbols (workspaceSearch.ts) are flat symbols too, so one converter serves both.
import { throwIfCancelled, type IsCancelled } from '../cancel';
import type { Range } from '../model';
import type { OutlineKind, OutlineNode } from '../outline';

/** A symbol of a flat list: an outline node, or a workspace search match, with where it stands. */
export interface FlatSymbol {
  name: string;
  kind: OutlineKind;
  uri: string;
  range: Range;
  /** The name of what the symbol stands under; absent for a top-level one. */
  containerName?: string;
}

/** A node's name as a symbol's: clients reject an empty one. */
export function symbolName(node: OutlineNode): string {
  return node.name.trim() || '(unnamed)';
}

/** `nodes` of the letter at `uri` flattened: parents before their children, each child under its parent's name. */
export function flatSymbols(uri: string, nodes: readonly OutlineNode[], isCancelled?: IsCancelled): FlatSymbol[] {
  const out: FlatSymbol[] = [];
  const walk = (list: readonly OutlineNode[], containerName?: string) => {
    for (const node of list) {
      throwIfCancelled(isCancelled);
      const symbol: FlatSymbol = { name: symbolName(node), kind: node.kind, uri, range: node.range };
      if (containerName !== undefined) symbol.containerName = containerName;
      out.push(symbol);
      walk(node.children, symbol.name);
    }
  };
  walk(nodes);
  return out;
}
