// The `imr` settings made total (core/service/settings.ts), in memory: each setting read from the shapes clients
// send, anything missing or of the wrong type taken as its default, the section found in what a client sends,
// and the workspace's trust. Where they come from over LSP: test/node/settings-config.test.ts, test/lsp/.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultSettings,
  imrSection,
  isLogLevel,
  normalizeSettings,
  workspaceTrustedOf,
} from '../../server/src/core/service/settings';

const DEFAULTS = {
  rules: {},
  maxDocumentSize: 2_000_000,
  maxLineLength: 200_000,
  diagnostics: { debounceMs: 200 },
  logLevel: 'error',
};

describe('settings made total', () => {
  test('the defaults, each time a new object', () => {
    assert.deepEqual(defaultSettings(), DEFAULTS);
    const first = defaultSettings();
    first.diagnostics.debounceMs = 5;
    assert.equal(defaultSettings().diagnostics.debounceMs, 200);
  });

  test('no section, or one that is not an object: the defaults', () => {
    for (const raw of [undefined, null, 'imr', 42, ['rules'], {}]) assert.deepEqual(normalizeSettings(raw), DEFAULTS);
  });

  test('every setting read, nested or dotted', () => {
    const rules = { IMR003: 'off', IMR014: { severity: 'error' } };
    const all = {
      rules,
      maxDocumentSize: 5_000,
      maxLineLength: 300,
      diagnostics: { debounceMs: 50 },
      logLevel: 'debug',
    };
    assert.deepEqual(normalizeSettings(all), all);
    assert.deepEqual(normalizeSettings({ ...all, diagnostics: undefined, 'diagnostics.debounceMs': 50 }), all);
  });

  test('a value of the wrong type or out of range is its default; a debounce over a minute is a minute', () => {
    assert.deepEqual(
      normalizeSettings({
        rules: ['IMR003'],
        maxDocumentSize: 0,
        maxLineLength: Number.POSITIVE_INFINITY,
        diagnostics: { debounceMs: -1 },
        logLevel: 'verbose',
      }),
      DEFAULTS,
    );
    assert.deepEqual(
      normalizeSettings({ maxDocumentSize: '5000', maxLineLength: Number.NaN, diagnostics: 'fast', logLevel: 3 }),
      DEFAULTS,
    );
    assert.equal(normalizeSettings({ diagnostics: { debounceMs: 0 } }).diagnostics.debounceMs, 0);
    assert.equal(normalizeSettings({ diagnostics: { debounceMs: 3_600_000 } }).diagnostics.debounceMs, 60_000);
  });

  test('log levels: the five names, nothing else', () => {
    for (const level of ['off', 'error', 'warn', 'info', 'debug']) assert.equal(isLogLevel(level), true, level);
    for (const other of ['Error', 'trace', '', undefined, 1, 'hasOwnProperty', 'toString'])
      assert.equal(isLogLevel(other), false, String(other));
  });
});

describe('where the section is', () => {
  test('the `imr` section of initializationOptions or didChangeConfiguration, in each shape clients send', () => {
    const section = { rules: { IMR003: 'off' } };
    assert.equal(imrSection({ imr: section }), section);
    assert.equal(imrSection({ settings: { imr: section } }), section);
    assert.equal(imrSection(section), section);
    for (const name of ['maxDocumentSize', 'maxLineLength', 'diagnostics', 'logLevel']) {
      const itself = { [name]: 1 };
      assert.equal(imrSection(itself), itself, name);
    }
    assert.equal(imrSection({ other: section }), undefined);
    assert.equal(imrSection({ imr: 'off' }), undefined);
    assert.equal(imrSection({ settings: { other: section } }), undefined);
    assert.equal(imrSection(null), undefined);
    assert.equal(imrSection([section]), undefined);
  });

  test('the workspace is trusted unless the client says `workspaceTrusted: false`', () => {
    assert.equal(workspaceTrustedOf({ workspaceTrusted: false }), false);
    assert.equal(workspaceTrustedOf({ workspaceTrusted: true }), true);
    assert.equal(workspaceTrustedOf({ workspaceTrusted: 'no' }), true);
    assert.equal(workspaceTrustedOf({}), true);
    assert.equal(workspaceTrustedOf(undefined), true);
    assert.equal(workspaceTrustedOf(null), true);
  });
});
