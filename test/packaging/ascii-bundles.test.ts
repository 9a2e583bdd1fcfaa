// The shipped bundles are plain ASCII. V8 keeps a script's source for its whole life, at two bytes a
// character once a single character is past U+00FF: one `–` in a regex literal (esbuild escapes strings but
// not regexes) doubles the server's 650 KB source in memory. Write such characters as `\u2013` in regexes.
// Needs the bundles: `npm run build` first (test:unit does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const DIST = path.resolve(__dirname, '..', '..', 'dist');

for (const bundle of ['server.js', 'serverMain.js', 'cli.js', 'extension.js', 'pdf.js']) {
  test(`dist/${bundle} is ASCII only`, () => {
    const text = fs.readFileSync(path.join(DIST, bundle), 'latin1');
    const at = text.search(/[^\x00-\x7f]/);
    const around = at < 0 ? '' : text.slice(Math.max(0, at - 40), at + 10);
    assert.equal(at, -1, `a byte past ASCII at offset ${at}: …${around}…`);
  });
}
