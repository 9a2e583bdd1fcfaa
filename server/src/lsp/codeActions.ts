// textDocument/codeAction: the actions of core/service/codeActions.ts (quick fixes, "Disable rule … for this
// workspace", `source.fixAll.imr`) as LSP CodeActions. A quick fix whose inserted text holds slots
// (`<rationale>`) carries their spans in `data` (FixSnippetData), from which the VS Code client makes snippet
// tab stops. "Disable rule" runs `imr.server.disableRule` (disableRule.ts). A client without
// `codeActionLiteralSupport` gets Commands instead (`imr.server.applyEdit` carries the edit).
import type { CodeAction, CodeActionParams, Command, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CODE_ACTION_KINDS } from '../core/service/codeActionKinds';
import type { CodeActionEntry, DiagnosticRef } from '../core/service/codeActions';
import type { FixSnippetData } from '../protocol';
import { handler, isCancelledBy, type Feature, type ServerContext } from './context';
import { DIAGNOSTIC_SOURCE, isDiagnosticData } from './diagnostics';
import { DISABLE_RULE_COMMAND, disableRule } from './disableRule';
import { workspaceEditOf } from './workspaceEdit';

export const APPLY_EDIT_COMMAND = 'imr.server.applyEdit';

type DiagnosticOf = DiagnosticRef & { diagnostic: Diagnostic };

/** What the service reads of a diagnostic: ours or not, and its fixes when its data is of this version. */
function diagnosticRef(diagnostic: Diagnostic, version: number): DiagnosticOf {
  const { source, code, range, message } = diagnostic;
  const data: unknown = diagnostic.data;
  return {
    code: source === DIAGNOSTIC_SOURCE && typeof code === 'string' ? code : undefined,
    range,
    message: typeof message === 'string' ? message : message.value, // ours are plain strings
    fixes: isDiagnosticData(data) && data.version === version ? data.fixes : undefined,
    diagnostic,
  };
}

function toCodeAction(
  context: ServerContext,
  document: TextDocument,
  action: CodeActionEntry<DiagnosticOf>,
): CodeAction {
  const { kind, title } = action;
  if ('disableRule' in action) {
    const command = { title, command: DISABLE_RULE_COMMAND, arguments: [action.disableRule, document.uri] };
    return { title, kind, diagnostics: action.diagnostics.map((d) => d.diagnostic), command };
  }
  const edit = workspaceEditOf(context, document.uri, document.version, action.edits);
  if (!('diagnostics' in action)) return { title, kind, edit };
  const data: FixSnippetData | undefined = action.placeholders && { placeholders: action.placeholders };
  const diagnostics = action.diagnostics.map((d) => d.diagnostic);
  return { title, kind, diagnostics, isPreferred: action.isPreferred, edit, ...(data ? { data } : {}) };
}

/** Clients without code action literals take Commands: the edit travels in `imr.server.applyEdit`. */
const asCommand = (a: CodeAction): Command =>
  a.command ?? { title: a.title, command: APPLY_EDIT_COMMAND, arguments: [a.edit] };

const takesLiterals = (context: ServerContext): boolean =>
  context.clientCapabilities.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;

async function codeActions(context: ServerContext, params: CodeActionParams, isCancelled: () => boolean) {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return [];
  const diagnostics = params.context.diagnostics.map((d) => diagnosticRef(d, document.version));
  // Untrusted, no .imr.json is read, so none is offered to write.
  const request = { diagnostics, only: params.context.only, offerDisableRule: context.settings.trusted };
  const actions = await context.service.codeActions(document.uri, request, isCancelled);
  const literals = actions.map((a) => toCodeAction(context, document, a));
  return takesLiterals(context) ? literals : literals.map(asCommand);
}

export const codeActionsFeature: Feature = {
  name: 'codeActions',
  capabilities: (context) => ({
    codeActionProvider: takesLiterals(context) ? { codeActionKinds: [...CODE_ACTION_KINDS] } : true,
  }),
  register(context) {
    context.connection.onCodeAction(
      handler(
        context,
        'codeAction',
        (): (CodeAction | Command)[] => [],
        (params: CodeActionParams, token) => codeActions(context, params, isCancelledBy(token)),
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
