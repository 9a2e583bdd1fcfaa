// A `runTests()` compatible with @vscode/test-electron's, running the extension test suite in
// code-server (VS Code 1.139 server + web workbench) driven by a headless Debian chromium through
// playwright-core. Needs no internet: see scripts/install-vscode-test-host.sh and test/vscode/README.md.
//
// runTests(options) resolves to 0 when the suite passed, and rejects otherwise with an Error whose
// `code` is the workbench's exit code (1) or 'timeout', and whose `artifacts` is the folder holding the
// logs and screenshots (kept on failure, removed on success).
//
// Options (test-electron names first):
//   extensionDevelopmentPath, extensionTestsPath  absolute or relative paths
//   launchArgs         the first argument that is not a flag is the folder to open; flags are ignored
//   extensionTestsEnv  variables for the extension host (they go into code-server's environment)
//   timeoutMs          whole-run deadline (default 300000)
//   verbose            also print the workbench noise (gallery lookups, auth providers, ...)
//   onLog(type, text)  called with every workbench/extension-host console line (after filtering)
//   artifactsDir       where to put logs and screenshots (default: a new folder under os.tmpdir())
//   screenshotsDir     where the suite's screenshots go: the suite logs `IMR_SCREENSHOT <name> <css selector>`
//                      (test/vscode/suite/screenshot.ts); the runner waits for the selector in the page, saves
//                      <name>.png there (written whole, then renamed) and the suite waits for that file
//
// Environment (written by the install script into env.sh): CODE_SERVER, NODE24_BIN, CHROMIUM_PATH,
// PLAYWRIGHT_CORE (the package folder of playwright-core).
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const util = require('node:util');

/** Console lines from the workbench that are expected offline and say nothing about the tests. */
const NOISE =
  /open-vsx\.org|AccountPolicyGate|Creating a socket|\[Service Worker\]|reconnection-grace-time|AgentHost|Updating additional builtin|authentication provider|Resolv(ing|ed) connection token|DefaultAccount|^Canceled|No search provider|took \d+ms|ENOTFOUND|Failed to load resource|marketplace|extensionsWorkbenchService|Ignoring fetching additional builtin extensions|\[Extension Host\] \(node:\d+\) \[DEP/;

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'files.watcherExclude': { '**': true },
};

const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/** A console line of the suite asking for a screenshot: `IMR_SCREENSHOT <name> <css selector to wait for>`. */
const SCREENSHOT_REQUEST = /IMR_SCREENSHOT ([\w-]+) (.+)$/;

/**
 * Waits until `selector` is visible in the workbench, then saves `<dir>/<name>.png`, written under another
 * name and renamed, so the suite, which waits for that file, never reads half of it. On failure it writes
 * `<name>.failed` with the reason instead (and what the page showed, `<name>.failed.png`), so the suite fails
 * at once rather than at its deadline.
 */
async function saveScreenshot(page, dir, name, selector, log) {
  const file = path.join(dir, `${name}.png`);
  try {
    await page.locator(selector).first().waitFor({ state: 'visible', timeout: 20000 });
    await page.screenshot({ path: `${file}.part`, type: 'png', timeout: 10000 });
    fs.renameSync(`${file}.part`, file);
  } catch (e) {
    log.write(`[screenshot] ${name}: ${e.message}\n`);
    await page.screenshot({ path: path.join(dir, `${name}.failed.png`), timeout: 10000 }).catch(() => {});
    const failed = path.join(dir, `${name}.failed`);
    fs.writeFileSync(`${failed}.part`, String(e.message));
    fs.renameSync(`${failed}.part`, failed);
  }
}

/** Process groups of the code-servers started and not yet killed (for the runner's own signal handler). */
const groups = new Set();

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** SIGTERM to the whole process group (code-server, extension host, language server), SIGKILL after 5 s. */
async function killGroup(pgid) {
  groups.delete(pgid);
  if (!pgid || !groupAlive(pgid)) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {}
  const end = Date.now() + 5000;
  while (groupAlive(pgid) && Date.now() < end) await delay(50);
  if (groupAlive(pgid)) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {}
    const end2 = Date.now() + 2000;
    while (groupAlive(pgid) && Date.now() < end2) await delay(50);
  }
}

function requireEnv() {
  const { CODE_SERVER, NODE24_BIN, CHROMIUM_PATH } = process.env;
  const missing = ['CODE_SERVER', 'NODE24_BIN', 'CHROMIUM_PATH'].filter((k) => !process.env[k]);
  if (missing.length) {
    throw new Error(
      `${missing.join(', ')} not set: run scripts/install-vscode-test-host.sh and source the env.sh it prints`,
    );
  }
  for (const [k, p] of [
    ['CODE_SERVER', CODE_SERVER],
    ['CHROMIUM_PATH', CHROMIUM_PATH],
  ]) {
    if (!fs.existsSync(p)) throw new Error(`${k}=${p} does not exist: re-run scripts/install-vscode-test-host.sh`);
  }
  return { CODE_SERVER, NODE24_BIN, CHROMIUM_PATH, PLAYWRIGHT_CORE: process.env.PLAYWRIGHT_CORE || 'playwright-core' };
}

/** Starts code-server on a free port; resolves once /healthz answers. Retries when the port was taken meanwhile. */
async function startCodeServer(env, dir, o) {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const logPath = path.join(dir, 'code-server.log');
    const log = fs.openSync(logPath, 'a');
    const args = [
      '--config',
      path.join(dir, 'config.yaml'),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--user-data-dir',
      path.join(dir, 'user-data'),
      '--extensions-dir',
      path.join(dir, 'extensions'),
      '--vscode-option',
      'enable-smoke-test-driver', // honour the ?payload= test parameters (built product)
    ];
    const child = spawn(env.CODE_SERVER, args, {
      env: {
        ...process.env,
        ...o.extensionTestsEnv,
        PATH: `${env.NODE24_BIN}${path.delimiter}${process.env.PATH}`,
        // Nothing written to the user's home (code-server's config, VS Code's device id under the cache).
        XDG_CONFIG_HOME: path.join(dir, 'xdg'),
        XDG_DATA_HOME: path.join(dir, 'xdg'),
        XDG_CACHE_HOME: path.join(dir, 'xdg'),
        // The extension host's IPC sockets and tsserver's temp files: removed with the folder.
        TMPDIR: path.join(dir, 'tmp'),
        // No extension gallery (code-server's default is open-vsx.org): the tests make no call beyond localhost.
        EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
      },
      detached: true, // its own process group: killGroup() ends the extension host and the server too
      stdio: ['ignore', log, log],
    });
    fs.closeSync(log);
    groups.add(child.pid);
    let exited = null;
    child.on('exit', (code, signal) => (exited = { code, signal }));
    child.on('error', (e) => (exited = { error: e }));
    const end = Date.now() + 30000;
    for (;;) {
      if (exited) break;
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return { child, port };
      } catch {}
      if (Date.now() > end) {
        await killGroup(child.pid);
        throw Object.assign(new Error(`code-server did not answer on port ${port} within 30 s (log: ${logPath})`), {
          code: 'startup',
        });
      }
      await delay(100);
    }
    if (attempt >= 3) {
      throw Object.assign(new Error(`code-server exited at startup (${JSON.stringify(exited)}); log: ${logPath}`), {
        code: 'startup',
      });
    }
  }
}

/** Names the hosts other than localhost that code-server or the workbench tried to reach (from the logs). */
function reportOutboundAttempts(dir) {
  const hosts = new Set();
  for (const f of ['code-server.log', 'workbench.log']) {
    let text = '';
    try {
      text = fs.readFileSync(path.join(dir, f), 'utf8');
    } catch {}
    for (const m of text.matchAll(/(?:ENOTFOUND|ERR_NAME_NOT_RESOLVED|ECONNREFUSED)\s+([\w.-]+)/g)) {
      if (!/^(127\.0\.0\.1|localhost)$/.test(m[1])) hosts.add(m[1]);
    }
  }
  if (hosts.size)
    console.error(`code-server-test-runner: WARNING: the workbench tried to reach ${[...hosts].join(', ')}`);
}

async function runTests(o) {
  const env = requireEnv();
  const { chromium } = require(env.PLAYWRIGHT_CORE);
  const timeoutMs = o.timeoutMs || 300000;
  const folder = (o.launchArgs || []).find((a) => !a.startsWith('-'));
  const dir = o.artifactsDir || fs.mkdtempSync(path.join(os.tmpdir(), 'imr-editor-test-'));
  fs.mkdirSync(path.join(dir, 'user-data', 'User'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'xdg'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'tmp'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user-data', 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  fs.writeFileSync(path.join(dir, 'config.yaml'), '');
  const workbenchLog = fs.createWriteStream(path.join(dir, 'workbench.log'));

  let server;
  let browser;
  let page;
  let passed = false;
  // The runner's own death (Ctrl-C, CI cancel) must not leave code-server behind.
  const onSignal = (sig) => {
    for (const pgid of groups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {}
    }
    console.error(`code-server-test-runner: ${sig}; logs in ${dir}`);
    process.exit(sig === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    server = await startCodeServer(env, dir, o);
    const { port } = server;
    browser = await chromium.launch({
      executablePath: env.CHROMIUM_PATH,
      headless: true,
      env: {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dir, 'xdg'),
        XDG_CACHE_HOME: path.join(dir, 'xdg'),
        XDG_DATA_HOME: path.join(dir, 'xdg'),
      },
      args: [
        // The browser resolves 127.0.0.1 only: nothing the workbench tries can leave the machine.
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        // No crashpad helpers: they outlive a killed browser.
        '--disable-crash-reporter',
        '--disable-breakpad',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    let finish;
    const finished = new Promise((r) => (finish = r));
    // Both before goto: the workbench looks them up when it starts.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The arguments of a console call, printf-style like console.log (mocha's reporter uses `%s`, `%d`).
      const list = Array.isArray(args) ? args : [args];
      const text = util.format(...list.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))));
      workbenchLog.write(`[${type}] ${text}\n`);
      const shot = SCREENSHOT_REQUEST.exec(text);
      if (shot) {
        if (o.screenshotsDir) void saveScreenshot(page, o.screenshotsDir, shot[1], shot[2], workbenchLog);
        return;
      }
      if (!o.verbose && NOISE.test(text)) return;
      if (o.onLog) o.onLog(type, text);
      else (type === 'error' ? console.error : console.log)(text);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish({ code }));
    page.on('pageerror', (e) => workbenchLog.write(`[pageerror] ${e.stack || e}\n`));
    page.on('crash', () => finish({ code: 'crash' }));
    server.child.on('exit', (code, signal) =>
      finish({ code: 'server-exit', detail: `code-server exited (${code ?? signal})` }),
    );

    const remote = (p) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(o.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ]);
    const query =
      (folder ? `folder=${encodeURIComponent(path.resolve(folder))}` : 'ew=true') +
      `&payload=${encodeURIComponent(payload)}`;
    let timer;
    const deadline = new Promise((r) => (timer = setTimeout(() => r({ code: 'timeout' }), timeoutMs)));
    await page.goto(`http://127.0.0.1:${port}/?${query}`);
    const result = await Promise.race([finished, deadline]);
    clearTimeout(timer);

    if (result.code !== 0) {
      const shot = path.join(dir, result.code === 'timeout' ? 'timeout.png' : 'failure.png');
      await page.screenshot({ path: shot, timeout: 10000 }).catch(() => {});
      const why =
        result.code === 'timeout'
          ? `the suite did not finish within ${Math.round(timeoutMs / 1000)} s`
          : result.code === 'crash'
            ? 'the workbench page crashed'
            : result.code === 'server-exit'
              ? result.detail
              : `the suite failed (exit code ${result.code})`;
      throw Object.assign(new Error(`${why}; logs and screenshot in ${dir}`), { code: result.code, artifacts: dir });
    }
    passed = true;
    return 0;
  } catch (e) {
    if (e && typeof e === 'object' && !e.artifacts) e.artifacts = dir;
    throw e;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    if (browser) await browser.close().catch(() => {});
    if (server) await killGroup(server.child.pid);
    await new Promise((r) => workbenchLog.end(r));
    reportOutboundAttempts(dir);
    if (passed && !o.artifactsDir && !o.keepArtifacts) fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { runTests, killGroup };
