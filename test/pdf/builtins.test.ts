// pdfjs's legacy build brings core-js, which replaces some of Node's native built-ins process-wide with
// slower JavaScript versions (Array.prototype.push, JSON.stringify). The reader puts them back once pdfjs
// has loaded, and keeps what pdfjs added. Reads through dist/pdf.js: `npm run build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPdfFile } from '../../server/src/node/pdf';
import { keepingNativeBuiltins } from '../../server/src/node/pdf/shims';

const replaceable = () => ({
  push: Array.prototype.push,
  stringify: JSON.stringify,
  parse: JSON.parse,
  toString: Reflect.get(Function.prototype, 'toString') as unknown,
});

test('reading a PDF leaves the native built-ins core-js would replace in place', async () => {
  const before = replaceable();
  const read = await readPdfFile('test/fixtures/pdf/two-items.pdf');
  assert.ok(read.ok, read.ok ? '' : read.reason);
  assert.deepEqual(replaceable(), before);
  // What pdfjs needs and Node 20 lacks is still there (core-js added it).
  assert.equal(typeof (Map.prototype as { getOrInsertComputed?: unknown }).getOrInsertComputed, 'function');
});

test('keepingNativeBuiltins puts back replaced methods, keeps added ones, and returns what load returns', async () => {
  const natives = replaceable();
  const added = Symbol('added');
  // Typed so that a symbol-keyed method can be planted on Array.prototype, as a polluting library would.
  const arrays = Array.prototype as unknown as Record<symbol, unknown>;
  try {
    const result = await keepingNativeBuiltins(() => {
      JSON.stringify = () => 'replaced';
      Array.prototype.push = () => 0;
      arrays[added] = () => 'added';
      return Promise.resolve(42);
    });
    assert.equal(result, 42);
    assert.equal(JSON.stringify({ a: 1 }), '{"a":1}');
    assert.equal(Array.prototype.push, natives.push);
    assert.equal(typeof arrays[added], 'function');
  } finally {
    JSON.stringify = natives.stringify;
    Array.prototype.push = natives.push;
    delete arrays[added];
  }
});

test('keepingNativeBuiltins restores even when loading fails', async () => {
  const native = JSON.parse;
  await assert.rejects(
    keepingNativeBuiltins(() => {
      JSON.parse = () => 'replaced';
      return Promise.reject(new Error('load failed'));
    }),
    /load failed/,
  );
  assert.equal(JSON.parse, native);
});
