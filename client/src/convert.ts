// Protocol positions and ranges (server/src/protocol.ts) to VS Code's.
import * as vscode from 'vscode';
import type { Range } from 'vscode-languageserver-protocol';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
