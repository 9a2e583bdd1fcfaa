// Lint for the whole repository: ESLint flat config with typescript-eslint's type-aware rules.
// The core's purity (no I/O, nothing of Node, VS Code or LSP) is enforced here; test/core/purity.test.ts
// lints deliberately impure code as a core file and asserts that each rule fires.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Node built-ins by bare name; `node:*` has its own pattern. */
const NODE_BUILTINS = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'console',
  'crypto',
  'dgram',
  'diagnostics_channel',
  'dns',
  'events',
  'fs',
  'http',
  'http2',
  'https',
  'inspector',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'querystring',
  'readline',
  'repl',
  'stream',
  'string_decoder',
  'timers',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'wasi',
  'worker_threads',
  'zlib',
];

/** Packages the core may import besides its own relative modules: pure ones only. */
export const CORE_PACKAGES = ['jsonc-parser'];

const alternatives = (names) => names.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
const NODE_MODULE = `^(?:node:|(?:${alternatives(NODE_BUILTINS)})(?:/|$))`;
const EDITOR_MODULE = '^vscode(?:$|-)';
const RELATIVE_OR_ALLOWED = `\\.{1,2}(?:/|$)|(?:${alternatives(CORE_PACKAGES)})(?:/|$)`;

/** The rules that keep server/src/core pure. Exported for test/core/purity.test.ts. */
export const corePurityRules = {
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      patterns: [
        { regex: NODE_MODULE, message: 'The core does no I/O: Node APIs belong in server/src/node.' },
        {
          regex: EDITOR_MODULE,
          message: 'The core knows nothing of VS Code or LSP: adapters belong in server/src/lsp.',
        },
        {
          regex: `^(?!${RELATIVE_OR_ALLOWED}|${NODE_MODULE.slice(1)}|${EDITOR_MODULE.slice(1)})`,
          message: `The core imports its own modules and pure packages (${CORE_PACKAGES.join(', ')}) only.`,
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['process', 'require', 'module', 'exports', '__dirname', '__filename', 'Buffer', 'global', 'console'].map(
      (name) => ({ name, message: 'The core touches no Node global: the caller passes in what it needs.' }),
    ),
    ...['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'navigator', 'importScripts'].map((name) => ({
      name,
      message: 'The core makes no network call.',
    })),
  ],
  'no-restricted-properties': [
    'error',
    ...['process', 'require', 'module', 'Buffer', 'console', 'fetch', 'XMLHttpRequest', 'WebSocket'].map(
      (property) => ({ object: 'globalThis', property, message: 'The core touches no Node or network global.' }),
    ),
  ],
  'no-restricted-syntax': [
    'error',
    { selector: 'ImportExpression', message: 'The core imports statically, so that these rules can see what.' },
    { selector: 'TSExternalModuleReference', message: 'The core uses ES imports, not import = require().' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.vscode-test/**', '**/fixtures/**'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's test() and describe() return promises that the runner awaits itself.
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite', 'before', 'after'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      // tsc's noUnusedLocals and noUnusedParameters report these already.
      '@typescript-eslint/no-unused-vars': 'off',
      // Noise: an async function that implements a Promise-returning interface need not await.
      '@typescript-eslint/require-await': 'off',
      // Passing on a rejection we caught (`reject(e)` with e: unknown) is not creating a non-Error one.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
    },
  },
  {
    rules: {
      // The parser reads hostile input on purpose: control characters in its patterns are deliberate.
      'no-control-regex': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Tests match the CLI's double-spaced columns literally; `/  info  /` reads better than `/ {2}info {2}/`.
      'no-regex-spaces': 'off',
    },
  },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'test/**/*.{ts,mjs,js,cjs}'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  // Shipped code guards instead of asserting: a `!` is a crash waiting for the input that breaks it. Tests
  // assert instead (test/support/elements), so that a missing value fails with a message, not a TypeError.
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'error' },
  },
  { files: ['server/src/core/**/*.ts'], rules: corePurityRules },
);
