// Renders scripts/icon.svg to media/icon.png (128 × 128, transparent corners), the extension's icon: vsce takes
// no SVG icon. It renders with the real-editor tests' headless chromium and playwright-core, which these
// machines have: run scripts/install-vscode-test-host.sh first. Run it after changing the SVG and commit
// both files (the SVG lives here, not in media/, so that it stays out of the vsix).
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHostEnv } from './editor-test-host.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;

const missing = loadHostEnv(process.env);
if (missing) {
  console.error(`make-icon: ${missing}`);
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');
const svg = fs.readFileSync(path.join(root, 'scripts', 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
  const out = path.join(root, 'media', 'icon.png');
  await page.screenshot({ path: out, omitBackground: true });
  console.log(`make-icon: ${path.relative(root, out)} (${fs.statSync(out).size} bytes)`);
} finally {
  await browser.close();
}
