// VS Code glue, wiring only: each feature lives in its own file.
//  * detect.ts         plain-text letters (opened, or pasted into untitled editors) switched to `imr`
//  * serverHost.ts     the language server, started when the first `imr` document opens
//  * pickItem.ts       IMR: Go to Disputed Item
//  * pdf.ts            PDFs opened as read-only imr documents (text from the server)
//  * determinationsView.ts   the Determinations view (texts and filters in determinationsModel.ts)
//  * workspaceProblems.ts    IMR: Check All Letters (problems of letters that are not open)
//  * statusItem.ts     the language status item, Restart Server, Show Output
//  * commands.ts       Fix All Safe Problems, New Determination
//  * exportCommand.ts  Export Disputed Items…
//  * decisionDecorations.ts  gutter icons whose shapes tell the decisions apart (decisionIcons.ts)
//  * pageBreakDecorations.ts page breaks: the form feed's box hidden, a rule and `page N` instead
//  * ruleDocs.ts       rule documentation from a diagnostic's link, rendered and read-only
import * as vscode from 'vscode';
import type { ExtensionApi } from './api';
import { registerCommands } from './commands';
import { registerDecisionDecorations } from './decisionDecorations';
import { registerDeterminationsView } from './determinationsView';
import { startDetection } from './detect';
import { registerExport } from './exportCommand';
import { registerPageBreakDecorations } from './pageBreakDecorations';
import { registerPdfDocuments } from './pdf';
import { registerPickItem } from './pickItem';
import { registerRuleDocs } from './ruleDocs';
import { ServerHost } from './serverHost';
import { registerStatusItem } from './statusItem';
import { registerWorkspaceProblems } from './workspaceProblems';

let host: ServerHost | undefined;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const detector = startDetection(context);
  host = new ServerHost(context);
  const server = host;
  context.subscriptions.push(
    server,
    vscode.workspace.onDidOpenTextDocument((doc) => {
      if (doc.languageId === 'imr') server.startIfNeeded();
    }),
  );
  server.startIfNeeded();
  registerPickItem(context, server);
  const pdfPage = registerPdfDocuments(context, server);
  registerRuleDocs(context);
  const determinations = registerDeterminationsView(context, server);
  const problems = registerWorkspaceProblems(context, server);
  const status = registerStatusItem(context, server);
  registerCommands(context);
  registerExport(context, server);
  const decorations = registerDecisionDecorations(context, server);
  const pageBreaks = registerPageBreakDecorations(context);
  return { detector, server, determinations, problems, status, decorations, pageBreaks, pdfPage };
}

export async function deactivate(): Promise<void> {
  await host?.stop();
  host = undefined;
}
