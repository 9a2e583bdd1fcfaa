// Every dwc-2016 PDF read by the PDF reader (server/src/node/pdf) parses to the same letter as its
// `pdftotext -layout` extraction in layout/: header values, credentials, items, decisions, field bodies
// and citations. Needs dist/pdf.js (`npm run build`, which test:unit runs first). Without the corpus
// (test/support/corpus.ts) these tests SKIP, unless CI=true, where they FAIL.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/core/parse';
import { readPdfFile } from '../../server/src/node/pdf';
import { reading } from './reading';
import { corpusAvailable, corpusNames, corpusPath, corpusPresent, FORMS } from '../support/corpus';
import { at } from '../support/elements';

const PDF = corpusPath(FORMS.pdf);
const LAYOUT = corpusPath(FORMS.layout);

if (!corpusPresent(['pdf', 'layout'])) {
  test('shared corpus PDFs', (t) => void corpusAvailable(t, ['pdf', 'layout']));
} else {
  const names = corpusNames('pdf');

  test('117 PDFs, one for each letter in layout/', () => {
    assert.equal(names.length, 117);
    assert.deepEqual(
      names.map((n) => n.replace(/\.pdf$/, '.txt')),
      corpusNames('layout'),
    );
  });

  describe('dwc-2016/pdf reads as dwc-2016/layout', () => {
    for (const name of names) {
      test(name, async () => {
        const read = await readPdfFile(join(PDF, name));
        assert.ok(read.ok, `${name}: ${read.ok ? '' : read.reason}`);
        const { text, lines, pageCount } = read.pdf;
        const layout = readFileSync(join(LAYOUT, name.replace(/\.pdf$/, '.txt')), 'utf8');
        const fromPdf = parse(text);
        const fromLayout = parse(layout);
        assert.deepEqual(reading(fromPdf), reading(fromLayout), `${name}: PDF vs layout/`);
        assert.deepEqual(fromPdf.problems, [], `${name}: structural problems`);
        assert.equal(fromPdf.variant.extraction, 'layout', `${name}: read as layout text`);
        // Pages: as many form feeds as pdftotext writes, and every line's origin on a page in order.
        assert.equal(text.split('\f').length - 1, layout.split('\f').length - 1, `${name}: page breaks`);
        assert.equal(lines.length, text.split('\n').length, `${name}: one origin per line`);
        assert.equal(at(lines, 0).page, 1, name);
        assert.equal(at(lines, -1).page, pageCount, name);
        for (let k = 1; k < lines.length; k++)
          assert.ok(at(lines, k).page >= at(lines, k - 1).page, `${name}: line ${k} page`);
      });
    }
  });
}
