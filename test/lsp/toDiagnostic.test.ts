// Findings as LSP diagnostics (server/src/lsp/diagnostics.ts), in process: every field with its exact value,
// the related places only with the document's URI, and a degraded document's one diagnostic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../server/src/core/rules';
import { degradedDiagnostic, toDiagnostic } from '../../server/src/lsp/diagnostics';

const range = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

const finding: Finding = {
  ruleId: 'IMR004',
  ruleName: 'decision-conclusion-mismatch',
  severity: 'warning',
  message: 'The rationale concludes "medically necessary" but the decision is Upheld.',
  range: range(9, 90, 9, 114),
  related: [{ message: 'The decision', range: range(6, 25, 6, 31) }],
};

test('a finding with a related place: the place in the document at the URI', () => {
  assert.deepEqual(toDiagnostic(finding, 3, '/ext', 'file:///letters/a.txt'), {
    range: range(9, 90, 9, 114),
    severity: DiagnosticSeverity.Warning,
    code: 'IMR004',
    codeDescription: { href: 'file:///ext/docs/rules/IMR004.md' },
    source: 'imr',
    message: 'The rationale concludes "medically necessary" but the decision is Upheld.',
    relatedInformation: [
      { location: { uri: 'file:///letters/a.txt', range: range(6, 25, 6, 31) }, message: 'The decision' },
    ],
    data: { ruleId: 'IMR004', version: 3, fixes: [] },
  });
});

test('without the URI (a letter checked from its file): no related places', () => {
  assert.equal('relatedInformation' in toDiagnostic(finding, 0, '/ext'), false);
});

test('a degraded document: one IMR000 information on its first line, naming the setting', () => {
  const document = TextDocument.create('file:///letters/big.txt', 'imr', 7, `${'x'.repeat(12)}\r\nrest`);
  const degradation = { kind: 'size', size: 3_000_000, limit: 2_000_000 } as const;
  assert.deepEqual(degradedDiagnostic(document, degradation, '/ext'), {
    range: range(0, 0, 0, 12),
    severity: DiagnosticSeverity.Information,
    code: 'IMR000',
    codeDescription: { href: 'file:///ext/docs/rules/IMR000.md' },
    source: 'imr',
    message:
      'This document is 3.0 MB, over the 2.0 MB limit (setting imr.maxDocumentSize): only the outline of its first 2.0 MB is shown, and the checks, highlighting and other features are off.',
    data: { ruleId: 'IMR000', version: 7, fixes: [] },
  });
});
