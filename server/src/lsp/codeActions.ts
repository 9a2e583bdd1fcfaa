// textDocument/codeAction and the `imr.server.disableRule` command.
//
// For each `imr` diagnostic in the request's context:
//  * one `quickfix` per fix of its finding (from `Diagnostic.data`; when the data is missing or refers to an
//    older version, the finding is looked up again by rule id and range), `isPreferred` when it is the only fix
//    or the only `safe` one (so `Uphold` prefers "Change to Upheld" over "Change to Overturned");
//    a fix that inserts slots to fill in (`<rationale>`) carries their spans in `data` (FixSnippetData), from
//    which the VS Code client makes snippet tab stops;
//  * one `quickfix` "Disable rule IMR0NN for this workspace" per rule, which runs `imr.server.disableRule`:
//    the server then sends `workspace/applyEdit` setting `"IMR0NN": "off"` in the `.imr.json` that governs
//    the document, or, when there is none (or it lies outside the document's workspace folder), in a new
//    `.imr.json` at the root of that folder (CreateFile + insert; seeded with the outer file's rules). An existing file gets a minimal edit from jsonc-parser's `modify`, so its
//    comments and layout are kept. A client that cannot create files gets the new file written directly.
// And a `source.fixAll.imr` action applying every `safe` fix of the document whose edits overlap no other
// (without `only`, offered only when it fixes more than one problem).
// `context.only` is honoured (a kind matches itself and its sub-kinds). A client without
// `codeActionLiteralSupport` gets Commands instead (`imr.server.applyEdit` carries the edit).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { modify, parse as parseJsonc, type ParseError } from 'jsonc-parser';
import {
  CodeActionKind,
  type CancellationToken,
  MessageType,
  ShowMessageNotification,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findRule, type Finding, type Fix, type ImrConfig } from '../core/rules';
import { safeFixEdits } from '../core/rules/fixes';
import { placeholderSpans } from '../core/rules/support/placeholders';
import { SourceText } from '../core/source';
import type { FixSnippetData } from '../protocol';
import { CONFIG_FILE_NAME as CONFIG_FILE, createConfigFile, readConfigText } from '../node/config';
import { degradedDocument, handler, throwIfCancelled, type Feature, type ServerContext } from './context';
import { checkDocument, DIAGNOSTIC_SOURCE, isDiagnosticData } from './diagnostics';
import { filePathOf } from './settings';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.imr`;
export const DISABLE_RULE_COMMAND = 'imr.server.disableRule';
export const APPLY_EDIT_COMMAND = 'imr.server.applyEdit';

/** `only` allows `kind` when it names the kind itself or a parent of it (`source` allows `source.fixAll.imr`). */
export function kindAllowed(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function textEditsWorkspaceEdit(
  context: ServerContext,
  uri: string,
  version: number | null,
  edits: TextEdit[],
): WorkspaceEdit {
  if (context.clientCapabilities.workspace?.workspaceEdit?.documentChanges) {
    return { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] };
  }
  return { changes: { [uri]: edits } };
}

// ---- quick fixes ----

/** The slots a fix inserts, for the client to make tab stops of; nothing when it inserts none. */
function snippetData(fix: Fix): { data: FixSnippetData } | Record<string, never> {
  const placeholders = fix.edits.map((e) => placeholderSpans(e.newText));
  return placeholders.some((spans) => spans.length) ? { data: { placeholders } } : {};
}

/** The fixes for a diagnostic: its data when current, else the finding at the same place in a fresh check. */
function fixesFor(diagnostic: Diagnostic, document: TextDocument, fresh: () => Promise<Finding[]>): Promise<Fix[]> {
  const data: unknown = diagnostic.data;
  if (isDiagnosticData(data) && data.version === document.version) return Promise.resolve(data.fixes);
  return fresh().then((findings) => {
    const match = findings.find(
      (f) => f.ruleId === diagnostic.code && sameRange(f.range, diagnostic.range) && f.message === diagnostic.message,
    );
    return match?.fixes ?? [];
  });
}

function ruleIdOf(diagnostic: Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return undefined;
  return findRule(diagnostic.code)?.meta.id;
}

async function codeActions(
  context: ServerContext,
  params: CodeActionParams,
  token: CancellationToken,
): Promise<(CodeAction | Command)[]> {
  const document = context.documents.get(params.textDocument.uri);
  if (!document || degradedDocument(context, document)) return [];
  const only = params.context.only;
  const literal = context.clientCapabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
  const actions: CodeAction[] = [];
  let findings: Promise<Finding[]> | undefined;
  const fresh = () => (findings ??= checkDocument(context, document, token).then((r) => r?.findings ?? []));

  if (kindAllowed(CodeActionKind.QuickFix, only)) {
    const byRule = new Map<string, Diagnostic[]>();
    for (const diagnostic of params.context.diagnostics) {
      throwIfCancelled(token);
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      const fixes = (await fixesFor(diagnostic, document, fresh)).filter((f) => f.edits.length > 0);
      const safe = fixes.filter((f) => f.safe);
      for (const fix of fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          // The only fix, or the only safe one among several (`Uphold` → Upheld rather than → Overturned).
          isPreferred: fixes.length === 1 || (safe.length === 1 && fix.safe),
          edit: textEditsWorkspaceEdit(
            context,
            document.uri,
            document.version,
            fix.edits.map((e) => ({ range: e.range, newText: e.newText })),
          ),
          ...snippetData(fix),
        });
      }
      byRule.set(ruleId, [...(byRule.get(ruleId) ?? []), diagnostic]);
    }
    // Untrusted, no .imr.json is read, so none is offered to write.
    for (const [ruleId, diagnostics] of context.settings.trusted ? byRule : []) {
      const title = `Disable rule ${ruleId} for this workspace`;
      actions.push({
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        command: { title, command: DISABLE_RULE_COMMAND, arguments: [ruleId, document.uri] },
      });
    }
  }

  if (kindAllowed(FIX_ALL_KIND, only)) {
    const all = await fresh();
    throwIfCancelled(token);
    const current = context.documents.get(document.uri);
    if (current && current.version === document.version) {
      const { edits, fixes } = safeFixEdits(all, context.analyses.get(current).source);
      // Asked for by kind (on save, "Fix all"): whenever there is something to fix. In the general list: only
      // when it does more than a single quick fix would.
      if (edits.length && (only !== undefined || fixes > 1)) {
        actions.push({
          title: fixes === 1 ? 'Fix the safe IMR problem' : `Fix all ${fixes} safe IMR problems`,
          kind: FIX_ALL_KIND,
          edit: textEditsWorkspaceEdit(context, document.uri, document.version, edits),
        });
      }
    }
  }

  if (literal) return actions;
  // Clients without code action literals take Commands: the edit travels in `imr.server.applyEdit`.
  return actions.map((a): Command => a.command ?? { title: a.title, command: APPLY_EDIT_COMMAND, arguments: [a.edit] });
}

// ---- disable a rule in .imr.json ----

function isInside(folder: string, filePath: string): boolean {
  return filePath === folder || filePath.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);
}

/** The workspace folder holding `filePath` (the deepest one); for a document with no path, the first folder. */
export function folderFor(context: ServerContext, filePath: string | undefined): string | undefined {
  if (!filePath) return context.workspaceFolders[0];
  return context.workspaceFolders.filter((f) => isInside(f, filePath)).sort((a, b) => b.length - a.length)[0];
}

/**
 * Where "Disable rule" writes. The `.imr.json` that governs the document when it lies in the document's
 * workspace folder (or there is no folder); else a new one at the folder root, seeded with the governing
 * file's rules, because the nearest file wins entirely and an outer file may serve other workspaces.
 */
export function disableRuleTarget(
  context: ServerContext,
  uri: string,
): { file: string; seed?: ImrConfig['rules'] } | undefined {
  const filePath = filePathOf(uri);
  const folder = folderFor(context, filePath);
  const { config, configPath } = context.settings.fileConfigFor(uri);
  if (configPath && (!folder || isInside(folder, configPath))) return { file: configPath };
  const dir = folder ?? (filePath ? path.dirname(filePath) : undefined);
  if (!dir) return undefined;
  return { file: path.join(dir, CONFIG_FILE), seed: configPath ? config.rules : undefined };
}

function eolOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/** The `.imr.json` edit that sets `rules.<ruleId>` to `off`; undefined when it already is. */
export function disableRuleEdits(text: string, ruleId: string): TextEdit[] | undefined {
  const errors: ParseError[] = [];
  const current: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  const rules = typeof current === 'object' && current !== null ? (current as { rules?: unknown }).rules : undefined;
  if (typeof rules === 'object' && rules !== null && (rules as Record<string, unknown>)[ruleId] === 'off')
    return undefined;
  const source = new SourceText(text);
  const edits = modify(text, ['rules', ruleId], 'off', {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: eolOf(text) },
  });
  return edits.map((e) => ({
    range: { start: source.positionAt(e.offset), end: source.positionAt(e.offset + e.length) },
    newText: e.content,
  }));
}

export function newConfigText(ruleId: string, seed: ImrConfig['rules'] = {}): string {
  return `${JSON.stringify({ rules: { ...seed, [ruleId]: 'off' } }, null, 2)}\n`;
}

function warn(context: ServerContext, message: string): void {
  void context.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

async function disableRule(context: ServerContext, args: unknown[]): Promise<void> {
  const [ruleArg, uri] = args;
  const rule = typeof ruleArg === 'string' ? findRule(ruleArg) : undefined;
  if (!rule || typeof uri !== 'string') return;
  const ruleId = rule.meta.id;
  const where = disableRuleTarget(context, uri);
  if (!where) {
    warn(context, `Cannot disable ${ruleId}: the document has no folder to hold a ${CONFIG_FILE}.`);
    return;
  }
  const target = where.file;
  const targetUri = pathToFileURL(target).href;
  const label = `Disable ${ruleId}`;
  const read = readConfigText(target);
  if (typeof read !== 'string' && !read.missing) {
    warn(context, `Cannot read ${target} (${read.error}).`);
    return;
  }
  const existing = typeof read === 'string' ? read : undefined;

  if (existing !== undefined) {
    const edits = disableRuleEdits(existing, ruleId);
    if (!edits) return; // already off
    const result = await context.connection.workspace.applyEdit({
      label,
      edit: textEditsWorkspaceEdit(context, targetUri, null, edits),
    });
    if (!result.applied) context.logger.warn(`applyEdit for ${CONFIG_FILE} was not applied`);
    return;
  }

  const caps = context.clientCapabilities.workspace?.workspaceEdit;
  const text = newConfigText(ruleId, where.seed);
  if (caps?.documentChanges && caps.resourceOperations?.includes('create')) {
    const edit: WorkspaceEdit = {
      documentChanges: [
        { kind: 'create', uri: targetUri, options: { ignoreIfExists: true } },
        TextDocumentEdit.create({ uri: targetUri, version: null }, [
          { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text },
        ]),
      ],
    };
    const result = await context.connection.workspace.applyEdit({ label, edit });
    if (!result.applied) context.logger.warn(`applyEdit creating ${CONFIG_FILE} was not applied`);
    return;
  }
  // The client cannot create files through an edit: write it ourselves (never over an existing file).
  if (createConfigFile(target, text) === undefined) context.configurationChanged('files');
  else warn(context, `Cannot create ${target}.`);
}

export const codeActionsFeature: Feature = {
  name: 'codeActions',
  capabilities(context) {
    const literal = context.clientCapabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
    return { codeActionProvider: literal ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] } : true };
  },
  register(context) {
    context.connection.onCodeAction(
      handler(
        context,
        'codeAction',
        (): (CodeAction | Command)[] => [],
        (params: CodeActionParams, token) => codeActions(context, params, token),
      ),
    );
  },
  commands: {
    [DISABLE_RULE_COMMAND]: (context, args) => disableRule(context, args),
    [APPLY_EDIT_COMMAND]: async (context, args) => {
      const edit = args[0];
      if (typeof edit === 'object' && edit !== null) await context.connection.workspace.applyEdit(edit);
    },
  },
};
