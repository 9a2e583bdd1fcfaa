// What the server answers to `initialize` (server/src/lsp/initialize.ts), without a server: the merged
// capabilities of the features in their order, and the workspace folders from the params and from changes (the
// settings section in each shape clients send: test/core/settings.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import type { Feature, ServerContext } from '../../server/src/lsp/context';
import { changedFolders, initialFolders, serverCapabilities } from '../../server/src/lsp/initialize';

const folder = (name: string) => path.resolve('/work', name);
const workspaceFolder = (name: string) => ({ uri: pathToFileURL(folder(name)).href, name });

function contextWith(workspaceFolders: boolean, errors: string[]): ServerContext {
  // A stub of the two members initialize.ts reads; the casts stand in for the rest of the context.
  const context: Partial<ServerContext> = {
    clientCapabilities: { workspace: { workspaceFolders } },
    logger: { error: (message: string) => void errors.push(message) } as unknown as ServerContext['logger'],
  };
  return context as ServerContext;
}

// Capabilities of any shape (`filters: [1]` is no FileOperationFilter): the merge must not look inside them.
const feature = (name: string, capabilities: () => object): Feature => ({
  name,
  capabilities: capabilities as Feature['capabilities'],
  register: () => undefined,
});

test('capabilities: objects merged key by key, arrays joined in feature order, a throwing feature left out', () => {
  const errors: string[] = [];
  const features = [
    feature('a', () => ({ hoverProvider: true, workspace: { fileOperations: { didCreate: { filters: [1] } } } })),
    feature('broken', () => {
      throw new Error('no');
    }),
    feature('b', () => ({ workspace: { fileOperations: { didCreate: { filters: [2] } } } })),
  ];
  assert.deepEqual(serverCapabilities(contextWith(true, errors), features, ['imr.x']), {
    textDocumentSync: { openClose: true, change: 2 },
    workspace: {
      workspaceFolders: { supported: true, changeNotifications: true },
      fileOperations: { didCreate: { filters: [1, 2] } },
    },
    hoverProvider: true,
    executeCommandProvider: { commands: ['imr.x'] },
  });
  assert.deepEqual(errors, ['broken: capabilities failed']);
});

test('capabilities: no workspace folders for a client without them, no command provider without commands', () => {
  assert.deepEqual(serverCapabilities(contextWith(false, []), [], []), {
    textDocumentSync: { openClose: true, change: 2 },
  });
});

test('folders: the workspace folders, else the root URI, else the root path; changes remove then add', () => {
  const root = pathToFileURL(folder('root')).href;
  assert.deepEqual(
    initialFolders({ workspaceFolders: [workspaceFolder('a')], rootUri: root, processId: null, capabilities: {} }),
    [folder('a')],
  );
  assert.deepEqual(initialFolders({ workspaceFolders: null, rootUri: root, processId: null, capabilities: {} }), [
    folder('root'),
  ]);
  assert.deepEqual(initialFolders({ rootUri: null, rootPath: '/p', processId: null, capabilities: {} }), ['/p']);
  assert.deepEqual(initialFolders({ rootUri: null, processId: null, capabilities: {} }), []);
  const event = { added: [workspaceFolder('c')], removed: [workspaceFolder('a')] };
  assert.deepEqual(changedFolders([folder('a'), folder('b')], event), [folder('b'), folder('c')]);
});
