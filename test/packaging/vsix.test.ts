// What `npm run package` puts into the vsix: the files `vsce ls --no-dependencies` lists (the same selection
// `vsce package` makes, without building), checked against an allow-list, and the vsix's size, estimated as
// the files deflated one by one (a vsix is a zip of deflated entries) plus a zip entry's overhead each.
// Needs the bundles: `npm run build` first (test:unit does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';

const ROOT = path.resolve(__dirname, '..', '..');
const MAX_VSIX_BYTES = 1.5 * 1024 * 1024;
/** Local header + central directory entry + the name twice, roughly. */
const ZIP_ENTRY_OVERHEAD = 100;

const ALLOWED = [
  /^package\.json$/,
  /^README\.md$/,
  /^CHANGELOG\.md$/,
  /^LICENSE$/,
  /^language-configuration\.json$/,
  /^syntaxes\/imr\.tmLanguage\.json$/,
  /^schemas\/[\w.-]+\.json$/,
  /^media\/[\w-]+\.(svg|png)$/,
  /^media\/decisions\/[\w-]+\.svg$/,
  /^media\/walkthrough\/[\w-]+\.md$/,
  /^dist\/(extension|server|serverMain|pdf)\.js$/,
  /^docs\/rules\/[\w-]+\.md$/,
];
const REQUIRED = [
  'package.json',
  'dist/extension.js',
  'dist/server.js',
  'dist/serverMain.js',
  'syntaxes/imr.tmLanguage.json',
  'language-configuration.json',
  'README.md',
  'LICENSE',
  'media/icon.png',
  'media/decisions/upheld-light.svg',
  'media/decisions/upheld-dark.svg',
];

function listed(): string[] {
  const vsce = require.resolve('@vscode/vsce/vsce', { paths: [ROOT] });
  const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

test('the vsix holds only the bundles, the grammar, the schema, the docs and the media', () => {
  const files = listed();
  assert.deepEqual(
    files.filter((f) => !ALLOWED.some((p) => p.test(f))),
    [],
    'unexpected files in the vsix',
  );
  assert.deepEqual(
    REQUIRED.filter((f) => !files.includes(f)),
    [],
    'missing from the vsix',
  );
  assert.ok(
    !files.some((f) => f.endsWith('.map') || f.startsWith('node_modules/') || f.startsWith('test/')),
    files.join(', '),
  );
});

test('the vsix stays at or under 1.5 MB', () => {
  const files = listed();
  let bytes = 0;
  for (const f of files)
    bytes +=
      deflateRawSync(fs.readFileSync(path.join(ROOT, f)), { level: 9 }).length + ZIP_ENTRY_OVERHEAD + 2 * f.length;
  assert.ok(bytes <= MAX_VSIX_BYTES, `about ${(bytes / 1024 / 1024).toFixed(2)} MB`);
});

test('the icon is a 128 × 128 PNG of a few kilobytes, made by scripts/make-icon.mjs', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { icon?: string };
  assert.equal(manifest.icon, 'media/icon.png');
  const png = fs.readFileSync(path.join(ROOT, 'media', 'icon.png'));
  assert.equal(png.toString('latin1', 1, 4), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  assert.ok(png.length <= 16 * 1024, `${png.length} bytes`);
});
