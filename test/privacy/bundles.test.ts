// Privacy, proven on what ships: every built bundle (dist/*.js, `npm run build` first) is scanned for network
// modules and APIs. Each occurrence is traced through the bundle's source map to the file it came from, and
// must be on the allow-list below, which says for each entry why it is not a network call we make.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import * as path from 'node:path';
import { at } from '../support/elements';

const DIST = path.resolve(__dirname, '..', '..', 'dist');

/** Modules that open connections or run other programs (which could, e.g. `curl`). */
const NETWORK_MODULES = [
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'dns',
  'child_process',
  'inspector',
  'cluster',
  'undici',
  'ws',
  'node-fetch',
  'axios',
  'got',
  'request',
  'ftp',
  'socket.io-client',
];
/** Globals and names that reach the network without a module, and programs that would. */
const NETWORK_APIS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'sendBeacon',
  'RTCPeerConnection',
  'curl',
  'wget',
];

const MODULE_NAME = `(?:node:)?(${NETWORK_MODULES.map((m) => m.replace(/[.-]/g, '\\$&')).join('|')})`;
const PATTERNS: RegExp[] = [
  // require("net"), import("net"), process.getBuiltinModule("net"), from "net" (esbuild leaves externals as require).
  new RegExp(`\\b(?:require|import|getBuiltinModule)\\s*\\(\\s*["'\`]${MODULE_NAME}["'\`]\\s*\\)`, 'g'),
  new RegExp(`\\bfrom\\s*["'\`]${MODULE_NAME}["'\`]`, 'g'),
  new RegExp(`\\b(${NETWORK_APIS.join('|')})\\b`, 'g'),
];

export interface Finding {
  /** The module or API name, e.g. `net`, `fetch`. */
  what: string;
  /** The original file it came from (node_modules/… or a repository path), the bundle itself (`dist/pdf.js`)
   * when it has no source map, or `?` where the map has no entry. */
  source: string;
}

/** Network modules and APIs in `code`, each with its original source file when `map` is given. */
export function scan(code: string, map?: SourceMapPayload, unmapped = '?'): Finding[] {
  const sourceMap = map ? new SourceMap(map) : undefined;
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const sourceAt = (offset: number): string => {
    if (!sourceMap) return unmapped;
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (at(lineStarts, mid) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const entry = sourceMap.findEntry(lo, offset - at(lineStarts, lo));
    const original = 'originalSource' in entry ? entry.originalSource : undefined;
    return original ? normalise(original) : '?';
  };
  const found: Finding[] = [];
  for (const pattern of PATTERNS) {
    for (const m of code.matchAll(pattern)) found.push({ what: at(m, 1), source: sourceAt(m.index) });
  }
  return found;
}

/** `../node_modules/x/y.js` or `file:///…/node_modules/x/y.js` → `node_modules/x/y.js`; `../server/a.ts` → `server/a.ts`. */
function normalise(source: string): string {
  const s = source.replace(/\\/g, '/');
  const nm = s.lastIndexOf('node_modules/');
  return nm >= 0 ? s.slice(nm) : s.replace(/^(?:\.\.\/)+/, '');
}

interface Allowed {
  what: string;
  /** The original file, exactly, or a folder ending in `/`. */
  source: string;
  why: string;
}

/** Every network module or API in the bundles, and why it is no network call of ours. Keep each entry justified. */
const ALLOWED: Allowed[] = [
  {
    what: 'net',
    source: 'node_modules/vscode-jsonrpc/lib/node/main.js',
    why: 'JSON-RPC transports: --socket=<port> connects to the editor on localhost, --pipe=<name> to a local named pipe. Used only when the editor asks for that transport.',
  },
  {
    what: 'child_process',
    // The server bundle loads it on first use (scripts/build.mjs, lazyBuiltins), for its one user below.
    source: 'lazy-builtin:child_process',
    why: "vscode-languageserver's files.js: Files.resolveGlobalNodePath/resolveGlobalYarnPath run `npm`/`yarn` to find global modules; the server never calls them (see the check below).",
  },
  {
    what: 'child_process',
    source: 'node_modules/vscode-languageclient/lib/node/main.js',
    why: 'The extension starts its own language server (dist/server.js) as a Node child process.',
  },
  {
    what: 'child_process',
    source: 'node_modules/vscode-languageclient/lib/node/processes.js',
    why: 'Stops that server process tree when the extension stops it (taskkill / kill on the server pid).',
  },
  {
    what: 'child_process',
    source: 'test/bench/benchServer.ts',
    why: 'dist/bench.js (not shipped) spawns dist/server.js --stdio, and node -e 0 for its floor, to measure them.',
  },
  {
    what: 'child_process',
    source: 'test/bench/pdfBench.ts',
    why: 'dist/bench.js (not shipped) packs the vsix with the local vsce to weigh it.',
  },
  {
    what: 'child_process',
    source: 'test/bench/threadTimes.ts',
    why: 'dist/bench.js (not shipped) times dist/cli.js runs, thread by thread, under bash `time`.',
  },
  // dist/pdf.js is pdfjs-dist's legacy build, bundled without a source map (scripts/build.mjs), so its entries
  // name the bundle. pdfjs carries loaders for documents given by URL; server/src/node/pdf hands it the file's
  // bytes (`data`), never a `url` (see the check below), so none of them is created.
  {
    what: 'fetch',
    source: 'dist/pdf.js',
    why: 'PDFFetchStream and URL-based CMap, font and wasm loading: only for a document or resource given by URL.',
  },
  {
    what: 'XMLHttpRequest',
    source: 'dist/pdf.js',
    why: 'PDFNetworkStream: only for a document given by URL in a browser.',
  },
];

const allows = (a: Allowed, f: Finding) =>
  a.what === f.what && (a.source.endsWith('/') ? f.source.startsWith(a.source) : f.source === a.source);

function bundles(): string[] {
  if (!existsSync(DIST)) return [];
  return readdirSync(DIST)
    .filter((f) => f.endsWith('.js'))
    .sort();
}

describe('the scanner (so that the bundle scan can fail)', () => {
  test('finds network modules and APIs in every form esbuild or a library writes them', () => {
    const code = [
      'var a=require("net"),b=require("node:https");',
      'const c=await import("dgram");import d from "tls";',
      'const e=process.getBuiltinModule("http");',
      'fetch(u);new XMLHttpRequest;navigator.sendBeacon(u);new WebSocket(u);',
      'cp.exec("curl -s "+u);',
      'const ok=require("fs"),re=/x/.exec(s),fetched=1,netmask=2;',
    ].join('\n');
    assert.deepEqual(
      scan(code).map((f) => `${f.what} ${f.source}`),
      [
        'net ?',
        'https ?',
        'dgram ?',
        'http ?',
        'tls ?',
        'fetch ?',
        'XMLHttpRequest ?',
        'sendBeacon ?',
        'WebSocket ?',
        'curl ?',
      ],
    );
  });
});

describe('the bundles make no network call', () => {
  const files = bundles();

  test(
    'the bundles are built, with source maps (pdf.js, third-party code only, has none)',
    { skip: files.length ? false : 'dist/ is missing: run npm run build' },
    () => {
      for (const must of ['extension.js', 'server.js', 'serverMain.js', 'cli.js', 'pdf.js'])
        assert.ok(files.includes(must), `dist/${must}`);
      for (const f of files.filter((f) => f !== 'pdf.js'))
        assert.ok(existsSync(path.join(DIST, `${f}.map`)), `dist/${f}.map`);
    },
  );

  const all: { bundle: string; finding: Finding }[] = [];
  const sources = new Set<string>();
  for (const bundle of files) {
    const mapFile = path.join(DIST, `${bundle}.map`);
    const map = existsSync(mapFile) ? (JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMapPayload) : undefined;
    for (const s of map?.sources ?? [`dist/${bundle}`]) sources.add(map ? normalise(s) : s);
    for (const finding of scan(readFileSync(path.join(DIST, bundle), 'utf8'), map, `dist/${bundle}`))
      all.push({ bundle, finding });
  }

  for (const bundle of files) {
    test(`dist/${bundle}: every network module or API is on the allow-list`, () => {
      const unexplained = all
        .filter((x) => x.bundle === bundle && !ALLOWED.some((a) => allows(a, x.finding)))
        .map((x) => `${x.finding.what} from ${x.finding.source}`);
      assert.deepEqual([...new Set(unexplained)], []);
    });
  }

  test(
    'every allow-list entry whose library is bundled is still needed',
    { skip: files.length ? false : 'dist/ is missing' },
    () => {
      const bundled = (a: Allowed) =>
        [...sources].some((s) => (a.source.endsWith('/') ? s.startsWith(a.source) : s === a.source));
      const stale = ALLOWED.filter((a) => bundled(a) && !all.some((x) => allows(a, x.finding)));
      assert.deepEqual(
        stale.map((a) => `${a.what} from ${a.source}`),
        [],
      );
    },
  );

  const SERVER_SRC = path.resolve(__dirname, '..', '..', 'server', 'src');
  const sourcesMatching = (re: RegExp) =>
    readdirSync(SERVER_SRC, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && re.test(readFileSync(path.join(SERVER_SRC, f), 'utf8')))
      .map((f) => f.replace(/\\/g, '/'));

  test('the server never calls the npm/yarn lookups that bring child_process into its bundle', () => {
    assert.deepEqual(sourcesMatching(/resolveGlobal(?:Node|Yarn)Path|\bFiles\.\w/), []);
  });

  test('pdfjs is given bytes, never a URL (so its network loaders are never created)', () => {
    assert.deepEqual(sourcesMatching(/getDocument\(/), ['node/pdf/engine.ts']);
    const engine = readFileSync(path.join(SERVER_SRC, 'node/pdf/engine.ts'), 'utf8');
    const call = /getDocument\(\{([^}]*)\}/.exec(engine)?.[1] ?? '';
    assert.match(call, /\bdata\b/);
    assert.doesNotMatch(call, /\burl\b|Url\b/);
  });
});
