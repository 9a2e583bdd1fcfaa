// The large-document policy in `npm run bench` (server/src/lsp/largeDocuments.ts): no request may take more
// than about a second, whatever a document's size or line length.
//  * Documents just under the limits (imr.maxDocumentSize 2 MB, imr.maxLineLength 200,000), checked in full:
//    real letters, and hostile texts (a date on every line: the most semantic tokens; `ab  ` on every line:
//    the most findings; one 199,000-character line). For each, the slowest of didOpen → diagnostics and nine
//    requests.
//  * Degraded documents: 10 MB of letters joined into one line (didOpen → diagnostics), and 50 MiB of letters
//    (document symbols, then the slowest other request), with the server's peak RSS.
import * as fs from 'node:fs';
import { now, Server, SERVER_JS, type Row } from './benchServer';
import { bigText, MiB } from './lspBench';

const LIMIT = 2_000_000;
const LINE_LIMIT = 200_000;

/** `unit` repeated to just under `length` characters. */
function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.floor(length / unit.length));
}

/** Every request a document gets, at a position in its middle. */
function requests(uri: string, text: string): [string, unknown][] {
  const lineCount = text.split('\n').length;
  const at = { line: lineCount >> 1, character: 3 };
  const textDocument = { uri };
  return [
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/semanticTokens/full', { textDocument }],
    ['textDocument/codeLens', { textDocument }],
    ['textDocument/selectionRange', { textDocument, positions: [at] }],
    ['textDocument/hover', { textDocument, position: at }],
    ['textDocument/completion', { textDocument, position: at }],
    ['textDocument/codeAction', { textDocument, range: { start: at, end: at }, context: { diagnostics: [] } }],
    ['imr/documentItems', { uri }],
  ];
}

/** Opens `text` in a fresh server; the slowest of didOpen → diagnostics and every request, with its name. */
async function slowestRequest(text: string): Promise<{ ms: number; what: string; hwm?: number }> {
  const server = await Server.start({ settings: { diagnostics: { debounceMs: 0 } } });
  try {
    const uri = 'file:///bench/large.txt';
    const published = server.diagnosticsFor(uri, 1);
    let start = now();
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr', version: 1, text },
    });
    await published;
    let slowest = { ms: now() - start, what: 'diagnostics' };
    for (const [method, params] of requests(uri, text)) {
      start = now();
      await server.request(method, params);
      const ms = now() - start;
      if (ms > slowest.ms) slowest = { ms, what: method.slice(method.lastIndexOf('/') + 1) };
    }
    return { ...slowest, hwm: server.memory().hwm };
  } finally {
    await server.stop();
  }
}

export async function largeDocumentBenchmarks(texts: string[], row: Row): Promise<void> {
  if (!fs.existsSync(SERVER_JS)) return;
  console.log('\nLarge documents (imr.maxDocumentSize 2 MB, imr.maxLineLength 200,000):');
  const letters = bigText(texts, LIMIT);
  const cases: [string, string][] = [
    ['2.0 MB of letters', letters.slice(0, letters.lastIndexOf('\n', LIMIT - 1))],
    ['2.0 MB, a date on every line', repeatTo('1/2/2015\n', LIMIT)],
    ['2.0 MB, `ab  ` on every line', repeatTo('ab  \n', LIMIT)],
    ['a letter and a 199,999-character line', `${texts[0]}\n${repeatTo('a1/ ', LINE_LIMIT - 1)}`],
  ];
  for (const [label, text] of cases) {
    const { ms, what } = await slowestRequest(text);
    row(`slowest request, ${label}`, `${ms.toFixed(0)} ms (${what})`, '<= 1000 ms', ms <= 1000);
  }

  const oneLine = bigText(texts, 10 * MiB).replace(/\r\n|\r|\n|\f/g, ' ');
  const line = await slowestRequest(oneLine);
  row(
    `slowest request, ${(oneLine.length / 1e6).toFixed(0)} MB on one line (degraded)`,
    `${line.ms.toFixed(0)} ms (${line.what})`,
    '<= 1000 ms',
    line.ms <= 1000,
  );

  const huge = bigText(texts, 50 * MiB);
  const server = await Server.start({ settings: {} });
  try {
    const uri = 'file:///bench/fifty-mebibytes.txt';
    const published = server.diagnosticsFor(uri, 1);
    const opened = now();
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr', version: 1, text: huge },
    });
    await published;
    const afterOpen = server.memory().hwm;
    // Mostly the 50 MiB message itself: written, read and decoded as JSON.
    row('didOpen → diagnostics, 50 MiB (degraded)', `${(now() - opened).toFixed(0)} ms`, '(info)', true);
    const start = now();
    const symbols = await server.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const ms = now() - start;
    row(
      `documentSymbol, ${(huge.length / MiB).toFixed(0)} MiB (degraded; ${symbols.length} top-level)`,
      `${ms.toFixed(0)} ms`,
      '<= 1000 ms',
      ms <= 1000,
    );
    let slowest = { ms: 0, what: '' };
    for (const [method, params] of requests(uri, huge)) {
      const t0 = now();
      await server.request(method, params);
      if (now() - t0 > slowest.ms) slowest = { ms: now() - t0, what: method.slice(method.lastIndexOf('/') + 1) };
    }
    row(
      '  slowest request after it',
      `${slowest.ms.toFixed(0)} ms (${slowest.what})`,
      '<= 1000 ms',
      slowest.ms <= 1000,
    );
    const { hwm } = server.memory();
    if (hwm !== undefined)
      row('  server peak RSS with it (VmHWM)', `${(hwm / 1e6).toFixed(0)} MB`, '<= 400 MB', hwm / 1e6 <= 400);
    // Where the peak is: reading the message (its JSON and the text parsed from it), or the requests after.
    if (afterOpen !== undefined)
      row('    of which by didOpen → diagnostics', `${(afterOpen / 1e6).toFixed(0)} MB`, '(info)', true);
  } finally {
    await server.stop();
  }
}
