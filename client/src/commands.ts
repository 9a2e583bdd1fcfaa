// Editor commands: `IMR: Fix All Safe Problems` (the server's `source.fixAll.imr` action, also run by
// `editor.codeActionsOnSave`) and `IMR: New Determination` (an untitled letter from a skeleton of the current
// layout, with a tab stop for every field and item).
import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../../server/src/protocol';

export const FIX_ALL_COMMAND = 'imr.fixAll';
export const NEW_DETERMINATION_COMMAND = 'imr.newDetermination';
const fixAllKind = vscode.CodeActionKind.Empty.append(FIX_ALL_KIND);

/** The current (L3) layout: header columns, the reviewer paragraph, credentials, summary, one item. */
export const DETERMINATION_SKELETON = [
  'Case Number:',
  'Date Assigned:',
  'Decision Date:',
  'Priority:',
  '',
  '${1:CM00-0000000}',
  '${2:MM/DD/YYYY}',
  '${3:MM/DD/YYYY}',
  '${4|Standard,Expedited|}',
  '',
  'Date of Injury:',
  'UR Denial Date:',
  'Application',
  'Received:',
  '',
  '${5:MM/DD/YYYY}',
  '${6:MM/DD/YYYY}',
  '${7:MM/DD/YYYY}',
  '',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no',
  'affiliation with the employer, employee, providers or the claims administrator.',
  '',
  'The Expert Reviewer has the following credentials:',
  'State(s) of Licensure: ${8:California}',
  'Certification(s)/Specialty: ${9:specialty}',
  '',
  'CLINICAL CASE SUMMARY',
  'The expert reviewer developed the following clinical case summary based on a review of the case',
  'file, including all medical records:',
  '',
  '${10:summary}',
  '',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  '',
  '${11:disputed item}: ${12|Upheld,Overturned|}',
  '',
  'Claims Administrator guideline: Decision based on ${13:MTUS citation}.',
  '',
  'MAXIMUS guideline: Decision based on ${14:MTUS citation}.',
  '',
  'Decision rationale: ${15:rationale}. Therefore, the request for ${11} is ${16|not medically necessary,medically necessary|}.',
  '$0',
].join('\n');

/** Fixes the letter named by `uri` (menus and tests pass it), else the active editor's. */
async function fixAll(uri?: vscode.Uri): Promise<boolean> {
  const doc =
    uri instanceof vscode.Uri
      ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
      : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'imr') return false;
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    doc.uri,
    whole,
    FIX_ALL_KIND,
    1,
  );
  const action = (actions ?? []).find((a) => a.kind && fixAllKind.contains(a.kind) && a.edit);
  if (!action?.edit) {
    void vscode.window.showInformationMessage('IMR: no problem in this letter has a safe fix.');
    return false;
  }
  return vscode.workspace.applyEdit(action.edit);
}

async function newDetermination(): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'imr', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(DETERMINATION_SKELETON), new vscode.Position(0, 0));
  return editor;
}

export function registerCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(FIX_ALL_COMMAND, fixAll),
    vscode.commands.registerCommand(NEW_DETERMINATION_COMMAND, newDetermination),
  );
}
