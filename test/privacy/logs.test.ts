// Privacy, proven at run time: the real server (dist/server.js --stdio) works through letters at the default
// log level and at the most verbose one (`imr.logLevel` debug, LSP trace verbose), over every feature and
// some failure paths, and no sentence of any letter may appear in its stderr, window/logMessage,
// window/showMessage or $/logTrace. Runs on the shipped letters always, and on more corpus letters when present.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol, Position } from 'vscode-languageserver-protocol';
import {
  fileUri,
  LspHarness,
  NEOVIM_CAPABILITIES,
  tempWorkspace,
  VSCODE_CAPABILITIES,
  type HarnessOptions,
} from '../lsp/harness';
import { uriForLog } from '../../server/src/lsp/log';
import { corpusLetters, corpusPresent, corpusSkip, type Letter } from '../support/corpus';
import { letterText, SHIPPED_LETTERS } from '../support/letters';
import { at } from '../support/elements';

/** How many corpus letters of each form to add to the shipped ones, when the corpus is there. */
const CORPUS_EXTRA = 3;

/** The shipped letters (examples/ and test fixtures), and a few more of each form from the corpus. */
function letters(): Letter[] {
  const shipped = SHIPPED_LETTERS.map((name) => ({ name, text: letterText(name) }));
  if (!corpusPresent()) return shipped;
  const extra = (['seeds', 'text', 'layout'] as const).flatMap((form) =>
    corpusLetters([form])
      .filter((l) => !SHIPPED_LETTERS.includes(l.name))
      .slice(0, CORPUS_EXTRA),
  );
  return [...shipped, ...extra];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ');
const letterCount = (s: string) => s.match(/\p{L}/gu)?.length ?? 0;
const WINDOW = 32;

/**
 * Letter text found in `logs`: every line of 20 or more characters (10 of them letters) that appears whole, and
 * every 32-character stretch of a longer line (16 of them letters) that appears.
 */
export function leaks(logs: string, letter: string): string[] {
  const haystack = collapse(logs);
  const windows = new Set<string>();
  for (let i = 0; i + WINDOW <= haystack.length; i++) windows.add(haystack.slice(i, i + WINDOW));
  const found = new Set<string>();
  for (const raw of letter.split(/\r\n|\r|\n/)) {
    const line = collapse(raw).trim();
    if (line.length < 20 || letterCount(line) < 10) continue; // a rule of dashes or a date is not a sentence
    if (haystack.includes(line)) {
      found.add(line);
      continue;
    }
    for (let i = 0; i + WINDOW <= line.length; i++) {
      const w = line.slice(i, i + WINDOW);
      if (letterCount(w) >= 16 && windows.has(w)) {
        found.add(w);
        break;
      }
    }
  }
  return [...found];
}

/** Positions all over a document: line starts, middles and ends, a sample of lines. */
function positions(text: string): Position[] {
  const lines = text.split(/\r\n|\r|\n/);
  const step = Math.max(1, Math.floor(lines.length / 8));
  const out: Position[] = [];
  for (let line = 0; line < lines.length; line += step) {
    const length = at(lines, line).length;
    for (const character of [0, Math.floor(length / 2), length]) out.push({ line, character });
  }
  return out;
}

/** Everything the server sends that a user could read in a log: collected from a running harness. */
class LogSink {
  readonly traces: string[] = [];
  constructor(readonly lsp: LspHarness) {
    lsp.connection.onNotification('$/logTrace', (p: { message: string; verbose?: string }) => {
      this.traces.push(`${p.message}\n${p.verbose ?? ''}`);
    });
  }
  text(): string {
    return [
      this.lsp.serverStderr,
      ...this.lsp.logs.map((l) => l.message),
      ...this.lsp.messages.history.map((m) => m.message),
      ...this.traces,
    ].join('\n');
  }
}

/** Every feature on every letter, edits, and requests that fail, so that every log line has its chance. */
async function exercise(lsp: LspHarness, ws: string, all: readonly Letter[], pull: boolean): Promise<void> {
  for (const [n, letter] of all.entries()) {
    const uri = fileUri(path.join(ws, `open-${n}.txt`));
    const pushed = pull ? undefined : lsp.waitForDiagnostics(uri);
    await lsp.open(uri, letter.text);
    let diagnostics: Diagnostic[];
    if (pushed) diagnostics = (await pushed).diagnostics;
    else
      diagnostics =
        (await lsp.request<{ items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items ?? [];
    const textDocument = { uri };
    const symbols = await lsp.request<DocumentSymbol[] | null>('textDocument/documentSymbol', { textDocument });
    await lsp.request('textDocument/foldingRange', { textDocument });
    await lsp.request('textDocument/semanticTokens/full', { textDocument });
    await lsp.request('textDocument/codeLens', { textDocument });
    const points = positions(letter.text);
    await lsp.request('textDocument/selectionRange', { textDocument, positions: points });
    for (const position of points) {
      await lsp.request('textDocument/hover', { textDocument, position });
      await lsp.request('textDocument/completion', { textDocument, position });
    }
    for (const d of diagnostics) {
      await lsp.request('textDocument/codeAction', { textDocument, range: d.range, context: { diagnostics: [d] } });
    }
    // Workspace search by words of the letter, so that a query echo would be caught.
    const name = symbols?.[0]?.name ?? '';
    await lsp.request('workspace/symbol', { query: name.slice(0, 40) });
    // An edit in the middle, then a request that is out of range and a repeated version.
    const middle = Math.floor(letter.text.split('\n').length / 2);
    const edited = pull ? undefined : lsp.waitForDiagnostics(uri, (p) => p.version === 2);
    await lsp.change(uri, 2, [
      {
        range: { start: { line: middle, character: 0 }, end: { line: middle, character: 0 } },
        text: 'Inserted line of text.\n',
      },
    ]);
    await edited;
    await lsp
      .request('textDocument/hover', { textDocument, position: { line: 1_000_000, character: 5 } })
      .catch(() => undefined);
    await lsp.change(uri, 2, [{ text: letter.text }]);
    await lsp.request('textDocument/documentSymbol', { textDocument });
    await lsp.close(uri);
  }
  // Requests that must fail: unknown documents, a malformed command.
  const missing = { uri: fileUri(path.join(ws, 'never-opened.txt')) };
  await lsp
    .request('textDocument/hover', { textDocument: missing, position: { line: 0, character: 0 } })
    .catch(() => undefined);
  await lsp
    .request('workspace/executeCommand', { command: 'imr.no-such-command', arguments: [all[0]?.text.slice(0, 200)] })
    .catch(() => undefined);
}

const LETTERS = letters();
/** The server's debug line for a push or a pull of diagnostics; group 1 is the URI as logged. */
const DIAGNOSTICS_LOG = /^\[imr\] (?:published|answered a pull with) \d+ diagnostics for (\S+) v\d+$/;

const RUNS: { name: string; options: Omit<HarnessOptions, 'workspaceFolders'>; verbose: boolean; pull: boolean }[] = [
  {
    name: 'default log level, VS Code client',
    options: { capabilities: VSCODE_CAPABILITIES, settings: {} },
    verbose: false,
    pull: true,
  },
  {
    name: 'imr.logLevel debug and trace verbose, VS Code client',
    options: { capabilities: VSCODE_CAPABILITIES, settings: { logLevel: 'debug' } },
    verbose: true,
    pull: true,
  },
  {
    name: 'imr.logLevel debug and trace verbose, Neovim client (push diagnostics)',
    options: { capabilities: NEOVIM_CAPABILITIES, initializationOptions: { imr: { logLevel: 'debug' } } },
    verbose: true,
    pull: false,
  },
];

describe('no letter text in the server logs', () => {
  test('the leak detector finds whole lines and long stretches, and ignores short or non-letter ones', () => {
    const letter =
      'Short line.\nThe injured worker is a 45 year old male who sustained an injury.\n--------------------------------------------\n';
    assert.deepEqual(leaks('[imr] nothing here\n-------------------------------------------- ', letter), []);
    assert.deepEqual(leaks('[imr] hover: The injured worker is a 45 year old male who sustained an injury.', letter), [
      'The injured worker is a 45 year old male who sustained an injury.',
    ]);
    assert.deepEqual(leaks('[imr] parse: ...is a 45 year old male who sustained an in...', letter), [
      'is a 45 year old male who sustai',
    ]);
  });

  test('corpus letters are checked too', { skip: corpusSkip() }, () => {
    // Every seed is shipped already; text/ and layout/ have many more.
    assert.ok(LETTERS.length >= SHIPPED_LETTERS.length + 2 * CORPUS_EXTRA, LETTERS.map((l) => l.name).join(', '));
  });

  for (const run of RUNS) {
    describe(run.name, () => {
      let ws = '';
      let lsp: LspHarness;
      let sink: LogSink;
      before(async () => {
        ws = tempWorkspace('imr-privacy-');
        // The workspace holds the letters too (the index reads them), and a configuration with problems.
        for (const [n, letter] of LETTERS.entries()) fs.writeFileSync(path.join(ws, `indexed-${n}.txt`), letter.text);
        fs.writeFileSync(
          path.join(ws, '.imr.json'),
          JSON.stringify({
            rules: { IMR014: 'hint', 'no-such-rule': 'error', IMR012: { severity: 'warning', unknownOption: 1 } },
          }),
        );
        lsp = await LspHarness.start({ ...run.options, workspaceFolders: [ws] });
        sink = new LogSink(lsp);
        if (run.verbose) await lsp.notify('$/setTrace', { value: 'verbose' });
      });
      after(async () => {
        try {
          if (!lsp.hasExited) await lsp.shutdown();
        } finally {
          fs.rmSync(ws, { recursive: true, force: true });
        }
      });

      test('no sentence of any letter in stderr, log messages, shown messages or traces', async () => {
        await exercise(lsp, ws, LETTERS, run.pull);
        await lsp.shutdown();
        const logs = sink.text();
        // Proof that the level took effect, with no race: at debug the server logs every push of diagnostics
        // right after sending it, and every pull answer before sending it, so each letter's line is in
        // before the shutdown response. At the default level, none.
        const answered = new Set(lsp.logs.map((l) => DIAGNOSTICS_LOG.exec(l.message)?.[1]));
        const missing = LETTERS.map((_, n) => uriForLog(fileUri(path.join(ws, `open-${n}.txt`)))).filter(
          (uri) => answered.has(uri) !== run.verbose,
        );
        assert.deepEqual(missing, [], `the debug level logs each letter's diagnostics (${run.verbose ? 'on' : 'off'})`);
        const found = LETTERS.flatMap((l) => leaks(logs, l.text).map((s) => `${l.name}: ${s}`));
        assert.deepEqual(found, []);
      });
    });
  }
});
