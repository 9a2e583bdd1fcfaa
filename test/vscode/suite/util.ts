// Helpers shared by the real-editor tests. Only the `vscode` API: the same suite runs in code-server
// (web workbench, Node extension host) and in desktop VS Code (@vscode/test-electron).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeterminationNode, DeterminationsProvider } from '../../../client/src/determinationsView';

export const EXTENSION_ID = 'imr-tools.imr-determinations';

/** The fixtures workspace, found from this file (bundled into out/test/vscode/suite, or run from source). */
export const FIXTURES: string = (() => {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'test', 'vscode', 'fixtures', 'ws');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`test/vscode/fixtures/ws not found above ${__dirname}`);
  }
})();

export const fixture = (name: string): vscode.Uri => vscode.Uri.file(path.join(FIXTURES, name));

/**
 * Editor events after which a result may have changed: documents opened, edited or re-languaged, diagnostics,
 * the active editor and its selection (the status items follow the caret).
 */
function nextEditorEvent(until: number): Promise<void> {
  return new Promise((resolve) => {
    const subscriptions: vscode.Disposable[] = [];
    const done = () => {
      clearTimeout(deadline);
      for (const s of subscriptions) s.dispose();
      resolve();
    };
    // The deadline only ends the wait; it is not a pause between tries.
    const deadline = setTimeout(done, Math.max(0, until - Date.now()));
    subscriptions.push(
      vscode.workspace.onDidOpenTextDocument(done),
      vscode.workspace.onDidChangeTextDocument(done),
      vscode.languages.onDidChangeDiagnostics(done),
      vscode.window.onDidChangeActiveTextEditor(done),
      vscode.window.onDidChangeTextEditorSelection(done),
    );
  });
}

/**
 * Calls `f` until `ok` accepts its value, trying again after each editor event, until `ms` have passed; returns
 * the last value (the caller's assertion then reports what was actually seen). Waits on events, never a fixed time.
 */
export async function poll<T>(f: () => T | Thenable<T>, ok: (v: T) => boolean, ms = 30000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const event = nextEditorEvent(end); // listen before trying, so an event during the try is not missed
    let value: T;
    try {
      value = await f();
    } catch (error) {
      if (Date.now() > end) throw error;
      await event;
      continue;
    }
    if (ok(value) || Date.now() > end) return value;
    await event;
  }
}

/** The language of the open document with this URI (setTextDocumentLanguage replaces the document object). */
export function languageOf(uri: vscode.Uri): string | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())?.languageId;
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
}

/** Opens the letter and waits until it is in the `imr` language (so the language server has it). */
export async function openAsImr(uri: vscode.Uri): Promise<vscode.TextDocument> {
  await open(uri);
  const lang = await poll(
    () => languageOf(uri),
    (v) => v === 'imr',
  );
  if (lang !== 'imr') throw new Error(`${path.basename(uri.fsPath)} is ${lang}, not imr`);
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc) throw new Error(`${uri.toString()} is not open`);
  return doc;
}

/** Symbols as a flat list, depth first (DocumentSymbol trees), or as given (SymbolInformation). */
export function flatten(
  symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined,
): (vscode.DocumentSymbol | vscode.SymbolInformation)[] {
  const out: (vscode.DocumentSymbol | vscode.SymbolInformation)[] = [];
  const walk = (list: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]) => {
    for (const s of list) {
      out.push(s);
      if ('children' in s && s.children) walk(s.children);
    }
  };
  walk(symbols ?? []);
  return out;
}

/** The item symbols: those whose detail is a decision (`Upheld · …`, `Overturned · …`). */
export function itemSymbols(
  symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined,
): vscode.DocumentSymbol[] {
  return flatten(symbols).filter(
    (s): s is vscode.DocumentSymbol => 'detail' in s && /^(Upheld|Overturned)\b/.test(s.detail ?? ''),
  );
}

export async function documentSymbols(
  uri: vscode.Uri,
  until: (s: vscode.DocumentSymbol[]) => boolean = (s) => s.length > 0,
  ms?: number,
) {
  return poll(
    async () =>
      itemSymbols(
        await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri),
      ),
    until,
    ms,
  );
}

/** A diagnostic's code as a string, whether it is given as `code` or `{ value, target }`. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

export async function diagnosticsWith(uri: vscode.Uri, code: string, ms?: number): Promise<vscode.Diagnostic[]> {
  const all = await poll(
    () => vscode.languages.getDiagnostics(uri),
    (ds) => ds.some((d) => codeOf(d) === code),
    ms,
  );
  return all.filter((d) => codeOf(d) === code);
}

/** A hover's text, all its parts joined. */
export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** The hovers at `position` once their text includes `expected` (what was last seen, after the poll's time). */
export function hoversWith(
  uri: vscode.Uri,
  position: vscode.Position,
  expected: string,
): Promise<vscode.Hover[] | undefined> {
  return poll(
    () => vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', uri, position),
    (h) => hoverText(h).includes(expected),
  );
}

export const compact = (r: vscode.Range): string =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** Runs a command as a click on its lens or tree item would (`Command.arguments` is typed `any[]`). */
export function runCommand(command: vscode.Command): Thenable<unknown> {
  const args: readonly unknown[] = command.arguments ?? [];
  return vscode.commands.executeCommand(command.command, ...args);
}

/** The Determinations view's root nodes, fetched again after each tree change until `ok` accepts them. */
export async function determinationsUntil(
  view: DeterminationsProvider,
  ok: (nodes: DeterminationNode[]) => boolean,
  ms = 30000,
): Promise<DeterminationNode[]> {
  const end = Date.now() + ms;
  for (;;) {
    const changed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, end - Date.now()));
      const sub = view.onDidChangeTreeData(() => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      });
    });
    const nodes = await view.getChildren();
    if (ok(nodes) || Date.now() > end) return nodes;
    await changed;
  }
}
