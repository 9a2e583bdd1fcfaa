// Every path ARCHITECTURE.md and CONTRIBUTING.md name still exists (issue 8: the docs match the code). A path
// is a code span that holds a `/` or ends in a file extension. It is looked up in the repository: as written from
// the root, or as the end of a longer path (`lsp/settings.ts`, `headings.ts`), since the docs often name a
// file under the folder the sentence is about. A template (`lsp/<feature>.ts`, `IMR0NN-name.ts`) needs its
// folder; a glob (`l1*.ts`), a match. Paths outside the repository (`../shared/…`), build output (`dist/`),
// a user's `.imr.json` and LSP methods are not looked up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { ROOT } from '../support/corpus';

const DOCS = ['ARCHITECTURE.md', 'CONTRIBUTING.md'];
const EXTENSION = /\.(ts|mts|cts|mjs|cjs|js|json|md|txt|lua|png|svg|pdf)$/;
/** Outside the repository, build output, a user's file, or an LSP method (`textDocument/hover`, `imr/export`). */
const NOT_IN_REPO = /^(\.\.\/|dist\/|\.imr\.json$|https?:|(textDocument|workspace|window|imr)\/)/;

/** Every file and folder of the repository (not dependencies, build output or git's own). */
function repositoryPaths(): string[] {
  const files = fg.sync('**/*', { cwd: ROOT, dot: true, ignore: ['**/node_modules/**', 'dist/**', '.git/**'] });
  const folders = new Set<string>();
  for (const file of files)
    for (let slash = file.indexOf('/'); slash >= 0; slash = file.indexOf('/', slash + 1))
      folders.add(file.slice(0, slash));
  return [...files, ...folders];
}

/** The paths a document names in its code spans (a command's words one by one). */
export function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  const words = spans.flatMap((span) => span.split(/\s+/));
  const pathLike = (w: string) => /^[\w.\-/<>*]+$/.test(w) && /\w/.test(w) && !/^\.\w+$/.test(w); // not `.pdf`
  return words.filter((w) => pathLike(w) && (w.includes('/') || EXTENSION.test(w)));
}

/** A matcher for the repository paths a named path stands for. */
function matcherOf(named: string): RegExp | undefined {
  let path = named.replace(/\/$/, '');
  if (/<|NN/.test(path)) {
    const slash = path.lastIndexOf('/');
    if (slash < 0) return undefined; // a bare file name template: nothing to look up
    path = path.slice(0, slash);
  }
  const pattern = path
    .split('/')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('/')
    .replace(/\[\^\/\]\*\[\^\/\]\*/g, '.*');
  return new RegExp(`(^|/)${pattern}$`);
}

test('namedPaths: code spans that look like paths, words of a command one by one', () => {
  const text =
    'See `lsp/settings.ts` `filePathOf`, run `node scripts/make-icon.mjs`, in `server/src/node/` or `l1*.ts`.';
  assert.deepEqual(namedPaths(text), ['lsp/settings.ts', 'scripts/make-icon.mjs', 'server/src/node/', 'l1*.ts']);
});

for (const doc of DOCS) {
  test(`every path ${doc} names exists in the repository`, () => {
    const paths = repositoryPaths();
    const named = namedPaths(readFileSync(join(ROOT, doc), 'utf8')).filter((p) => !NOT_IN_REPO.test(p));
    assert.ok(named.length > 20, `${doc} names ${named.length} paths`);
    const missing = named.filter((p) => {
      const matcher = matcherOf(p);
      return matcher !== undefined && !paths.some((existing) => matcher.test(existing));
    });
    assert.deepEqual([...new Set(missing)], []);
  });
}
