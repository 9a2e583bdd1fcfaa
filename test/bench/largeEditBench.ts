// Edits on very large documents in `npm run bench` (issue 12's large-document policy: no request on any
// document takes more than about a second, whatever its size), debounce 0 through the settings:
//  * 10 MiB of letters checked in full (imr.maxDocumentSize raised): didChange → diagnostics for a character
//    typed inside a letter in the middle, and for a line break near the top (every later letter moves), each
//    inserted then deleted; and the server's peak RSS during those edits (its peak reset after didOpen), next
//    to didOpen's own peak (what that peak is made of, and its floor: docs/testing.md);
//  * the same edits at the default imr.maxDocumentSize, where 10 and 50 MiB are degraded (one diagnostic
//    saying why, largeDocuments.ts).
import * as fs from 'node:fs';
import { median, Server, SERVER_JS, type Row } from './benchServer';
import { bigText, editAt, middlePosition, MiB, timedEdit } from './lspBench';

/** Edits of each kind; the first two of each warm the JIT and are not counted. */
const EDITS = 8;
const WARM = 2;

interface Latencies {
  typed: number[];
  lineBreak: number[];
  /** The server's CPU time per counted edit of each kind (benchServer.ts cpuMs), when /proc has it. */
  cpu: { typed?: number; lineBreak?: number };
}

/** Opens `text`, then types a character in its middle and a line break near its top, EDITS times each. */
async function editLatencies(server: Server, uri: string, text: string, afterOpen?: () => void): Promise<Latencies> {
  const opened = server.diagnosticsFor(uri, 1);
  await server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'imr', version: 1, text },
  });
  await opened;
  afterOpen?.();
  let version = 1;
  const out: Latencies = { typed: [], lineBreak: [], cpu: {} };
  const kinds = [
    ['typed', middlePosition(text), 'x'],
    ['lineBreak', { line: 1, character: 0 }, '\n'],
  ] as const;
  for (const [kind, at, piece] of kinds) {
    let cpu0: number | undefined;
    for (let k = 0; k < EDITS; k++) {
      if (k === WARM) cpu0 = server.cpuMs();
      // Insert, then delete: the text is the same again every second edit.
      const ms = await timedEdit(server, uri, ++version, editAt(at, piece, k % 2 === 0));
      if (k >= WARM) out[kind].push(ms);
    }
    const cpu1 = server.cpuMs();
    if (cpu0 !== undefined && cpu1 !== undefined) out.cpu[kind] = (cpu1 - cpu0) / (EDITS - WARM);
  }
  return out;
}

function latencyRows(row: Row, label: string, samples: Latencies, targetMs: number): void {
  for (const [kind, what] of [
    ['typed', 'a character typed in a letter'],
    ['lineBreak', 'a line break near the top'],
  ] as const) {
    const ms = median(samples[kind]);
    const slowest = Math.max(...samples[kind]);
    row(
      `didChange → diagnostics, ${label}, ${what}`,
      `${ms.toFixed(0)} ms (max ${slowest.toFixed(0)})`,
      `<= ${targetMs} ms`,
      ms <= targetMs && slowest <= 1000,
    );
    // What the server spent, which other work on a shared machine stretches far less than the wall time.
    const cpu = samples.cpu[kind];
    if (cpu !== undefined) row('  … server CPU per edit (all its threads)', `${cpu.toFixed(0)} ms`, '(info)', true);
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(0)} MB`;
}

/** 10 MiB checked in full: the edits' latency and the peak RSS during them. */
async function checkedInFull(texts: string[], row: Row): Promise<void> {
  const text = bigText(texts, 10 * MiB);
  const size = `${(Buffer.byteLength(text) / MiB).toFixed(0)} MiB`;
  const server = await Server.start({ settings: { diagnostics: { debounceMs: 0 }, maxDocumentSize: 20_000_000 } });
  try {
    let openPeak: number | undefined;
    let reset = false;
    const samples = await editLatencies(server, 'file:///bench/ten-mebibytes-edited.txt', text, () => {
      openPeak = server.memory().hwm;
      reset = server.resetPeak();
    });
    latencyRows(row, `${size} (checked in full)`, samples, 500);
    const { hwm } = server.memory();
    if (hwm === undefined || openPeak === undefined) return;
    // Without a reset the peak is the process's, didOpen's included.
    row(`  server peak RSS during the edits${reset ? '' : ' (and didOpen)'}`, mb(hwm), '<= 150 MB', hwm / 1e6 <= 150);
    row('  … during didOpen → diagnostics, for comparison', mb(openPeak), '(info)', true);
  } finally {
    await server.stop();
  }
}

/** At the default imr.maxDocumentSize: degraded, one diagnostic per version. */
async function degraded(texts: string[], mebibytes: number, row: Row): Promise<void> {
  const text = bigText(texts, mebibytes * MiB);
  const server = await Server.start({ settings: { diagnostics: { debounceMs: 0 } } });
  try {
    let reset = false;
    const samples = await editLatencies(server, `file:///bench/degraded-${mebibytes}.txt`, text, () => {
      reset = server.resetPeak();
    });
    latencyRows(row, `${mebibytes} MiB (degraded)`, samples, 1000);
    const { hwm } = server.memory();
    // The peak target of a degraded document's didOpen (largeDocBench.ts).
    if (hwm !== undefined && reset) row('  server peak RSS during the edits', mb(hwm), '<= 400 MB', hwm / 1e6 <= 400);
  } finally {
    await server.stop();
  }
}

export async function largeEditBenchmarks(texts: string[], row: Row): Promise<void> {
  if (!fs.existsSync(SERVER_JS)) return;
  console.log('\nEdits on large documents (debounce 0):');
  await checkedInFull(texts, row);
  for (const mebibytes of [10, 50]) await degraded(texts, mebibytes, row);
}
