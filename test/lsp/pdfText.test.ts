// `imr/pdfText` over the protocol: the server reads a PDF for the client's read-only `imr-pdf:` document,
// with the page of each line, or says in one line why it cannot; the document then gets its symbols and
// findings like any letter.
import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  DocumentSymbolRequest,
  FileChangeType,
  SymbolKind,
  type Diagnostic,
  type DocumentSymbol,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import {
  CheckWorkspaceRequest,
  DeterminationsRequest,
  ExportRequest,
  PDF_SCHEME,
  PdfTextRequest,
  type CheckWorkspaceResult,
  type DeterminationsResult,
  type ExportResult,
  type PdfTextResult,
} from '../../server/src/protocol';
import { filePathOf } from '../../server/src/lsp/settings';
import { fileUri, serverForSuite, VSCODE_CAPABILITIES, type LspHarness } from './harness';
import { at } from '../support/elements';
import { deflatedSpaces, pdfWith } from '../pdf/support/bombs';

const PDFS = path.resolve(__dirname, '..', 'fixtures', 'pdf');
const TEXT = path.resolve(__dirname, '..', 'cli', 'fixtures', 'letters', 'two-items.txt');
const BAD_PDFS = ['bad-damaged.pdf', 'bad-not-a-pdf.pdf', 'bad-password.pdf', 'bad-scanned.pdf', 'bad-truncated.pdf'];

describe('imr/pdfText', () => {
  // The workspace holds one PDF letter and one bad PDF, for workspace symbols.
  const server = serverForSuite({
    capabilities: VSCODE_CAPABILITIES,
    settings: {},
    populate: (ws) => {
      fs.copyFileSync(path.join(PDFS, 'two-items.pdf'), path.join(ws, 'typed.pdf'));
      fs.copyFileSync(path.join(PDFS, 'bad-scanned.pdf'), path.join(ws, 'scan.pdf'));
    },
  });
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  test('a PDF: its text, with a form feed at each page end, and the page of every line', async () => {
    const result = await lsp.request<PdfTextResult>(PdfTextRequest, { uri: fileUri(path.join(PDFS, 'two-items.pdf')) });
    assert.ok('text' in result, JSON.stringify(result));
    const lines = result.text.split('\n');
    assert.equal(result.pages.length, lines.length);
    const issues = lines.findIndex((l) => l.includes('IMR ISSUES, DECISIONS AND RATIONALES'));
    assert.deepEqual([result.pages[0], result.pages[issues - 1], result.pages[issues]], [1, 1, 2]);
    assert.match(at(lines, issues), /^\f/);
  });

  test('each bad PDF: its one-line reason, as on the command line (the editor shows it with the file name)', async () => {
    const reasons: Record<string, string> = {};
    for (const name of BAD_PDFS) {
      const result = await lsp.request<PdfTextResult>(PdfTextRequest, { uri: fileUri(path.join(PDFS, name)) });
      reasons[name] = 'reason' in result ? result.reason : 'read';
    }
    assert.deepEqual(reasons, {
      'bad-damaged.pdf': 'damaged or truncated PDF; cannot be read',
      'bad-not-a-pdf.pdf': 'not a PDF file (it does not start with %PDF-); skipped',
      'bad-password.pdf': 'PDF needs a password to open; skipped (save a copy without a password to check it)',
      'bad-scanned.pdf': 'has no text to read: a scanned image without a text layer? (OCR is not supported)',
      'bad-truncated.pdf': 'damaged or truncated PDF; cannot be read',
    });
    assert.deepEqual(await lsp.request<PdfTextResult>(PdfTextRequest, { uri: 'https://example.invalid/a.pdf' }), {
      reason: 'not a file on this computer',
    });
  });

  test('a PDF whose stream decompresses to 128 MiB: the one-line reason of the command line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-pdf-bomb-'));
    try {
      const bomb = path.join(dir, 'bomb.pdf');
      fs.writeFileSync(bomb, pdfWith([await deflatedSpaces(128)]));
      assert.deepEqual(await lsp.request<PdfTextResult>(PdfTextRequest, { uri: fileUri(bomb) }), {
        reason: 'a stream in this PDF decompresses to more than 64 MiB; not read',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the extracted text opened as an imr-pdf: document gets symbols, and the findings of its text', async () => {
    const result = await lsp.request<PdfTextResult>(PdfTextRequest, { uri: fileUri(path.join(PDFS, 'two-items.pdf')) });
    assert.ok('text' in result);
    const uri = `${PDF_SCHEME}:${path.join(PDFS, 'two-items.pdf').split(path.sep).join('/')}`;
    const textUri = fileUri(path.join(server.ws, 'typed-as-text.txt'));
    await lsp.open(uri, result.text);
    await lsp.open(textUri, fs.readFileSync(TEXT, 'utf8'));
    const codes = async (u: string) =>
      (await lsp.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: u } })).items.map(
        (d) => [d.code, d.message],
      );
    assert.deepEqual(await codes(uri), await codes(textUri));
    const symbols = await lsp.request<DocumentSymbol[]>(DocumentSymbolRequest.type, { textDocument: { uri } });
    const items = symbols.flatMap(function walk(s: DocumentSymbol): DocumentSymbol[] {
      return s.kind === SymbolKind.Event ? [s] : (s.children ?? []).flatMap(walk);
    });
    assert.deepEqual(
      items.map((s) => s.name),
      ['Labs to include: EKG', 'Lidocaine 5% patch, "as needed", #30'],
    );
    await lsp.close(uri);
    await lsp.close(textUri);
  });

  test('PDFs in the workspace are in workspace symbols, located in their imr-pdf: documents', async () => {
    const symbols = await lsp.request<SymbolInformation[]>('workspace/symbol', { query: 'lidocaine' });
    const typed = `${PDF_SCHEME}:${fileUri(path.join(server.ws, 'typed.pdf')).replace(/^file:\/\//, '')}`;
    assert.deepEqual(
      symbols.map((s) => [s.name, s.location.uri, s.location.range.start.line]),
      [['Lidocaine 5% patch, "as needed", #30', typed, 17]],
    );
  });

  test('PDFs in the workspace are in the Determinations view, opening in their imr-pdf: documents', async () => {
    const result = await lsp.request<DeterminationsResult>(DeterminationsRequest, {});
    const typed = `${PDF_SCHEME}:${fileUri(path.join(server.ws, 'typed.pdf')).replace(/^file:\/\//, '')}`;
    assert.deepEqual(
      result.letters.map((l) => [l.uri, l.fileName, l.counts]),
      [[typed, 'typed.pdf', { items: 2, upheld: 1, overturned: 1, invalid: 0 }]],
    );
  });

  test('Check All Letters reads a PDF letter of the workspace through its imr-pdf: document', async () => {
    const result = await lsp.request<CheckWorkspaceResult>(CheckWorkspaceRequest, {});
    const typed = `${PDF_SCHEME}:${fileUri(path.join(server.ws, 'typed.pdf')).replace(/^file:\/\//, '')}`;
    assert.deepEqual(
      result.letters.map((l) => [l.uri, l.diagnostics.map((d) => d.code)]),
      [[typed, []]], // a clean letter, as `imr check` finds it
    );
    assert.equal(result.checked, 1);
  });

  test('Export Disputed Items reads a PDF letter of the workspace from its PDF: its rows name the PDF file', async () => {
    const result = await lsp.request<ExportResult>(ExportRequest, { format: 'json' });
    assert.deepEqual(result.errors, []);
    const rows = JSON.parse(result.text) as { file: string; item: string; decision: string }[];
    const pdf = path.join(server.ws, 'typed.pdf');
    assert.deepEqual(
      rows.map((r) => [r.file, r.decision]),
      [
        [pdf, 'Upheld'],
        [pdf, 'Overturned'],
      ],
    );
  });

  test("an imr-pdf: document stands for its PDF file, so the folder's .imr.json applies to it as on the command line", () => {
    assert.equal(filePathOf('imr-pdf:/letters/a%20b.pdf'), '/letters/a b.pdf');
    assert.equal(filePathOf('file:///letters/a.txt'), '/letters/a.txt');
    assert.equal(filePathOf('untitled:Untitled-1'), undefined);
  });

  // Last: it turns scan.pdf into a letter.
  test('a PDF changed on disk is read again: its letter joins workspace symbols', async () => {
    const scan = path.join(server.ws, 'scan.pdf');
    fs.copyFileSync(path.join(PDFS, 'two-items.pdf'), scan);
    const changed = lsp.waitForNotification('imr/indexChanged');
    await lsp.changeWatchedFiles([{ uri: fileUri(scan), type: FileChangeType.Changed }]);
    await changed;
    const symbols = await lsp.request<SymbolInformation[]>('workspace/symbol', { query: 'lidocaine' });
    const pdfUri = (name: string) => `${PDF_SCHEME}:${fileUri(path.join(server.ws, name)).replace(/^file:\/\//, '')}`;
    assert.deepEqual(
      symbols.map((s) => s.location.uri),
      [pdfUri('scan.pdf'), pdfUri('typed.pdf')],
    );
  });
});
