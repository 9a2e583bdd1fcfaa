// Language-server figures for `npm run bench`, measured over stdio against the built server (dist/server.js),
// the way an editor talks to it: every figure includes JSON-RPC framing and the pipe.
//
//  * the cold start and the first outline on a fresh server (startupBench.ts);
//  * didChange → publishDiagnostics on a 1 MiB document, one-character edits, debounce set to 0 through the
//    settings (so nothing needs subtracting), then line breaks (which move every letter after them); next to
//    it, the server's part of it in this process (re-analysis, rules, conversion, JSON) and the full parse +
//    rules each edit cost before re-analysis;
//  * document symbols and semantic tokens for the median-sized letter: right after an edit (parse + compute,
//    the figure held to the target) and again on the same version (the shared analysis and token cache);
//  * the workspace index of 2,000 letters written to a temporary folder: from `initialized` to the server's
//    `imr/indexReady` notification, and the slowest request answered while it was being built;
//  * the server's peak RSS (VmHWM) with a 10 MiB document open and checked (imr.maxDocumentSize raised), then
//    asked for symbols, tokens and code lenses;
//  * then the large-document policy (largeDocBench.ts) and edits on large documents (largeEditBench.ts), run
//    by bench.ts.
// Next to the memory figures, an info row gives the floor they sit on: the idle server's RSS.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from '../../server/src/core';
import { analyse, checkAnalysis } from '../../server/src/core/reanalysis';
import { resolveRuleSettings, runRules } from '../../server/src/core/rules';
import { SourceText } from '../../server/src/core/source';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/core/service/findings';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { median, now, SERVER_JS, Server, type Row } from './benchServer';
import { startupBenchmarks } from './startupBench';
import { at } from '../support/elements';

export const MiB = 1024 * 1024;

/** Letters concatenated (each whole) to at least `bytes`. */
export function bigText(texts: string[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const t = at(texts, i % texts.length);
    parts.push(t);
    size += Buffer.byteLength(t) + 1;
  }
  return parts.join('\n');
}

/** An insertion point in the middle of the text, as a position: the start of the middle line. */
export function middlePosition(text: string): { line: number; character: number } {
  let line = 0;
  const half = text.length >> 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < half; i = text.indexOf('\n', i + 1)) line++;
  return { line, character: 0 };
}

/** An edit at `at` and its undoing, alternately: a character, or a line break (which moves what follows). */
export function editAt(at: { line: number; character: number }, piece: 'x' | '\n', insert: boolean) {
  const end = piece === 'x' ? { line: at.line, character: at.character + 1 } : { line: at.line + 1, character: 0 };
  return insert ? { range: { start: at, end: at }, text: piece } : { range: { start: at, end }, text: '' };
}

/** Sends one change as `version` and waits for its diagnostics: the milliseconds from sending to receiving. */
export async function timedEdit(
  server: Server,
  uri: string,
  version: number,
  change: ReturnType<typeof editAt>,
): Promise<number> {
  const published = server.diagnosticsFor(uri, version);
  const t0 = now();
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [change],
  });
  await published;
  return now() - t0;
}

async function diagnosticsLatency(texts: string[], row: Row): Promise<void> {
  const server = await Server.start({ settings: { diagnostics: { debounceMs: 0 } } });
  try {
    const text = bigText(texts, MiB);
    const uri = 'file:///bench/one-mebibyte.txt';
    const opened = server.diagnosticsFor(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr', version: 1, text },
    });
    await opened;
    const at = middlePosition(text);
    let version = 1;
    const size = `${(Buffer.byteLength(text) / MiB).toFixed(1)} MiB`;
    for (const piece of ['x', '\n'] as const) {
      const samples: number[] = [];
      for (let k = 0; k < 30; k++) {
        // Insert, then delete: the size stays at 1 MiB.
        const ms = await timedEdit(server, uri, ++version, editAt(at, piece, k % 2 === 0));
        if (k > 1) samples.push(ms); // the first two warm the JIT
      }
      const ms = median(samples);
      if (piece === 'x')
        row(`didChange → diagnostics, ${size}, debounce 0`, `${ms.toFixed(1)} ms`, '<= 20 ms', ms <= 20);
      else row('  … a line break (the letters after it move)', `${ms.toFixed(1)} ms`, '(info)', true);
    }
    inProcessFloor(text, at, row);
  } finally {
    await server.stop();
  }
}

/**
 * What the server's part of a didChange costs in this process, on the same text and edits: the re-analysis
 * (parse of the touched letter), the rules, the conversion to LSP diagnostics and their JSON; and the full
 * parse + rules that every edit cost before re-analysis (core/reanalysis.ts).
 */
function inProcessFloor(text: string, at: { line: number; character: number }, row: Row): void {
  const document = TextDocument.create('file:///bench/floor.txt', 'imr', 1, text);
  const settings = resolveRuleSettings({});
  let analysis = analyse(text);
  checkAnalysis(analysis, settings, [], MAX_FINDINGS_PER_RULE);
  const parts = { parse: [] as number[], rules: [] as number[], conversion: [] as number[], json: [] as number[] };
  for (let k = 0; k < 30; k++) {
    TextDocument.update(document, [editAt(at, 'x', k % 2 === 0)], k + 2);
    const t0 = now();
    analysis = analyse(document.getText(), analysis);
    const t1 = now();
    const findings = checkAnalysis(analysis, settings, [], MAX_FINDINGS_PER_RULE);
    const t2 = now();
    const diagnostics = findings.map((f) => toDiagnostic(f, k + 2, '/extension', document.uri));
    const t3 = now();
    JSON.stringify({ uri: document.uri, version: k + 2, diagnostics });
    const t4 = now();
    if (k < 2) continue;
    parts.parse.push(t1 - t0);
    parts.rules.push(t2 - t1);
    parts.conversion.push(t3 - t2);
    parts.json.push(t4 - t3);
  }
  row('  of which re-analysis: parse (in process)', `${median(parts.parse).toFixed(1)} ms`, '(info)', true);
  row('  … rules', `${median(parts.rules).toFixed(1)} ms`, '(info)', true);
  row('  … conversion to diagnostics', `${median(parts.conversion).toFixed(2)} ms`, '(info)', true);
  row('  … JSON', `${median(parts.json).toFixed(2)} ms`, '(info)', true);
  // The floor before re-analysis: a full parse + rules of the text (best of 5).
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    runRules(parse(text), new SourceText(text));
    best = Math.min(best, now() - t0);
  }
  row('  full parse + rules, for comparison', `${best.toFixed(1)} ms`, '(info)', true);
}

async function typicalLetterRequests(texts: string[], row: Row): Promise<void> {
  const letter = at(
    [...texts].sort((a, b) => a.length - b.length),
    texts.length >> 1,
  );
  const server = await Server.start({ settings: { diagnostics: { debounceMs: 60_000 } } });
  try {
    const uri = 'file:///bench/typical.txt';
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr', version: 1, text: letter },
    });
    let version = 1;
    const edit = async () => {
      version++;
      // Append and remove a space at the end of line 0: a new version, the same letter.
      const line0 = letter.slice(0, letter.indexOf('\n'));
      const change =
        version % 2 === 0
          ? {
              range: { start: { line: 0, character: line0.length }, end: { line: 0, character: line0.length } },
              text: ' ',
            }
          : {
              range: { start: { line: 0, character: line0.length }, end: { line: 0, character: line0.length + 1 } },
              text: '',
            };
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [change],
      });
    };
    const measure = async (method: string, afterEdit: boolean, n: number) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        if (afterEdit) await edit();
        const t0 = now();
        await server.request(method, { textDocument: { uri } });
        samples.push(now() - t0);
      }
      return median(samples.slice(n >> 2)); // the first quarter warms up
    };
    const size = `${(letter.length / 1024).toFixed(1)} KiB`;
    for (const [label, method] of [
      ['document symbols', 'textDocument/documentSymbol'],
      ['semantic tokens', 'textDocument/semanticTokens/full'],
    ] as const) {
      const cold = await measure(method, true, 400);
      row(`${label}, ${size} letter, after edit`, `${cold.toFixed(2)} ms`, '<= 2 ms', cold <= 2);
      const warm = await measure(method, false, 400);
      row(`${label}, same version`, `${warm.toFixed(2)} ms`, '(info)', true);
    }
  } finally {
    await server.stop();
  }
}

async function workspaceIndex(texts: string[], row: Row): Promise<void> {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'imr-bench-ws-')));
  try {
    const letters = texts.filter((t) => t.includes('IMR ISSUES, DECISIONS AND RATIONALES'));
    const count = 2000;
    for (let i = 0; i < count; i++) {
      const sub = path.join(dir, `batch-${String(Math.floor(i / 100)).padStart(2, '0')}`);
      if (i % 100 === 0) fs.mkdirSync(sub);
      fs.writeFileSync(
        path.join(sub, `letter-${String(i).padStart(4, '0')}.${i % 10 === 0 ? 'imr' : 'txt'}`),
        at(letters, i % letters.length),
      );
    }
    let ready!: Promise<unknown>;
    let t0 = 0;
    const server = await Server.start({
      folders: [dir],
      onNotificationBeforeInit(s) {
        ready = s.nextNotification('imr/indexReady');
        t0 = now();
      },
    });
    try {
      // Requests answered while the index is built: the slowest shows how responsive the server stays.
      const uri = 'file:///bench/open.txt';
      await server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'imr', version: 1, text: letters[0] },
      });
      let building = true;
      const latencies: number[] = [];
      const probe = (async () => {
        while (building) {
          const s = now();
          await server.request('textDocument/documentSymbol', { textDocument: { uri } });
          latencies.push(now() - s);
        }
      })();
      const stats = (await ready) as { files: number; letters: number; items: number; ms: number };
      const wall = now() - t0;
      building = false;
      await probe;
      row(
        `workspace index, ${stats.letters} letters, ready`,
        `${wall.toFixed(0)} ms`,
        '<= 1000 ms',
        wall <= 1000 && stats.letters === count,
      );
      row(`  server-side build (${stats.items} items)`, `${stats.ms.toFixed(0)} ms`, '(info)', true);
      if (latencies.length) {
        row(
          `  requests during the build (${latencies.length}), median`,
          `${median(latencies).toFixed(1)} ms`,
          '(info)',
          true,
        );
        row('  … slowest', `${Math.max(...latencies).toFixed(1)} ms`, '(info)', true);
      }
      const q0 = now();
      const found = await server.request<unknown[]>('workspace/symbol', { query: 'physical therapy' });
      row(`  workspace/symbol query (${found.length} hits)`, `${(now() - q0).toFixed(1)} ms`, '(info)', true);
      // The Determinations view's first population: the index built, then every letter's summary fetched.
      const d0 = now();
      const view = await server.request<{ letters: unknown[] }>('imr/determinations', {});
      const fetchMs = now() - d0;
      const firstPopulation = wall + fetchMs;
      row(
        `Determinations view, ${view.letters.length} letters, first population`,
        `${firstPopulation.toFixed(0)} ms`,
        '<= 1000 ms',
        firstPopulation <= 1000 && view.letters.length === count + 1,
      );
      row('  of which imr/determinations', `${fetchMs.toFixed(1)} ms`, '(info)', true);
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function memoryWithLargeDocument(texts: string[], row: Row): Promise<void> {
  // Over the default imr.maxDocumentSize (2 MB): raised, so that the document is checked in full.
  const server = await Server.start({ settings: { diagnostics: { debounceMs: 0 }, maxDocumentSize: 20_000_000 } });
  try {
    const idle = server.memory().rss;
    const text = bigText(texts, 10 * MiB);
    const uri = 'file:///bench/ten-mebibytes.txt';
    const published = server.diagnosticsFor(uri, 1);
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'imr', version: 1, text },
    });
    await published;
    const afterCheck = server.memory().hwm;
    await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    await server.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    await server.request('textDocument/codeLens', { textDocument: { uri } });
    const { hwm, rss } = server.memory();
    if (hwm === undefined) {
      row('server peak RSS, 10 MiB document', 'n/a (no /proc)', '<= 150 MB', true);
      return;
    }
    const mb = hwm / 1e6;
    row(
      `server peak RSS, ${(Buffer.byteLength(text) / MiB).toFixed(0)} MiB document (VmHWM)`,
      `${mb.toFixed(0)} MB`,
      '<= 150 MB',
      mb <= 150,
    );
    // Where the peak is: the parse and rules of didOpen, or a request after (the outline's answer was, before
    // it was written a letter at a time).
    if (afterCheck !== undefined)
      row('  peak by didOpen → diagnostics (VmHWM)', `${(afterCheck / 1e6).toFixed(0)} MB`, '(info)', true);
    if (rss !== undefined) row('  RSS after the requests (VmRSS)', `${(rss / 1e6).toFixed(0)} MB`, '(info)', true);
    if (idle !== undefined)
      row('  RSS of the idle server, before (VmRSS)', `${(idle / 1e6).toFixed(0)} MB`, '(info)', true);
  } finally {
    await server.stop();
  }
}

export async function lspBenchmarks(texts: string[], row: Row): Promise<void> {
  if (!fs.existsSync(SERVER_JS)) {
    console.log(`\nlanguage server: ${SERVER_JS} is missing (npm run build)`);
    return;
  }
  console.log('\nLanguage server over stdio (dist/server.js):');
  await startupBenchmarks(texts, row);
  await diagnosticsLatency(texts, row);
  await typicalLetterRequests(texts, row);
  await workspaceIndex(texts, row);
  await memoryWithLargeDocument(texts, row);
}
