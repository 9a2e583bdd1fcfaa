// Hardening over the wire (issue 12): every range inside the document whatever position the client sends,
// no stale parse for a repeated version, and a handler that throws answered empty and logged without text.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  TextEdit,
  type CompletionList,
  type DocumentSymbol,
  type Hover,
  type Range,
  type SelectionRange,
} from 'vscode-languageserver-protocol';
import { letterText } from '../support/letters';
import { LspHarness, serverForSuite, VSCODE_CAPABILITIES } from './harness';
import { at, ofKind } from '../support/elements';

const LETTER = letterText('dwc-2016/text/CM16-0238035.txt');

/** Every [line, character] pair of `ranges` inside `text` (LSP lines: \r\n, \r and \n). */
function outside(text: string, ranges: Range[]): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  const inside = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= at(lines, p.line).length;
  return ranges.filter((r) => !inside(r.start) || !inside(r.end)).map((r) => JSON.stringify(r));
}

function symbolRanges(symbols: DocumentSymbol[]): Range[] {
  return symbols.flatMap((s) => [s.range, s.selectionRange, ...symbolRanges(s.children ?? [])]);
}

describe('ranges the server sends stay inside the document', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  test('completion at character 500 of an empty last line: edits end at the end of that line', async () => {
    const text = `${LETTER.replace(/\s+$/, '')}\n`;
    const uri = await server.openLetter(text);
    const last = text.split('\n').length - 1;
    const list = await lsp.request<CompletionList>('textDocument/completion', {
      textDocument: { uri },
      position: { line: last, character: 500 },
    });
    assert.ok(list.items.length > 0, 'completions at the start of a new line');
    const ranges = list.items.map((item) => ofKind(item.textEdit, TextEdit.is, 'a TextEdit').range);
    assert.deepEqual(outside(text, ranges), []);
    assert.deepEqual(ranges[0], { start: { line: last, character: 0 }, end: { line: last, character: 0 } });
  });

  test('hover and selection ranges past the last line and past the end of a line', async () => {
    const uri = await server.openLetter(LETTER);
    const lines = LETTER.split('\n');
    const positions = [
      { line: lines.length + 40, character: 3 },
      { line: 0, character: 10_000 },
    ];
    const selections = await lsp.request<SelectionRange[]>('textDocument/selectionRange', {
      textDocument: { uri },
      positions,
    });
    const ranges: Range[] = [];
    for (let s: SelectionRange | undefined = selections[0]; s; s = s.parent) ranges.push(s.range);
    for (let s: SelectionRange | undefined = selections[1]; s; s = s.parent) ranges.push(s.range);
    assert.ok(ranges.length >= 2);
    assert.deepEqual(outside(LETTER, ranges), []);
    // Past the last line there is nothing to show; past the end of a line, the word that ends it.
    const hoverAt = (position: { line: number; character: number }) =>
      lsp.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.equal(await hoverAt({ line: lines.length + 40, character: 3 }), null);
    assert.equal(lines[68], 'Medical Clearance: Upheld');
    const atEnd = await hoverAt({ line: 68, character: 10_000 });
    assert.deepEqual(atEnd?.range, { start: { line: 68, character: 19 }, end: { line: 68, character: 25 } });
  });

  test('a didChange that repeats a version number with other text is parsed again', async () => {
    const uri = await server.openLetter(LETTER);
    const short = LETTER.split('\n').slice(0, 40).join('\n');
    await lsp.change(uri, 2, [{ text: LETTER.replace('Upheld', 'Upheld ') }]);
    const first = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(
      symbolRanges(first).some((r) => r.end.line > 40),
      'the long letter has symbols past line 40',
    );
    await lsp.change(uri, 2, [{ text: short }]); // the same version number again
    const second = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(outside(short, symbolRanges(second)), []);
  });
});

describe('a handler that throws (failure injected for tests)', () => {
  const server = serverForSuite({
    capabilities: VSCODE_CAPABILITIES,
    settings: { logLevel: 'debug' },
    serverArgs: ['--test-inject-failure=hover'],
  });
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  test('is answered with the empty result, logged by name without the text, and the server goes on', async () => {
    const uri = await server.openLetter(LETTER);
    const hover = await lsp.request<Hover | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 10, character: 2 },
    });
    assert.equal(hover, null);
    const failures = lsp.logs.filter((l) => l.message.startsWith('[imr] hover failed'));
    assert.equal(failures.length, 1);
    assert.match(at(failures, 0).message, /^\[imr\] hover failed: Error\n\s+at /);
    // The injected error's message quotes the letter; no line of it may reach a log or stderr.
    const sentences = LETTER.split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length >= 20);
    assert.ok(sentences.length > 50);
    const written = [...lsp.logs.map((l) => l.message), lsp.serverStderr].join('\n');
    assert.deepEqual(
      sentences.filter((s) => written.includes(s)),
      [],
    );
    assert.doesNotMatch(written, /injected failure quoting/);
    // Other requests, and the same one again, are still served.
    const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.length > 0);
    assert.equal(
      await lsp.request<Hover | null>('textDocument/hover', {
        textDocument: { uri },
        position: { line: 10, character: 2 },
      }),
      null,
    );
    assert.equal(lsp.logs.filter((l) => l.message.startsWith('[imr] hover failed')).length, 2);
  });
});

describe('a message that is neither a request, a notification nor a response', () => {
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {} });
  let lsp: LspHarness;
  before(() => ({ lsp } = server));

  test('is logged by vscode-jsonrpc in its first line only, never with what it held', async () => {
    const sentence = 'The injured worker is a 50 year old female with chronic neck pain.';
    const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    // A client's bug: no method, no id (vscode-jsonrpc logged it whole, after a line break), and a batch.
    lsp.child.stdin.write(frame(JSON.stringify({ jsonrpc: '2.0', params: { textDocument: { text: sentence } } })));
    lsp.child.stdin.write(frame(JSON.stringify([{ jsonrpc: '2.0', params: sentence }])));
    // Messages are handled in order: the logs of the two come before this answer.
    assert.deepEqual(
      await lsp.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///none.txt' } }),
      [],
    );
    assert.deepEqual(
      lsp.logs.map((l) => l.message),
      [
        'Received message which is neither a response nor a notification message:',
        'Received message which is neither a response nor a notification message:',
      ],
    );
    assert.doesNotMatch(lsp.serverStderr, /chronic neck pain/);
  });
});
