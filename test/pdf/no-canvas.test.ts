// The PDF bundle never loads pdfjs's optional native @napi-rs/canvas (the build cuts its requires out:
// text extraction renders nothing), and an installed copy, with no node_modules beside dist/, prints
// nothing of pdfjs's: not on the CLI's stdout or stderr, not into the language server's stdio channel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const PDF = join(ROOT, 'test/fixtures/pdf/two-items.pdf');
const HOOK = join(__dirname, 'support', 'record-loads.cjs');

const TEXT_LETTER = join(ROOT, 'test/cli/fixtures/letters/two-items.txt');

const run = (cli: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [cli, ...args], { cwd: tmpdir(), encoding: 'utf8', env });

/** The outline of the text the PDF was typed from (test/cli/outline.test.ts holds it line by line): the same. */
const OUTLINE = run(join(DIST, 'cli.js'), ['outline', TEXT_LETTER]).stdout;

/** dist/ copied alone to a temporary folder, as an installed copy without node_modules has it. */
function withInstalledCopy(body: (dist: string) => Promise<void> | void): Promise<void> | void {
  const dir = mkdtempSync(join(tmpdir(), 'imr-installed-'));
  cpSync(DIST, join(dir, 'dist'), { recursive: true });
  const done = () => rmSync(dir, { recursive: true, force: true });
  try {
    const result = body(join(dir, 'dist'));
    if (result instanceof Promise) return result.finally(done);
    done();
  } catch (error) {
    done();
    throw error;
  }
}

test('the PDF bundle names no @napi-rs/canvas', () => {
  const bundle = readFileSync(join(DIST, 'pdf.js'), 'utf8');
  assert.ok(bundle.includes('Setting up fake worker'), 'dist/pdf.js holds pdfjs');
  assert.equal(bundle.includes('@napi-rs/canvas'), false);
});

test('reading a PDF in the repo, where node_modules holds @napi-rs/canvas, does not load it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-loads-'));
  const log = join(dir, 'loads.txt');
  try {
    const env = { ...process.env, NODE_OPTIONS: `--require ${HOOK}`, IMR_RECORD_LOADS: log };
    const outline = run(join(DIST, 'cli.js'), ['outline', PDF], env);
    assert.equal(outline.stderr, '');
    assert.equal(outline.stdout, OUTLINE);
    const loads = readFileSync(log, 'utf8').split('\n');
    assert.ok(loads.includes(join(DIST, 'pdf.js')), 'the hook recorded the PDF bundle');
    assert.deepEqual(
      loads.filter((file) => file.includes('@napi-rs')),
      [],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an installed copy without node_modules: check and outline of a PDF print only their output', () =>
  withInstalledCopy((dist) => {
    const cli = join(dist, 'cli.js');
    const outline = run(cli, ['outline', PDF]);
    assert.deepEqual([outline.status, outline.stderr, outline.stdout], [0, '', OUTLINE]);
    assert.match(outline.stdout, /^18 {4}Lidocaine 5% patch, "as needed", #30 — Overturned/m);
    const check = run(cli, ['check', PDF]);
    assert.deepEqual([check.status, check.stderr, check.stdout], [0, '', '0 errors, 0 warnings, 0 infos in 1 file\n']);
  }));

type Message = { id?: number; method?: string; params?: unknown; result?: unknown };

/**
 * Splits LSP stdout into its messages; throws on any byte outside a `Content-Length` frame. An unfinished
 * last frame is left for later unless `complete`.
 */
function frames(stdout: Buffer, complete: boolean): Message[] {
  const messages: Message[] = [];
  let at = 0;
  while (at < stdout.length) {
    const headerEnd = stdout.indexOf('\r\n\r\n', at);
    const header = stdout.subarray(at, headerEnd < 0 ? stdout.length : headerEnd).toString('latin1');
    const length = /^Content-Length: (\d+)(\r\n[\w-]+: [^\r\n]*)*$/.exec(header)?.[1];
    const unfinished = headerEnd < 0 ? 'Content-Length: '.startsWith(header.slice(0, 16)) : false;
    if (!complete && (unfinished || (length !== undefined && headerEnd + 4 + Number(length) > stdout.length))) break;
    if (length === undefined) throw new Error(`not an LSP frame at byte ${at}: ${JSON.stringify(header)}`);
    const body = headerEnd + 4;
    messages.push(JSON.parse(stdout.subarray(body, body + Number(length)).toString('utf8')) as Message);
    at = body + Number(length);
  }
  return messages;
}

const frame = (message: object) => {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]);
};

test('an installed copy without node_modules: the server reads a PDF with only LSP messages on stdout, no log message, nothing on stderr', () =>
  withInstalledCopy(async (dist) => {
    const server = spawn(process.execPath, [join(dist, 'server.js'), '--stdio'], { cwd: tmpdir() });
    const stdout: Buffer[] = [];
    let stderr = '';
    server.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((done) => server.on('exit', done));
    // The server answers in order: the PDF text comes before the shutdown reply, which it awaits.
    const pdfUri = pathToFileURL(PDF).href;
    server.stdin.write(
      frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }),
    );
    server.stdin.write(frame({ method: 'initialized', params: {} }));
    server.stdin.write(frame({ id: 2, method: 'imr/pdfText', params: { uri: pdfUri } }));
    const answered = (id: number) =>
      new Promise<void>((done, fail) => {
        const look = () => {
          try {
            if (!frames(Buffer.concat(stdout), false).some((m) => m.id === id && m.method === undefined)) return;
            server.stdout.off('data', look);
            done();
          } catch (error) {
            server.kill();
            fail(error);
          }
        };
        server.stdout.on('data', look);
        look();
      });
    await answered(2);
    server.stdin.write(frame({ id: 3, method: 'shutdown' }));
    await answered(3);
    server.stdin.write(frame({ method: 'exit' }));
    assert.equal(await exited, 0);
    const messages = frames(Buffer.concat(stdout), true);
    const text = (messages.find((m) => m.id === 2)?.result as { text?: string } | undefined)?.text ?? '';
    assert.match(text, /Lidocaine 5% patch, "as needed", #30/);
    assert.equal(stderr, '');
    // The server hands console output to the client as log messages: pdfjs's warnings would arrive so.
    assert.deepEqual(
      messages.filter((m) => m.method === 'window/logMessage'),
      [],
    );
  }));
