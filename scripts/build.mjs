// Bundles the extension client, the language server, the CLI, the benchmark and the PDF reader into dist/.
import { build, context } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !watch,
  logLevel: watch ? 'info' : 'warning', // info: watch mode reports each rebuild
  external: ['vscode'],
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

const bundles = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { bench: 'test/bench/bench.ts' }, outdir: 'dist', minify: false },
  // pdfjs and its worker, loaded by server/src/node/pdf/index.ts only when the first PDF is read. pdfjs
  // reads import.meta.url, which a CommonJS bundle lacks: it gets the bundle's own file URL.
  {
    ...common,
    entryPoints: { pdf: 'server/src/node/pdf/bundle.ts' },
    outdir: 'dist',
    sourcemap: false,
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'var importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  },
];

if (watch) {
  // Rebuild on every change until interrupted.
  for (const ctx of await Promise.all(bundles.map((options) => context(options)))) await ctx.watch();
} else {
  await Promise.all(bundles.map((options) => build(options)));
}
