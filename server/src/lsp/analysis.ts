// Parse once per document version and share the result between features.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parse, type ImrDocument } from '../core';
import { SourceText } from '../core/source';

export interface Analysis {
  uri: string;
  version: number;
  document: ImrDocument;
  source: SourceText;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  get(doc: TextDocument): Analysis {
    const cached = this.entries.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const analysis: Analysis = { uri: doc.uri, version: doc.version, document: parse(text), source: new SourceText(text) };
    this.entries.set(doc.uri, analysis);
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
