// Bundles the extension client, the language server, the CLI, the benchmark and the PDF reader into dist/.
import { build } from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: !watch,
  logLevel: 'warning',
  external: ['vscode'],
  // jsonc-parser's UMD build hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

await Promise.all([
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: { bench: 'test/bench/bench.ts' }, outdir: 'dist', minify: false }),
  // pdfjs and its worker, loaded by server/src/node/pdf/index.ts only when the first PDF is read. pdfjs
  // reads import.meta.url, which a CommonJS bundle lacks: it gets the bundle's own file URL.
  build({
    ...common,
    entryPoints: { pdf: 'server/src/node/pdf/bundle.ts' },
    outdir: 'dist',
    sourcemap: false,
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: 'var importMetaUrl = require("url").pathToFileURL(__filename).href;' },
  }),
]);
