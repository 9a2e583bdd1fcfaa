// Rule documentation opens rendered and read-only. The server links each diagnostic to its rule's Markdown file
// under the extension (`file:///…/docs/rules/IMR001.md`: any LSP editor can open that); in VS Code the link is
// rewritten to a read-only virtual document, `imr-rule:/IMR001.md`, shown as a Markdown preview in place of
// its source, so the install folder's file is never opened for editing.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const RULE_DOC_SCHEME = 'imr-rule';
const RULE_DOC_NAME = /^IMR\d{3}\.md$/;

/** The `imr-rule:` link for a `file:` link to a rule doc in `docsFolder`; any other link as it is. */
export function ruleDocLink(target: vscode.Uri, docsFolder: string): vscode.Uri {
  if (target.scheme !== 'file') return target;
  const name = path.basename(target.fsPath);
  if (path.dirname(target.fsPath) !== docsFolder || !RULE_DOC_NAME.test(name)) return target;
  return vscode.Uri.from({ scheme: RULE_DOC_SCHEME, path: `/${name}` });
}

/** Rewrites the rule links of diagnostics (`code.target`) as they arrive from the server, pulled or pushed. */
export function ruleDocMiddleware(docsFolder: string): Pick<Middleware, 'handleDiagnostics' | 'provideDiagnostics'> {
  return {
    handleDiagnostics(uri, diagnostics, next) {
      next(
        uri,
        diagnostics.map((d) => withRuleDocLink(d, docsFolder)),
      );
    },
    async provideDiagnostics(document, previousResultId, token, next) {
      const report = await next(document, previousResultId, token);
      if (report && 'items' in report) {
        for (const d of report.items) withRuleDocLink(d, docsFolder);
      }
      return report;
    },
  };
}

export function withRuleDocLink(diagnostic: vscode.Diagnostic, docsFolder: string): vscode.Diagnostic {
  const code = diagnostic.code;
  if (typeof code === 'object' && code.target) code.target = ruleDocLink(code.target, docsFolder);
  return diagnostic;
}

/** Where the extension ships the rule docs (the server links to the same files). */
export function ruleDocsFolder(context: vscode.ExtensionContext): string {
  return context.asAbsolutePath(path.join('docs', 'rules'));
}

export function registerRuleDocs(context: vscode.ExtensionContext): void {
  const docsFolder = ruleDocsFolder(context);
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const name = path.posix.basename(uri.path);
      if (!RULE_DOC_NAME.test(name)) return `No rule documentation is named ${name}.`;
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.file(path.join(docsFolder, name)));
      // The generator's note to developers is no part of the documentation.
      return new TextDecoder().decode(bytes).replace(/^<!--[^\n]*-->\r?\n/, '');
    },
  };
  const showRendered = async (editor: vscode.TextEditor | undefined) => {
    const uri = editor?.document.uri;
    if (uri?.scheme !== RULE_DOC_SCHEME) return;
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    const source = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .filter((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());
    await vscode.window.tabGroups.close(source);
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, provider),
    vscode.window.onDidChangeActiveTextEditor((editor) => void showRendered(editor)),
  );
}
