// `imr check`, `outline` and `export` on PDFs: the same results as on the text they were made from,
// one line per bad PDF (naming it, no stack trace) with the other files still processed and exit 2, and
// `--jobs` that changes nothing but speed. Runs the built dist/cli.js (and so dist/pdf.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS, corpusAvailable, FIXTURES, imr, lines } from './helpers';

const PDFS = 'test/fixtures/pdf';
const TWO_ITEMS_TXT = `${FIXTURES}/letters/two-items.txt`;

/** Findings without the file and line: a PDF's text lines do not fall where the text file's do. */
const findings = (stdout: string) =>
  (JSON.parse(stdout) as { findings: { ruleId: string; message: string; severity: string }[] }[]).map((r) =>
    r.findings.map((f) => [f.ruleId, f.severity, f.message]),
  );

test('check on a PDF finds what it finds on the text the PDF was typed from', () => {
  const fromPdf = imr(['check', '-f', 'json', `${PDFS}/two-items.pdf`, `${PDFS}/two-items-aes.pdf`]);
  const fromText = imr(['check', '-f', 'json', TWO_ITEMS_TXT]);
  assert.equal(fromPdf.stderr, '');
  assert.equal(fromPdf.status, fromText.status);
  const expected = findings(fromText.stdout)[0];
  assert.deepEqual(findings(fromPdf.stdout), [expected, expected]);
});

test('outline on a PDF: the same items and decisions as on the text', () => {
  const names = (stdout: string) => lines(stdout).map((l) => l.replace(/^\s*\d+ {2}/, ''));
  const fromPdf = imr(['outline', `${PDFS}/two-items.pdf`]);
  assert.equal(fromPdf.status, 0, fromPdf.stderr);
  assert.deepEqual(names(fromPdf.stdout), names(imr(['outline', TWO_ITEMS_TXT]).stdout));
  assert.match(fromPdf.stdout, /Lidocaine 5% patch, "as needed", #30 — Overturned/);
});

test('bad PDFs: one line each naming the file, no stack trace; the good PDFs are still checked; exit 2', () => {
  const run = imr(['check', '-f', 'json', PDFS]);
  assert.equal(run.status, 2);
  assert.deepEqual(lines(run.stderr), [
    `imr: ${PDFS}/bad-damaged.pdf: damaged or truncated PDF; cannot be read`,
    `imr: ${PDFS}/bad-not-a-pdf.pdf: not a PDF file (it does not start with %PDF-); skipped`,
    `imr: ${PDFS}/bad-password.pdf: PDF needs a password to open; skipped (save a copy without a password to check it)`,
    `imr: ${PDFS}/bad-scanned.pdf: has no text to read: a scanned image without a text layer? (OCR is not supported)`,
    `imr: ${PDFS}/bad-truncated.pdf: damaged or truncated PDF; cannot be read`,
  ]);
  assert.deepEqual(
    (JSON.parse(run.stdout) as { file: string }[]).map((r) => r.file),
    [`${PDFS}/two-items-aes.pdf`, `${PDFS}/two-items.pdf`],
  );
});

test('outline and export say the same of a bad PDF', () => {
  const outline = imr(['outline', `${PDFS}/bad-scanned.pdf`]);
  assert.equal(outline.status, 2);
  assert.equal(
    outline.stderr,
    `imr: ${PDFS}/bad-scanned.pdf: has no text to read: a scanned image without a text layer? (OCR is not supported)\n`,
  );
  const exported = imr(['export', `${PDFS}/bad-password.pdf`, `${PDFS}/two-items.pdf`]);
  assert.equal(exported.status, 2);
  assert.equal(lines(exported.stderr).length, 1);
  assert.deepEqual(
    (JSON.parse(exported.stdout) as { decision: string }[]).map((r) => r.decision),
    ['Upheld', 'Overturned'],
  );
});

test('--fix never writes to a PDF', () => {
  const before = readFileSync(`${PDFS}/two-items.pdf`);
  const run = imr(['check', '--fix', `${PDFS}/two-items.pdf`]);
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  assert.deepEqual(readFileSync(`${PDFS}/two-items.pdf`), before);
});

test('--jobs 1 and --jobs 3 give the same output, in the same order', () => {
  const one = imr(['check', '-f', 'json', '--jobs', '1', PDFS, `${FIXTURES}/letters`]);
  const three = imr(['check', '-f', 'json', '--jobs', '3', PDFS, `${FIXTURES}/letters`]);
  assert.equal(three.stdout, one.stdout);
  assert.equal(three.stderr, one.stderr);
  assert.equal(three.status, one.status);
  assert.equal((JSON.parse(one.stdout) as unknown[]).length, 4);
});

test('--jobs must be a positive whole number', () => {
  for (const bad of ['0', '-1', 'two', '1.5']) {
    const run = imr(['export', `--jobs=${bad}`, TWO_ITEMS_TXT]);
    assert.equal(run.status, 2, bad);
    assert.match(
      run.stderr,
      /^imr: --jobs must be a whole number from 1 \(got '.*'\)\. See 'imr export --help'\.\n$/,
      bad,
    );
  }
});

test('export over dwc-2016/pdf gives the rows of dwc-2016/layout, file for file', (t) => {
  if (!corpusAvailable(t, ['pdf', 'layout'])) return;
  const rows = (dir: string) => {
    const run = imr(['export', '-f', 'json', '--jobs', '2', join(CORPUS, 'dwc-2016', dir)]);
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    return (JSON.parse(run.stdout) as Record<string, unknown>[]).map(({ file, ...row }) => ({
      letter: String(file).replace(/^.*[\\/]|\.\w+$/g, ''),
      ...row,
    }));
  };
  const fromPdf = rows('pdf');
  assert.equal(fromPdf.length, 247);
  assert.deepEqual(fromPdf, rows('layout'));
});
