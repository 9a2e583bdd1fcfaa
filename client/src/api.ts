// What `activate` returns: read by the real-editor tests (test/vscode/suite) through `extension.exports`.
import type { DecisionDecorations } from './decisionDecorations';
import type { Detector } from './detect';
import type { DeterminationsProvider } from './determinationsView';
import type { PageBreakDecorations } from './pageBreakDecorations';
import type { ServerHost } from './serverHost';
import type { WorkspaceProblems } from './workspaceProblems';
import type * as vscode from 'vscode';

export interface ExtensionApi {
  detector: Detector;
  server: ServerHost;
  determinations: DeterminationsProvider;
  problems: WorkspaceProblems;
  status: vscode.LanguageStatusItem;
  decorations: DecisionDecorations;
  pageBreaks: PageBreakDecorations;
  /** The status bar item with the PDF page of the caret's line. */
  pdfPage: vscode.StatusBarItem;
}
