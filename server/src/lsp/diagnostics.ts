// Diagnostics: the rule findings of each open document, as LSP diagnostics.
//
// Push or pull, per client (the standard approach, as the TypeScript and ESLint servers do):
//  * a client that advertises `textDocument.diagnostic` (pull, LSP 3.17) gets a `diagnosticProvider` and
//    is never pushed to. `textDocument/diagnostic` answers `unchanged` while the document version and the
//    settings generation are those of `previousResultId`. After a settings or `.imr.json` change the server
//    asks the client to pull again (`workspace/diagnostic/refresh`) when it supports that;
//  * any other client gets `textDocument/publishDiagnostics`: at once when a document is opened, then
//    `imr.diagnostics.debounceMs` (default 200 ms) after the last change, and again after a settings change.
//    Closing a document clears its diagnostics.
//
// Each diagnostic: `code` = rule id, `codeDescription.href` = the rule's doc shipped with the extension
// (`docs/rules/IMR0NN.md`, as a file URI), `source` = `imr`, `data` = `{ ruleId, version, fixes }` (plain
// data, read back by code actions). A degraded document (over `imr.maxDocumentSize` or `imr.maxLineLength`,
// largeDocuments.ts) gets no rule run, only one information diagnostic saying why.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Severity } from '../core/rules';
import { configurationIfCurrent, handler, throwIfCancelled, type Feature, type ServerContext } from './context';
import type { DocumentConfiguration } from './settings';
import { degradationFinding, type Degradation } from '../core/service/largeDocuments';
import { degradationOf } from './largeDocuments';
import { uriForLog } from './log';
import { collectAfterLargeWork } from './memory';

export const DIAGNOSTIC_SOURCE = 'imr';

/** What `Diagnostic.data` holds: enough for a quick fix without re-running the rules. */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the fixes' ranges refer to. */
  version: number;
  fixes: Fix[];
}

export function isDiagnosticData(value: unknown): value is DiagnosticData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<DiagnosticData>;
  return typeof v.ruleId === 'string' && typeof v.version === 'number' && Array.isArray(v.fixes);
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** `file:///…/docs/rules/IMR001.md` under the extension root. */
export function ruleDocUri(extensionRoot: string, ruleId: string): string {
  return pathToFileURL(path.join(extensionRoot, 'docs', 'rules', `${ruleId}.md`)).href;
}

/** What a diagnostic is made from: a rule's finding, or a degraded document's note. */
type DiagnosticFinding = Pick<Finding, 'ruleId' | 'severity' | 'message' | 'range' | 'fixes' | 'related'>;

/** The finding's related places (the decision a conclusion contradicts), in the document at `uri`. */
function relatedOf(
  { related }: DiagnosticFinding,
  uri: string | undefined,
): DiagnosticRelatedInformation[] | undefined {
  if (uri === undefined || !related?.length) return undefined;
  return related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
}

/** `uri`: the document's, for the finding's related places; without it a diagnostic has none. */
export function toDiagnostic(
  finding: DiagnosticFinding,
  version: number,
  extensionRoot: string,
  uri?: string,
): Diagnostic {
  const data: DiagnosticData = { ruleId: finding.ruleId, version, fixes: finding.fixes ?? [] };
  const related = relatedOf(finding, uri);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: ruleDocUri(extensionRoot, finding.ruleId) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related ? { relatedInformation: related } : {}),
    data,
  };
}

/** The one diagnostic of a degraded document (core/service/largeDocuments.ts `degradationFinding`). */
export function degradedDiagnostic(
  document: TextDocument,
  degradation: Degradation,
  extensionRoot: string,
): Diagnostic {
  return toDiagnostic(degradationFinding(document.getText(), degradation), document.version, extensionRoot);
}

export interface CheckResult {
  version: number;
  generation: number;
  findings: Finding[];
  diagnostics: Diagnostic[];
}

/** The version of each degraded document collected after (documents are updated in place by edits). */
const degradedCollected = new WeakMap<TextDocument, number>();

/** The findings under `configuration` as diagnostics: a degraded document's one diagnostic, else the service's findings. */
async function diagnosticsUnder(
  context: ServerContext,
  document: TextDocument,
  configuration: DocumentConfiguration,
): Promise<Pick<CheckResult, 'findings' | 'diagnostics'>> {
  const degradation = degradationOf(document, configuration.settings);
  if (degradation) {
    // Each version of a large text is a new string as long as the text (100 MB for 50 M two-byte characters),
    // and nothing else here collects the ones before it: left to V8, a 50 MiB document's edits grew the server
    // from 170 MB to 1.1 GB. Once a version: a pull of the same version has nothing new to collect.
    if (degradedCollected.get(document) !== document.version) {
      degradedCollected.set(document, document.version);
      collectAfterLargeWork(document.getText().length);
    }
    return { findings: [], diagnostics: [degradedDiagnostic(document, degradation, context.extensionRoot)] };
  }
  // The shared analysis's memoised rule run under these settings (languageService.ts); a copy, as the caller's own.
  const findings = [...(await context.service.diagnostics(document.uri))];
  const diagnostics = findings.map((f) => toDiagnostic(f, document.version, context.extensionRoot, document.uri));
  return { findings, diagnostics };
}

/**
 * The document's current version's findings under its settings, as diagnostics. Undefined when the document
 * was closed or changed meanwhile (a newer check is on its way).
 */
export async function checkDocument(
  context: ServerContext,
  document: TextDocument,
  token?: CancellationToken,
): Promise<CheckResult | undefined> {
  const { uri, version } = document;
  const configuration = await configurationIfCurrent(context, uri, version);
  throwIfCancelled(token);
  if (!configuration) return undefined;
  const result = await diagnosticsUnder(context, document, configuration);
  throwIfCancelled(token);
  // Changed while the findings were awaited: they are the newer version's, and a check of it is on its way.
  return context.documents.get(uri)?.version === version
    ? { version, generation: configuration.generation, ...result }
    : undefined;
}

/** True when this client pulls diagnostics (and so is never pushed to). */
export function usesPullDiagnostics(context: ServerContext): boolean {
  return context.clientCapabilities.textDocument?.diagnostic !== undefined;
}

/** A per-session prefix, so a restarted server never answers `unchanged` to an id of its predecessor. */
const SESSION = `${process.pid.toString(36)}${Date.now().toString(36)}`;

function resultId(version: number, generation: number): string {
  return `${SESSION}:${version}:${generation}`;
}

/** `unchanged` when the client holds this version's diagnostics under this settings generation, else all of them. */
function pullAnswer(previousResultId: string | undefined, result: CheckResult): DocumentDiagnosticReport {
  const id = resultId(result.version, result.generation);
  if (previousResultId === id) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: id };
  return { kind: DocumentDiagnosticReportKind.Full, resultId: id, items: result.diagnostics };
}

/** A pull: `unchanged` while the version and settings generation are those of `previousResultId`. */
async function pullReport(
  context: ServerContext,
  params: DocumentDiagnosticParams,
  token: CancellationToken,
): Promise<DocumentDiagnosticReport> {
  const document = context.documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const known = resultId(document.version, context.settings.generation);
  if (params.previousResultId === known) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: known };
  const result = await checkDocument(context, document, token);
  // The document changed while its settings were fetched: ask the client to pull again.
  if (!result)
    throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed.', { retriggerRequest: true });
  context.logger.debug(
    `answered a pull with ${result.diagnostics.length} diagnostics for ${uriForLog(document.uri)} v${result.version}`,
  );
  // The settings generation may have moved on while they were fetched: the answer is under the result's.
  return pullAnswer(params.previousResultId, result);
}

/** Push mode: debounced re-checks and publishing. Per open document: its pending timer and its latest run. */
class Publisher {
  private readonly open = new Map<string, { timer?: NodeJS.Timeout; run: number }>();
  private runs = 0;

  constructor(private readonly context: ServerContext) {}

  /** A document's content changed: check now when just opened, else after the debounce delay. */
  changed(uri: string): void {
    this.schedule(uri, this.open.has(uri) ? this.context.settings.settingsNow(uri).diagnostics.debounceMs : 0);
  }

  schedule(uri: string, delayMs: number): void {
    const state = this.open.get(uri) ?? { run: 0 };
    this.open.set(uri, state);
    clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      void this.run(uri, state);
    }, delayMs);
  }

  closed(uri: string): void {
    clearTimeout(this.open.get(uri)?.timer);
    this.open.delete(uri);
    this.send(uri, undefined, []);
  }

  recheckAll(): void {
    for (const document of this.context.documents.all()) this.schedule(document.uri, 0);
  }

  dispose(): void {
    for (const state of this.open.values()) clearTimeout(state.timer);
    this.open.clear();
  }

  private async run(uri: string, state: { run: number }): Promise<void> {
    const run = (state.run = ++this.runs);
    try {
      const document = this.context.documents.get(uri);
      if (!document) return;
      const result = await checkDocument(this.context, document);
      // Changed meanwhile (no result), closed (its state gone) or overtaken by a newer run: that one publishes.
      if (!result || this.open.get(uri) !== state || state.run !== run) return;
      this.send(uri, result.version, result.diagnostics);
      this.context.logger.debug(
        `published ${result.diagnostics.length} diagnostics for ${uriForLog(uri)} v${result.version}`,
      );
    } catch (error) {
      this.context.logger.error('diagnostics failed', error);
    }
  }

  private send(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void {
    this.context.connection
      .sendDiagnostics({ uri, version, diagnostics })
      .catch((error: unknown) => this.context.logger.error('publishDiagnostics failed', error));
  }
}

/** The diagnostics feature; a factory because it holds per-server state (the push timers). */
export function createDiagnosticsFeature(): Feature {
  let publisher: Publisher | undefined;
  return {
    name: 'diagnostics',
    capabilities(context) {
      if (!usesPullDiagnostics(context)) return {};
      return {
        diagnosticProvider: {
          identifier: DIAGNOSTIC_SOURCE,
          interFileDependencies: false,
          workspaceDiagnostics: false,
        },
      };
    },
    register(context) {
      const push = (publisher = new Publisher(context));
      context.documents.onDidChangeContent(({ document }) => {
        if (!usesPullDiagnostics(context)) push.changed(document.uri);
      });
      context.documents.onDidClose(({ document }) => {
        if (!usesPullDiagnostics(context)) push.closed(document.uri);
      });
      context.connection.languages.diagnostics.on(
        handler(
          context,
          'diagnostic',
          (): DocumentDiagnosticReport => ({ kind: DocumentDiagnosticReportKind.Full, items: [] }),
          (params: DocumentDiagnosticParams, token) => pullReport(context, params, token),
        ),
      );
    },
    settingsChanged(context) {
      if (!usesPullDiagnostics(context)) {
        publisher?.recheckAll();
        return;
      }
      if (context.clientCapabilities.workspace?.diagnostics?.refreshSupport) {
        context.connection.languages.diagnostics
          .refresh()
          .catch((error: unknown) => context.logger.error('diagnostic refresh failed', error));
      }
    },
    dispose() {
      publisher?.dispose();
    },
  };
}
