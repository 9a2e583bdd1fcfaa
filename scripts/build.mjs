// Bundles the extension client, the language server, the CLI, the benchmark and the PDF reader into dist/.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, context } from 'esbuild';

const require = createRequire(import.meta.url);
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

/**
 * pdfjs's legacy build, on being evaluated in Node, requires the optional native @napi-rs/canvas (35 MB,
 * 15–30 ms) to polyfill DOMMatrix and Path2D for rendering, and warns three times on stdout/stderr when
 * it is absent, as in an installed copy. Text extraction renders nothing: cut both requires out. Each
 * piece must match exactly once, so that a pdfjs upgrade that moves them fails the build.
 */
const PDFJS_CANVAS_CUTS = [
  {
    what: 'the @napi-rs/canvas load and DOMMatrix/Path2D polyfills at evaluation',
    from: /\n {2}let canvas;\n {2}try \{\n {4}const require = process\.getBuiltinModule\("module"\)\.createRequire\(import\.meta\.url\);\n {4}try \{\n {6}canvas = require\("@napi-rs\/canvas"\);[\s\S]*?warn\("Cannot polyfill `Path2D`, rendering may be broken\."\);\n {4}\}\n {2}\}\n/g,
    to: '\n',
  },
  {
    what: 'the @napi-rs/canvas load of NodeCanvasFactory',
    from: /const require = process\.getBuiltinModule\("module"\)\.createRequire\(import\.meta\.url\);\n\s*const canvas = require\("@napi-rs\/canvas"\);\n\s*return canvas\.createCanvas\(width, height\);/g,
    to: 'throw new Error("This PDF reader extracts text; it does not render.");',
  },
];

/**
 * pdfjs's worker inflates content streams and fonts through a web DecompressionStream: in Node, a zlib stream
 * behind web-stream adapters, about 0.1 ms of this thread's CPU per stream and as much again on libuv's
 * pool, where zlib's own inflateSync takes some 0.03 ms (on the corpus PDFs: 7% less CPU in the thread, 10% in all).
 * Deflate and Brotli go to zlib's sync decoders (`imrDecodeNatively`, server/src/node/pdf/nativeDecode.ts); a
 * stream zlib cannot decode takes pdfjs's own path as before (pdfjs's JavaScript decoder gets the bytes).
 *
 * Every decoded stream stops at MAX_DECODED_STREAM_BYTES (server/src/node/pdf/streamLimit.ts), a decompression
 * bomb's defence: zlib's through maxOutputLength, pdfjs's JavaScript decoders (Flate, LZW, ASCII85, RunLength,
 * predictors, decryption, a page's joined content streams) where they all grow their output, DecodeStream's
 * ensureBuffer. Text extraction decodes no images (JPEG, JPX, JBIG2 and CCITT decoders size their own output).
 */
const PDFJS_WORKER_CUTS = [
  {
    what: 'the DecompressionStream of asyncGetBytesFromDecompressionStream',
    from: /\n {4}try \{\n {6}const \{\n {8}readable,\n {8}writable\n {6}\} = new DecompressionStream\(name\);\n/g,
    to: `
    const imrDecoded = imrDecodeNatively(name, bytes);
    if (imrDecoded !== undefined) return { decompressed: imrDecoded, compressed: bytes };
    try {
      const {
        readable,
        writable
      } = new DecompressionStream(name);
`,
  },
  {
    what: "DecodeStream's ensureBuffer",
    from: /\n {2}ensureBuffer\(requested\) \{\n {4}const buffer = this\.buffer;\n {4}if \(requested <= buffer\.byteLength\) \{\n {6}return buffer;\n {4}\}\n {4}let size = this\.minBufferLength;\n {4}while \(size < requested\) \{\n {6}size \*= 2;\n {4}\}\n/g,
    to: `
  ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }
    let size = this.minBufferLength;
    while (size < requested) {
      size *= 2;
    }
    imrCheckDecodedLength(size);
`,
  },
];

/** The worker's imports of what the cuts call, by absolute path (it is bundled from node_modules). */
const PDFJS_WORKER_IMPORTS = [
  ['decodeNatively as imrDecodeNatively', '../server/src/node/pdf/nativeDecode.ts'],
  ['checkDecodedLength as imrCheckDecodedLength', '../server/src/node/pdf/streamLimit.ts'],
]
  .map(([name, file]) => `import { ${name} } from ${JSON.stringify(fileURLToPath(new URL(file, import.meta.url)))};\n`)
  .join('');

/**
 * V8 holds a function's optimised code only weakly (from its feedback), so that the code of functions no longer
 * alive can be collected. pdfjs declares the text extractor's helpers inside getTextContent, and the TrueType
 * repair's inside checkAndRepair: every page or font makes them anew and drops them after, so each full GC
 * that falls between two pages throws their code away, and TurboFan compiles them again, about once per 100
 * PDFs for ever (the text extractor's loop alone some 100 ms of compilation each time). Keeping the last
 * call's functions alive (`imrKeepAlive`, in the bundle's banner) keeps their code. It holds one page's text
 * state and one font's tables until the next call replaces them.
 */
const PDFJS_KEEP_ALIVE = {
  textContent: ['promiseBody'],
  fontRepair: [
    'readCmapTable',
    'sanitizeMetrics',
    'sanitizeGlyph',
    'sanitizeGlyphLocations',
    'readNameTable',
    'sanitizeTTProgram',
    'sanitizeTTPrograms',
  ],
};
const keepAlive = (key) => `imrKeepAlive.${key} = [${PDFJS_KEEP_ALIVE[key].join(', ')}];`;

PDFJS_WORKER_CUTS.push(
  {
    what: "getTextContent's operator loop",
    from: /\n {4}return new Promise\(function promiseBody\(resolve, reject\) \{\n {6}const next = function \(promise\) \{\n {8}enqueueChunk\(true\);\n/g,
    to: `
    return new Promise(function promiseBody(resolve, reject) {
      ${keepAlive('textContent')}
      const next = function (promise) {
        enqueueChunk(true);
`,
  },
  {
    what: "checkAndRepair's table readers",
    from: /\n {2}checkAndRepair\(name, font, properties\) \{\n(?= {4}const VALID_TABLES = )/g,
    to: `
  checkAndRepair(name, font, properties) {
    ${keepAlive('fontRepair')}
`,
  },
);

/** Applies each cut to the pdfjs file `path` names; each must match exactly once. */
async function cutPdfjs(path, cuts) {
  let contents = await readFile(path, 'utf8');
  for (const cut of cuts) {
    const found = contents.match(cut.from)?.length ?? 0;
    if (found !== 1) throw new Error(`${path}: ${cut.what} found ${found} times, expected once`);
    contents = contents.replace(cut.from, cut.to);
  }
  return contents;
}

/** The worker, cut; each function PDFJS_KEEP_ALIVE names must still be declared in it (else a ReferenceError). */
async function cutPdfjsWorker(path) {
  const contents = PDFJS_WORKER_IMPORTS + (await cutPdfjs(path, PDFJS_WORKER_CUTS));
  for (const name of Object.values(PDFJS_KEEP_ALIVE).flat())
    if (!contents.includes(`function ${name}(`)) throw new Error(`${path}: function ${name} not found`);
  return contents;
}

const pdfjsWithoutCanvas = {
  name: 'pdfjs-without-canvas',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.mjs$/ }, async (args) => {
      const contents = await cutPdfjs(args.path, PDFJS_CANVAS_CUTS);
      if (contents.includes('@napi-rs/canvas')) throw new Error(`${args.path}: @napi-rs/canvas still named`);
      return { contents, loader: 'js' };
    });
    pluginBuild.onLoad({ filter: /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker\.mjs$/ }, async (args) => ({
      contents: await cutPdfjsWorker(args.path),
      loader: 'js',
    }));
  },
};

/** The PDF bundle's banner: import.meta.url for pdfjs, and the keep-alive holder PDFJS_WORKER_CUTS use. */
const PDF_BANNER = [
  'var importMetaUrl = require("url").pathToFileURL(__filename).href;',
  'var imrKeepAlive = {};',
].join('\n');

/**
 * The language server's imports of the LSP library, made cheaper to load. esbuild copies a CommonJS module's
 * exports into a new object for each of our modules that imports it (some 310 getters for vscode-languageserver,
 * in 15 modules: 5-8 ms of the server's start): all of them import it through one ES module instead
 * (`export *` from vscode-languageserver/node, a superset of vscode-languageserver), so it is copied twice. And
 * protocol.ts's vscode-languageserver-protocol is the copy vscode-languageserver uses, not the newer one the
 * client has: one copy of the protocol, JSON-RPC and LSP types in the bundle, not two (130 KB of its 660).
 */
const lspLibraryOnce = {
  name: 'lsp-library-once',
  setup(pluginBuild) {
    const ours = (args) => !args.pluginData?.lspLibraryOnce && !/[\\/]node_modules[\\/]/.test(args.importer);
    const resolveAsLibrary = (path, args, resolveDir) =>
      pluginBuild.resolve(path, { kind: args.kind, resolveDir, pluginData: { lspLibraryOnce: true } });
    pluginBuild.onResolve({ filter: /^vscode-languageserver(\/node)?$/ }, (args) =>
      ours(args) ? { path: 'vscode-languageserver/node', namespace: 'lsp-library-once' } : undefined,
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lsp-library-once' }, () => ({
      contents: "export * from 'vscode-languageserver/node';",
      loader: 'js',
      resolveDir: process.cwd(),
      pluginData: { lspLibraryOnce: true },
    }));
    pluginBuild.onResolve({ filter: /^vscode-languageserver-protocol(\/.*)?$/ }, async (args) => {
      if (!ours(args)) return undefined;
      const server = await resolveAsLibrary('vscode-languageserver', args, args.resolveDir);
      return resolveAsLibrary(args.path, args, dirname(server.path));
    });
  },
};

/**
 * Built-in modules the language server needs only after its start, loaded on first use rather than with the
 * bundle: fs/promises (with the readline and file-watcher modules it brings) and child_process (with dgram;
 * vscode-languageserver's files.js, for npm and yarn lookups the server never makes). Together 5-6 ms of the
 * start's CPU; VS Code's own IPC channel to the server loads child_process anyway. Each import gets a module
 * of functions that call the built-in's (its function exports, as this build's node has them; importing
 * anything else is a build error).
 */
const LAZY_BUILTINS = ['fs/promises', 'child_process'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(pluginBuild) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|').replace(/\//g, '\\/')})$`);
    pluginBuild.onResolve({ filter }, (args) =>
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    pluginBuild.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const builtin = require(`node:${args.path}`);
      const functions = Object.keys(builtin).filter((k) => /^[a-z]/.test(k) && typeof builtin[k] === 'function');
      const contents = [
        'let builtin;',
        `const load = () => (builtin ??= require('node:${args.path}'));`,
        ...functions.map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
      ];
      return { contents: contents.join('\n'), loader: 'js' };
    });
  },
};

const bundles = [
  { ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist' },
  // dist/server.js, the entry editors start, loads the server (dist/serverMain.js) through V8's code cache.
  {
    ...common,
    entryPoints: { server: 'server/src/serverEntry.ts', serverMain: 'server/src/server.ts' },
    outdir: 'dist',
    plugins: [lspLibraryOnce, lazyBuiltins],
  },
  { ...common, entryPoints: { cli: 'server/src/cli/main.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: { bench: 'test/bench/bench.ts' }, outdir: 'dist', minify: false },
  // pdfjs and its worker, loaded by server/src/node/pdf/index.ts only when the first PDF is read. pdfjs
  // reads import.meta.url, which a CommonJS bundle lacks: it gets the bundle's own file URL (PDF_BANNER).
  {
    ...common,
    entryPoints: { pdf: 'server/src/node/pdf/bundle.ts' },
    outdir: 'dist',
    sourcemap: false,
    define: { 'import.meta.url': 'importMetaUrl' },
    plugins: [pdfjsWithoutCanvas],
    banner: { js: PDF_BANNER },
  },
];

if (watch) {
  // Rebuild on every change until interrupted.
  for (const ctx of await Promise.all(bundles.map((options) => context(options)))) await ctx.watch();
} else {
  await Promise.all(bundles.map((options) => build(options)));
}
