// The PDF bundle (dist/pdf.js, pdfjs and its worker) loads only when a PDF is read: not when the server
// starts and checks a text letter (what activating the extension does), not in a text-only CLI run, and
// never inside the extension host's bundle. Module loads are recorded by a preloaded hook.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { LspHarness, NEOVIM_CAPABILITIES, fileUri } from '../lsp/harness';

const ROOT = resolve(__dirname, '..', '..');
const PDF_BUNDLE = join(ROOT, 'dist', 'pdf.js');
const HOOK = join(__dirname, 'support', 'record-loads.cjs');
const LETTER = join(ROOT, 'test/cli/fixtures/letters/two-items.txt');

/** Runs `body` with module loads of child processes recorded; returns the files they loaded. */
async function loadsDuring(body: () => Promise<void> | void): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'imr-loads-'));
  const log = join(dir, 'loads.txt');
  const saved = { NODE_OPTIONS: process.env.NODE_OPTIONS, IMR_RECORD_LOADS: process.env.IMR_RECORD_LOADS };
  process.env.NODE_OPTIONS = `--require ${HOOK}`;
  process.env.IMR_RECORD_LOADS = log;
  try {
    await body();
    return existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

const cli = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('the extension host bundle carries no pdfjs; the PDF bundle does', () => {
  const marker = 'Setting up fake worker';
  assert.ok(readFileSync(PDF_BUNDLE, 'utf8').includes(marker), 'the marker is pdfjs code in dist/pdf.js');
  for (const bundle of ['extension.js', 'server.js', 'cli.js']) {
    assert.equal(readFileSync(join(ROOT, 'dist', bundle), 'utf8').includes(marker), false, `${bundle} bundles pdfjs`);
  }
});

test('the server starts and checks a text letter without loading the PDF bundle', async () => {
  const loads = await loadsDuring(async () => {
    const lsp = await LspHarness.start({ capabilities: NEOVIM_CAPABILITIES, settings: {} });
    try {
      const uri = fileUri(LETTER);
      const published = lsp.waitForDiagnostics(uri);
      await lsp.open(uri, readFileSync(LETTER, 'utf8'));
      assert.ok(Array.isArray((await published).diagnostics));
    } finally {
      await lsp.shutdown();
    }
  });
  assert.ok(
    loads.some((f) => f.endsWith(join('dist', 'server.js'))),
    'the hook recorded the server',
  );
  assert.deepEqual(
    loads.filter((f) => f === PDF_BUNDLE),
    [],
  );
});

test('a text-only CLI run does not load the PDF bundle; a PDF run does', async () => {
  const textRun = await loadsDuring(() => void cli('check', LETTER));
  assert.ok(
    textRun.some((f) => f.endsWith(join('dist', 'cli.js'))),
    'the hook recorded the CLI',
  );
  assert.deepEqual(
    textRun.filter((f) => f === PDF_BUNDLE),
    [],
  );
  const pdfRun = await loadsDuring(() => void cli('check', '--jobs', '1', 'test/fixtures/pdf/two-items.pdf'));
  assert.deepEqual(
    pdfRun.filter((f) => f === PDF_BUNDLE),
    [PDF_BUNDLE],
  );
});
