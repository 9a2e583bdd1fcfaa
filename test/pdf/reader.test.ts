// The PDF reader on the committed fixtures (made by scripts/make-pdf-fixtures.mjs): a typed two-page
// letter, the same letter encrypted like the DWC's (AES-128, empty user password), and one file per bad
// case, each with its one-line reason. Reads through dist/pdf.js: `npm run build` first (test:unit does).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from '../../server/src/core/parse';
import { isPdfFileName } from '../../server/src/node/files';
import { PDF_PROBLEMS, isPdfBundleLoaded, readPdfFile } from '../../server/src/node/pdf';
import { at } from '../support/elements';

const FIXTURES = 'test/fixtures/pdf';
const TEXT = readFileSync('test/cli/fixtures/letters/two-items.txt', 'utf8');

test('the PDF bundle is not loaded until the first PDF is read', async () => {
  assert.equal(isPdfBundleLoaded(), false);
  await readPdfFile(`${FIXTURES}/two-items.pdf`);
  assert.equal(isPdfBundleLoaded(), true);
});

for (const name of ['two-items.pdf', 'two-items-aes.pdf']) {
  test(`${name} reads as the text letter it was typed from`, async () => {
    const read = await readPdfFile(`${FIXTURES}/${name}`);
    assert.ok(read.ok, read.ok ? '' : read.reason);
    const { text, lines, pageCount } = read.pdf;
    assert.equal(pageCount, 2);
    const fromPdf = parse(text);
    const fromText = parse(TEXT);
    assert.deepEqual(
      fromPdf.items.map((i) => [i.text.text, i.decision?.value, i.fields.map((f) => [f.kind, f.body.text])]),
      fromText.items.map((i) => [i.text.text, i.decision?.value, i.fields.map((f) => [f.kind, f.body.text])]),
    );
    assert.deepEqual(
      fromPdf.items.map((i) => i.decision?.value),
      ['Upheld', 'Overturned'],
    );
    // The issues heading opens page 2, after the form feed, centred: its origin says so.
    const issues = text.split('\n').findIndex((l) => l.includes('IMR ISSUES, DECISIONS AND RATIONALES'));
    assert.match(at(text.split('\n'), issues), /^\f {10,}IMR ISSUES/);
    assert.equal(at(lines, issues).page, 2);
    assert.equal(at(lines, issues).y, 52);
    assert.equal(at(lines, issues - 1).page, 1);
    assert.deepEqual(at(lines, 0), { page: 1, x: at(lines, 0).x, y: 52 });
    assert.equal(at(lines, 1).x, 72);
  });
}

const BAD: Record<string, string> = {
  'bad-truncated.pdf': PDF_PROBLEMS.damaged,
  'bad-damaged.pdf': PDF_PROBLEMS.damaged,
  'bad-not-a-pdf.pdf': PDF_PROBLEMS.notPdf,
  'bad-password.pdf': PDF_PROBLEMS.password,
  'bad-scanned.pdf': PDF_PROBLEMS.noText,
};

for (const [name, reason] of Object.entries(BAD)) {
  test(`${name}: "${reason}"`, async () => {
    assert.deepEqual(await readPdfFile(`${FIXTURES}/${name}`), { ok: false, reason });
  });
}

test('the reasons are single lines that say what is wrong', () => {
  assert.deepEqual(
    Object.values(PDF_PROBLEMS).filter((r) => r.includes('\n')),
    [],
  );
  assert.match(PDF_PROBLEMS.noText, /^has no text to read/);
  assert.match(PDF_PROBLEMS.password, /password/);
});

test('a missing file is a reason too, with its error code', async () => {
  assert.deepEqual(await readPdfFile(`${FIXTURES}/no-such.pdf`), { ok: false, reason: 'cannot be read (ENOENT)' });
});

test('.pdf in any case is a PDF name; other names are not', () => {
  assert.deepEqual(['a.pdf', 'B.PDF', 'c.Pdf', 'd.pdf.txt', 'pdf', 'e.imr'].map(isPdfFileName), [
    true,
    true,
    true,
    false,
    false,
    false,
  ]);
});
