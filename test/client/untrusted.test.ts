// Restricted Mode (issue 12): the extension says honestly what a workspace that is not trusted cannot set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ROOT } from '../support/corpus';

interface Manifest {
  capabilities: {
    untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
  };
  contributes: { configuration: { properties: Record<string, unknown> } };
}

const pkg = JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')) as Manifest;

test('untrusted workspaces: limited, and the settings that could make the server do unbounded work are restricted', () => {
  const untrusted = pkg.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual(untrusted.restrictedConfigurations, [
    'imr.maxDocumentSize',
    'imr.maxLineLength',
    'imr.diagnostics.debounceMs',
    'imr.trace.server',
  ]);
  const settings = Object.keys(pkg.contributes.configuration.properties);
  for (const name of untrusted.restrictedConfigurations ?? [])
    assert.ok(settings.includes(name), `${name} is not a setting`);
  assert.match(untrusted.description ?? '', /Restricted Mode the language server reads no \.imr\.json/);
});
