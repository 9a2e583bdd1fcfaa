// The server's side of the configuration limits (issue 12.5): a .imr.json above the workspace folder never
// applies, and 50,000 unknown keys give at most eleven window/showMessage notifications, not 50,000.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { clearConfigCache } from '../../server/src/node/config';
import type { Logger } from '../../server/src/lsp/log';
import { SettingsStore } from '../../server/src/lsp/settings';

function store(folders: string[]) {
  const messages: string[] = [];
  // Stubs of what SettingsStore uses here (warnings as notifications; no logging): the casts stand in for the
  // rest of each interface, which these tests never reach.
  const connection = {
    sendNotification: (_type: unknown, params: { message: string }) => messages.push(params.message),
  } as unknown as Connection;
  const logger = {} as Logger;
  return {
    settings: new SettingsStore(
      connection,
      logger,
      () => ({}),
      () => folders,
    ),
    messages,
  };
}

test("a .imr.json above the workspace folder does not apply; the folder's own does", () => {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'imr-settings-')));
  try {
    clearConfigCache();
    writeFileSync(join(root, '.imr.json'), '{ "rules": { "IMR001": "off" } }');
    const ws = join(root, 'ws');
    mkdirSync(join(ws, 'letters'), { recursive: true });
    const uri = pathToFileURL(join(ws, 'letters', 'a.txt')).href;
    assert.deepEqual(store([ws]).settings.fileConfigFor(uri), { config: {} });
    writeFileSync(join(ws, '.imr.json'), '{ "rules": { "IMR002": "off" } }');
    assert.deepEqual(store([ws]).settings.fileConfigFor(uri), {
      config: { rules: { IMR002: 'off' } },
      configPath: join(ws, '.imr.json'),
    });
    // Outside every workspace folder: only the letter's own folder is looked in.
    assert.deepEqual(store([]).settings.fileConfigFor(uri), { config: {} });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('50,000 unknown keys: eleven notifications, the last counting the rest', () => {
  const ws = realpathSync(mkdtempSync(join(tmpdir(), 'imr-settings-')));
  try {
    clearConfigCache();
    const rules: Record<string, number> = {};
    for (let i = 0; i < 50_000; i++) rules[`r${i}`] = 0;
    writeFileSync(join(ws, '.imr.json'), JSON.stringify({ rules }));
    const { settings, messages } = store([ws]);
    settings.fileConfigFor(pathToFileURL(join(ws, 'a.txt')).href);
    settings.fileConfigFor(pathToFileURL(join(ws, 'b.txt')).href);
    assert.equal(messages.length, 11);
    assert.equal(
      messages[10],
      `IMR configuration: ${join(ws, '.imr.json')}: and 49990 more problems like these; those entries are ignored too.`,
    );
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
});
