// The fuzz suite against the real server (dist/server.js --stdio, `npm run build` first): each case opens a
// mutated letter and asks for every feature; every answer must come within the budget and keep its ranges
// inside the document, symbols in document order; then random incremental edits (didChange with ranges) must
// give the same answers as the final text opened fresh (every other case a file of two letters, which the
// server re-analyses letter by letter: core/reanalysis.ts). Used by test/fuzz/server.test.ts and scripts/soak.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { DocumentSymbol, SemanticTokens, type Diagnostic, type Position } from 'vscode-languageserver-protocol';
import { fileUri, LspHarness, tempWorkspace, VSCODE_CAPABILITIES } from '../lsp/harness';
import { allRanges, lineLengths, lineStarts, rangeProblem } from '../fixtures/excerpts/source';
import { baseLetters, caseArb, describeCase, mutate, type Case } from './mutate';
import { defined } from '../support/elements';

/** How long any request may take. Generous: the machine is shared; a passing server answers in milliseconds. */
export const BUDGET_MS = 5_000;

/** Incremental edits per case, each a random replacement of up to 40 characters. */
const EDITS = 5;
const EDIT_PIECES = [
  '',
  ' ',
  '\n',
  '\r\n',
  '\r',
  'Upheld',
  'Overturned',
  ':',
  'Decision rationale:',
  'a',
  '\f',
  '\0',
  '\ud800',
  // What opens or closes a letter: edits that make, move and remove boundaries between letters.
  'HOW THE IMR FINAL DETERMINATION WAS MADE\n',
  'IMR ISSUES, DECISIONS AND RATIONALES\n',
  'Case Number:\n',
];

/** A deterministic generator from a case, for positions and edits (fast-check chose the seed). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ServerCase extends Case {
  seed: number;
}

export function serverCaseArb(huge: boolean): fc.Arbitrary<ServerCase> {
  return fc.tuple(caseArb(baseLetters(), { huge }), fc.nat()).map(([c, seed]) => ({ ...c, seed }));
}

function inOrder(symbols: readonly DocumentSymbol[], where: string): string[] {
  const out: string[] = [];
  for (let k = 1; k < symbols.length; k++) {
    const [a, b] = [symbols[k - 1]?.range.start, symbols[k]?.range.start];
    if (!a || !b) continue;
    if (a.line > b.line || (a.line === b.line && a.character > b.character))
      out.push(`symbols out of order under ${where} at ${k}`);
  }
  for (const s of symbols) out.push(...inOrder(s.children ?? [], s.name.slice(0, 30)));
  return out;
}

/** Problems with semantic tokens: each must lie on one line, inside it. */
function tokenProblems(text: string, data: readonly number[]): string[] {
  const lengths = lineLengths(text);
  let line = 0;
  let start = 0;
  for (let i = 0; i + 4 < data.length; i += 5) {
    const [deltaLine = 0, deltaStart = 0, length = 0] = data.slice(i, i + 3); // i + 4 < data.length: all there
    line += deltaLine;
    start = deltaLine === 0 ? start + deltaStart : deltaStart;
    const lineLength = lengths[line];
    if (lineLength === undefined || start + length > lineLength)
      return [`semantic token ${i / 5} at ${line}:${start}+${data[i + 2]} is outside the text`];
  }
  return [];
}

/** Positions to ask about: line starts, middles and ends, and (with `pastLineEnd`) 3 past a line's end. */
function positions(text: string, next: () => number, pastLineEnd: boolean): Position[] {
  const lengths = lineLengths(text);
  return Array.from({ length: 6 }, (_, k) => {
    const line = Math.floor(next() * lengths.length);
    const len = lengths[line] ?? 0; // line < lengths.length
    const characters = [
      0,
      Math.floor(len / 2),
      len,
      pastLineEnd ? len + 3 : len,
      Math.floor(next() * (len + 1)),
      Math.floor(next() * (len + 1)),
    ];
    const character = characters[k] ?? 0; // k < 6
    return { line, character };
  });
}

/** Every feature's answer for an open document; throws when a request fails or exceeds the budget. */
async function answers(lsp: LspHarness, uri: string, points: readonly Position[]): Promise<Record<string, unknown>> {
  const textDocument = { uri };
  const out: Record<string, unknown> = {};
  const ask = async (name: string, method: string, params: unknown) => {
    out[name] = await lsp.request(method, params, BUDGET_MS);
  };
  await ask('diagnostics', 'textDocument/diagnostic', { textDocument });
  await ask('symbols', 'textDocument/documentSymbol', { textDocument });
  await ask('folding', 'textDocument/foldingRange', { textDocument });
  await ask('tokens', 'textDocument/semanticTokens/full', { textDocument });
  await ask('lenses', 'textDocument/codeLens', { textDocument });
  await ask('selection', 'textDocument/selectionRange', { textDocument, positions: points });
  for (const [k, position] of points.entries()) {
    await ask(`hover ${k}`, 'textDocument/hover', { textDocument, position });
    await ask(`completion ${k}`, 'textDocument/completion', { textDocument, position });
  }
  const items = (out.diagnostics as { items?: Diagnostic[] }).items ?? [];
  for (const [k, d] of items.slice(0, 5).entries()) {
    await ask(`actions ${k}`, 'textDocument/codeAction', {
      textDocument,
      range: d.range,
      context: { diagnostics: [d] },
    });
  }
  return out;
}

function checkAnswers(text: string, result: Record<string, unknown>): string[] {
  const starts = lineStarts(text);
  const lengths = lineLengths(text);
  const out: string[] = [];
  for (const [name, value] of Object.entries(result)) {
    for (const { path, range } of allRanges(value)) {
      const problem = rangeProblem(text, range, starts, lengths);
      if (problem) out.push(`${name}${path.slice(1)}: ${problem}`);
    }
  }
  const { symbols, tokens } = result;
  // A VS Code-like client gets DocumentSymbol[] (never SymbolInformation[]) and SemanticTokens, or null.
  if (Array.isArray(symbols) && symbols.every((s) => DocumentSymbol.is(s)))
    out.push(...inOrder(symbols, 'the document'));
  else if (symbols !== null) out.push('document symbols: neither null nor DocumentSymbol[]');
  if (SemanticTokens.is(tokens)) out.push(...tokenProblems(text, tokens.data));
  else if (tokens !== null) out.push('semantic tokens: neither null nor SemanticTokens');
  return out;
}

/** The answers that differ between the edited document and the same text opened fresh (resultIds aside). */
function differences(
  incremental: Record<string, unknown>,
  edited: string,
  whole: Record<string, unknown>,
  fresh: string,
): string[] {
  const strip = (v: unknown, uri: string) =>
    JSON.stringify(v ?? null, (k, x: unknown) => (k === 'resultId' ? undefined : x))
      .split(uri)
      .join('<uri>');
  return Object.keys(incremental)
    .filter((name) => strip(incremental[name], edited) !== strip(whole[name], fresh))
    .map((name) => {
      const [a, b] = [strip(incremental[name], edited), strip(whole[name], fresh)];
      let k = 0;
      while (k < a.length && a[k] === b[k]) k++;
      return `after incremental edits, ${name} differs from a full parse: …${a.slice(Math.max(0, k - 60), k + 60)}… vs …${b.slice(Math.max(0, k - 60), k + 60)}…`;
    });
}

/** Runs one case on a running server; resolves with what broke (empty: all held). */
export async function serverCaseViolations(
  lsp: LspHarness,
  ws: string,
  c: ServerCase,
  n: number,
  options: { pastLineEnd: boolean },
): Promise<string[]> {
  const letters = baseLetters();
  const base = defined(letters.find((l) => l.name === c.letter));
  // Every other case is a file of two letters, so that edits can touch one letter and leave the other.
  const second = c.seed % 2 === 0 ? letters[c.seed % letters.length] : undefined;
  const text = mutate(base.text, c.mutations) + (second ? `\n${second.text}` : '');
  const next = rng(c.seed);
  const uri = fileUri(path.join(ws, `fuzz-${n}.txt`));
  const fresh = fileUri(path.join(ws, `fuzz-${n}-fresh.txt`));
  const out: string[] = [];
  try {
    await lsp.open(uri, text);
    out.push(...checkAnswers(text, await answers(lsp, uri, positions(text, next, options.pastLineEnd))));
    // Incremental edits, then the same questions of the edited text and of that text opened fresh.
    const last = 1 + EDITS;
    for (let version = 2; version <= last; version++) {
      const current = defined(lsp.document(uri));
      const size = current.getText().length;
      const from = Math.floor(next() * (size + 1));
      const to = Math.min(size, from + Math.floor(next() * 40));
      const piece = Array.from(
        { length: 1 + Math.floor(next() * 3) },
        () => EDIT_PIECES[Math.floor(next() * EDIT_PIECES.length)],
      ).join('');
      const range = { start: current.positionAt(from), end: current.positionAt(to) };
      await lsp.change(uri, version, [{ range, text: piece }]);
    }
    const edited = defined(lsp.document(uri)).getText();
    await lsp.open(fresh, edited, 'imr', last); // the same version: diagnostics carry it in their data
    const points = positions(edited, next, options.pastLineEnd);
    const incremental = await answers(lsp, uri, points);
    const whole = await answers(lsp, fresh, points);
    out.push(...checkAnswers(edited, incremental).map((m) => `after edits: ${m}`));
    out.push(...differences(incremental, uri, whole, fresh));
  } catch (error) {
    out.push(`request failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  } finally {
    if (!lsp.hasExited) {
      await lsp.close(uri).catch(() => undefined);
      await lsp.close(fresh).catch(() => undefined);
    }
  }
  return out;
}

/** A server over a fresh folder, for a run of cases. */
export async function startFuzzServer(): Promise<{ lsp: LspHarness; ws: string; stop: () => Promise<void> }> {
  const ws = tempWorkspace('imr-fuzz-');
  const lsp = await LspHarness.start({ capabilities: VSCODE_CAPABILITIES, settings: {}, workspaceFolders: [ws] });
  const stop = async () => {
    try {
      if (!lsp.hasExited) await lsp.shutdown();
    } catch {
      lsp.child.kill();
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  };
  return { lsp, ws, stop };
}

/** The soak's server part: `count` cases (one in ten huge), a fresh server after any failure. */
export async function runServerCases(count: number, seed: number): Promise<{ run: number; failed: string[] }> {
  const cases = [
    ...fc.sample(serverCaseArb(false), { numRuns: count - Math.floor(count / 10), seed }),
    ...fc.sample(serverCaseArb(true), { numRuns: Math.floor(count / 10), seed }),
  ];
  const failed: string[] = [];
  let server = await startFuzzServer();
  for (const [n, c] of cases.entries()) {
    const broken = await serverCaseViolations(server.lsp, server.ws, c, n, { pastLineEnd: true });
    if (broken.length) {
      failed.push(`${describeCase(c)} seed=${c.seed}: ${broken.slice(0, 3).join('; ')}`);
      await server.stop();
      server = await startFuzzServer();
    }
  }
  await server.stop();
  return { run: cases.length, failed };
}
