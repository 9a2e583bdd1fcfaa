// What every feature module gets: the connection, the open documents and their shared analyses.
import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisCache } from './analysis';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analyses: AnalysisCache;
  /** Set once `initialize` has been received. */
  clientCapabilities: ClientCapabilities;
  /** Workspace folder paths (file system), set on initialize and on folder changes. */
  workspaceFolders: string[];
}

/** A feature module: registers its handlers and says which server capabilities it provides. */
export interface Feature {
  capabilities(context: ServerContext): Record<string, unknown>;
  register(context: ServerContext): void;
}
