// Parse once per document version and share the result between features; the rule findings are memoised on
// the same entry, per settings generation (see settings.ts), so diagnostics and code actions share one run.
// A new version is analysed from the previous one (core/reanalysis.ts): only the letters an edit touched are
// parsed and checked again. Each entry keeps no more than that: the previous analysis is dropped.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ImrDocument, Letter } from '../core';
import { analyse, checkAnalysis, type Reanalysis } from '../core/reanalysis';
import type { Finding, RuleSetting } from '../core/rules';
import { editorFindings, MAX_FINDINGS_PER_RULE } from '../core/service/findings';
import { SourceText } from '../core/source';
import { collectAfterLargeWork, holdYoungGeneration, LARGE_TEXT } from './memory';

export interface Analysis {
  uri: string;
  version: number;
  document: ImrDocument;
  source: SourceText;
  /** Length of the text in UTF-16 code units (what `imr.maxDocumentSize` is compared with). */
  size: number;
  /** Findings of the last rule run on this version, with the settings generation and `.imr.json` they used. */
  findings?: { generation: number; fileConfig: object; findings: Finding[] };
  /** What the next version reuses; absent only for a text the parser could not read at all. */
  reanalysis?: Reanalysis;
}

/** The analysis of `text`, reusing what it can of `previous`. */
function analysed(text: string, previous: Reanalysis | undefined): Reanalysis | undefined {
  try {
    return analyse(text, previous);
  } catch {
    // A failure in the reuse must not cost the document: read it whole.
  }
  try {
    return analyse(text);
  } catch {
    return undefined;
  }
}

/** What `parse` returns for text it could not read at all. `parse` never throws; this is belt and braces. */
function unreadable(source: SourceText): ImrDocument {
  const last = Math.max(0, source.lineCount - 1);
  const range = { start: { line: 0, character: 0 }, end: { line: last, character: source.lineAt(last).length } };
  const letter: Letter = {
    layout: 'unknown',
    variant: { hasHeader: false, credentialsForm: 'none', extraction: 'plain' },
    sections: [],
    items: [],
    problems: [
      {
        code: 'unknown-layout',
        severity: 'information',
        message: 'The document could not be read as an IMR determination.',
        range: { start: range.start, end: range.start },
      },
    ],
    range,
  };
  return { ...letter, letters: [letter], lineCount: source.lineCount };
}

export class AnalysisCache {
  private readonly entries = new Map<string, Analysis>();

  get(doc: TextDocument): Analysis {
    const cached = this.entries.get(doc.uri);
    // The text itself is compared too: a client may repeat a version number with other text. The same string
    // object while unchanged, so the comparison costs nothing then.
    if (cached && cached.version === doc.version && cached.source.text === doc.getText()) return cached;
    const text = doc.getText();
    // Before the parse, which is what would grow the young generation (see memory.ts).
    if (text.length >= LARGE_TEXT) holdYoungGeneration(true);
    // A full collection takes 50-100 ms with a 10 MiB document open, so an edit pays for one only, after its
    // rule run (`findings`), which frees the previous version's model and text. A text that came whole is
    // collected around its parse too: before, the message that brought it (its JSON, as long again as the
    // text), so that it does not stand under the parse's own peak; after, the parse's garbage.
    const previous = cached?.reanalysis;
    if (!previous) collectAfterLargeWork(text.length);
    const reanalysis = analysed(text, previous);
    const source = reanalysis?.source ?? new SourceText(text);
    const document = reanalysis?.document ?? unreadable(source);
    const analysis: Analysis = { uri: doc.uri, version: doc.version, document, source, size: text.length, reanalysis };
    this.entries.set(doc.uri, analysis);
    this.updateYoungGeneration();
    if (!previous) collectAfterLargeWork(text.length);
    return analysis;
  }

  /**
   * The rule findings for an analysis, computed once per settings generation and `.imr.json` contents
   * (`fileConfig` is the loader's object, the same one while the file is unchanged).
   */
  findings(
    analysis: Analysis,
    configuration: { rules: ReadonlyMap<string, RuleSetting>; generation: number; fileConfig: object },
  ): Finding[] {
    const memo = analysis.findings;
    if (memo && memo.generation === configuration.generation && memo.fileConfig === configuration.fileConfig)
      return memo.findings;
    const { rules, generation, fileConfig } = configuration;
    const findings = analysis.reanalysis
      ? checkAnalysis(analysis.reanalysis, rules, [generation, fileConfig], MAX_FINDINGS_PER_RULE)
      : editorFindings(analysis.document, analysis.source, rules);
    analysis.findings = { generation: configuration.generation, fileConfig: configuration.fileConfig, findings };
    collectAfterLargeWork(analysis.size);
    return findings;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.updateYoungGeneration();
  }

  /** Held while some cached document is large (memory.ts). */
  private updateYoungGeneration(): void {
    let large = false;
    for (const entry of this.entries.values()) if (entry.size >= LARGE_TEXT) large = true;
    holdYoungGeneration(large);
  }
}
