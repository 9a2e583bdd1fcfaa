// Runs the real-editor tests (test/vscode/suite) in a real VS Code:
//   * default: code-server 4.139.1 + headless Debian chromium (offline; scripts/install-vscode-test-host.sh);
//   * VSCODE_TEST_HOST=electron: desktop VS Code through @vscode/test-electron (a devDependency; it
//     downloads VS Code, so it needs internet). Any other value is refused (scripts/editor-test-host.mjs).
// Steps: build the extension (scripts/build.mjs) unless --no-build, bundle the suite into out/test/vscode,
// run it with test/vscode/fixtures/ws as the workspace, print `N passed, N failed` last. Exit 0 when every
// test passed, 1 otherwise (also on a timeout or a crash; logs and screenshots are then kept and named).
//
// Usage: node scripts/run-editor-tests.mjs [--no-build] [--verbose] [--grep PATTERN] [--timeout SECONDS]
//        [--save-screenshots]
// On code-server the run leaves the README screenshots in out/screenshots/; --save-screenshots also writes
// them, after a passing run, reduced to 256 colours by pngquant (Debian's package), to docs/screenshots/.
// The code-server host reads CODE_SERVER, NODE24_BIN, CHROMIUM_PATH, PLAYWRIGHT_CORE from the environment,
// else from the env.sh the install script wrote ($IMR_TEST_CACHE or ~/.cache/imr-vscode-test).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { editorTestHost, loadHostEnv } from './editor-test-host.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

const { values: args } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    'save-screenshots': { type: 'boolean', default: false },
  },
});

let resultsDir; // created just before the run, removed on every way out

function fail(message) {
  if (resultsDir) fs.rmSync(resultsDir, { recursive: true, force: true });
  console.error(`run-editor-tests: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// 0. The host, checked before any work.
const chosen = editorTestHost(process.env);
if ('error' in chosen) fail(chosen.error);
const { host } = chosen;

// 1. The extension (dist/extension.js, dist/server.js).
if (!args['no-build']) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) fail('the extension build failed');
}
for (const f of ['dist/extension.js', 'dist/server.js']) {
  if (!fs.existsSync(path.join(root, f))) fail(`${f} is missing: run npm run build`);
}

// 2. The suite, bundled per file (mocha and vscode stay external: mocha from the project's node_modules).
try {
  require.resolve('mocha', { paths: [root] });
} catch {
  fail('mocha is not installed: npm install (it is a devDependency)');
}
const outDir = path.join(root, 'out', 'test', 'vscode', 'suite');
fs.rmSync(outDir, { recursive: true, force: true });
const { build } = await import('esbuild');
const suiteDir = path.join(root, 'test', 'vscode', 'suite');
const entries = fs.readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts'));
await build({
  entryPoints: entries.map((f) => path.join(suiteDir, f)),
  outdir: outDir,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});

// 3. Run.
const SCREENSHOTS = path.join(root, 'out', 'screenshots');
resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'imr-editor-results-'));
process.on('exit', () => fs.rmSync(resultsDir, { recursive: true, force: true })); // also after Ctrl-C
const resultsFile = path.join(resultsDir, 'results.json');
const options = {
  extensionDevelopmentPath: root,
  extensionTestsPath: path.join(outDir, 'index.js'),
  launchArgs: [path.join(root, 'test', 'vscode', 'fixtures', 'ws'), '--disable-extensions', '--skip-welcome'],
  extensionTestsEnv: { IMR_TEST_RESULTS: resultsFile, ...(args.grep ? { IMR_TEST_GREP: args.grep } : {}) },
  timeoutMs: Number(args.timeout) * 1000,
  verbose: args.verbose,
};

let runError;
try {
  if (host === 'electron') {
    let runTests;
    try {
      ({ runTests } = require(require.resolve('@vscode/test-electron', { paths: [root] })));
    } catch {
      fail('VSCODE_TEST_HOST=electron needs @vscode/test-electron (npm install; it is a devDependency)');
    }
    await runTests(options);
  } else {
    const missing = loadHostEnv(process.env);
    if (missing) fail(missing);
    // The README screenshots (test/vscode/suite/screenshots.test.ts), from this same run.
    fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    options.extensionTestsEnv.IMR_SCREENSHOTS = SCREENSHOTS;
    const { runTests } = require('./code-server-test-runner.js');
    await runTests({ ...options, screenshotsDir: SCREENSHOTS });
  }
} catch (e) {
  runError = e;
}

// 4. Summary.
let results;
try {
  results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
} catch {}
fs.rmSync(resultsDir, { recursive: true, force: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (results) {
  for (const t of results.tests.filter((t) => t.state === 'failed'))
    console.log(`FAILED: ${t.title}\n  ${t.error ?? ''}`);
}
if (runError) console.error(`run-editor-tests (${host}, ${seconds} s): ${runError.message ?? runError}`);
else console.error(`run-editor-tests (${host}): ${seconds} s`);
const passes = results?.passes ?? 0;
// A run that never reported (timeout, crash, startup failure) counts as one failure.
const failures = results ? results.failures : 1;
const passed = !runError && results && failures === 0 && passes > 0;
if (passed && args['save-screenshots']) saveScreenshots();
console.log(`${passes} passed, ${failures} failed`);
process.exit(passed ? 0 : 1);

/** Copies this run's screenshots to docs/screenshots/ for the README, each reduced by pngquant. */
function saveScreenshots() {
  const shots = fs.existsSync(SCREENSHOTS) ? fs.readdirSync(SCREENSHOTS).filter((f) => f.endsWith('.png')) : [];
  if (!shots.length) fail(`no screenshots in ${SCREENSHOTS} (they are taken on code-server only)`);
  const target = path.join(root, 'docs', 'screenshots');
  fs.mkdirSync(target, { recursive: true });
  for (const f of shots) {
    const out = path.join(target, f);
    const args = [
      '--quality',
      '70-90',
      '--speed',
      '1',
      '--strip',
      '--force',
      '--output',
      out,
      path.join(SCREENSHOTS, f),
    ];
    const r = spawnSync('pngquant', args, { stdio: 'inherit' });
    if (r.error) fail(`pngquant: ${r.error.message} (apt-get install pngquant)`);
    if (r.status !== 0) fail(`pngquant failed on ${f}`);
    console.error(`run-editor-tests: ${path.relative(root, out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
  }
}
