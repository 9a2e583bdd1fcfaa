// `--format sarif`: SARIF 2.1.0 for code-scanning tools. The full rule catalog goes in tool.driver.rules, so
// ruleIndex is the same in every log; paths are relative to the working directory, with forward slashes.
// Rules carry no helpUri: SARIF wants an absolute URI, and the rule pages ship inside the extension only.
// Inputs that could not be checked (missing paths, empty patterns, unreadable files) are error
// notifications of the invocation, which is then not successful.
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Range } from '../core/model';
import { RULES, type Finding, type Severity } from '../core/rules';
import type { FailedFile, FileResult } from './results';
import { VERSION } from './version';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function formatSarif(
  results: readonly FileResult[],
  failed: readonly FailedFile[],
  cwd = process.cwd(),
): string {
  return JSON.stringify(sarifLog(results, failed, cwd), null, 2) + '\n';
}

export function sarifLog(results: readonly FileResult[], failed: readonly FailedFile[], cwd: string): Sarif.Log {
  const run: Sarif.Run = {
    tool: {
      driver: { name: 'imr', version: VERSION, semanticVersion: VERSION, rules: RULES.map((r) => descriptor(r.meta)) },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(cwd) } },
    columnKind: 'utf16CodeUnits',
    invocations: [
      {
        executionSuccessful: failed.length === 0,
        toolExecutionNotifications: failed.map((f) => notification(f, cwd)),
      },
    ],
    results: results.flatMap(({ file, findings }) => findings.map((f) => result(f, artifact(file, cwd)))),
  };
  return { $schema: SCHEMA, version: '2.1.0', runs: [run] };
}

function descriptor(meta: (typeof RULES)[number]['meta']): Sarif.ReportingDescriptor {
  return {
    id: meta.id,
    name: meta.name,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.rationale || meta.description },
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { tags: meta.tags, fixable: meta.fixable },
  };
}

function notification(f: FailedFile, cwd: string): Sarif.Notification {
  const out: Sarif.Notification = { level: 'error', message: { text: `${f.file}: ${f.reason}` } };
  if (!f.pattern) out.locations = [{ physicalLocation: { artifactLocation: artifact(f.file, cwd) } }];
  return out;
}

function result(f: Finding, artifactLocation: Sarif.ArtifactLocation): Sarif.Result {
  const ruleIndex = RULES.findIndex((r) => r.meta.id === f.ruleId);
  const out: Sarif.Result = {
    ruleId: f.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(f.range) } }],
  };
  if (f.related?.length) {
    out.relatedLocations = f.related.map((r, id) => ({
      id,
      message: { text: r.message },
      physicalLocation: { artifactLocation, region: region(r.range) },
    }));
  }
  if (f.fixes?.length) {
    out.fixes = f.fixes.map((fix) => ({
      description: { text: fix.title },
      artifactChanges: [
        {
          artifactLocation,
          replacements: fix.edits.map((e) => ({
            deletedRegion: region(e.range),
            insertedContent: { text: e.newText },
          })),
        },
      ],
    }));
  }
  return out;
}

/** SARIF counts lines and columns from 1; the end column is the one just past the range. */
export function region(range: Range): Sarif.Region {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function artifact(file: string, cwd: string): Sarif.ArtifactLocation {
  const rel = relative(cwd, file).split(/[\\/]/).map(encodeURIComponent).join('/');
  return { uri: rel, uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const url = pathToFileURL(dir).href;
  return url.endsWith('/') ? url : `${url}/`;
}
