// Writes the PDF fixtures in test/fixtures/pdf/ from scratch: a small two-page letter typed as PDF text
// (from test/cli/fixtures/letters/two-items.txt), and the bad cases the reader must explain in one line.
// The PDFs are written by hand here (a few objects and an xref table); encryption needs qpdf
// (Debian: apt-get install -y qpdf). The outputs are committed, so tests and CI never need qpdf.
// Run: node scripts/make-pdf-fixtures.mjs
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'test/fixtures/pdf';
const LETTER = readFileSync('test/cli/fixtures/letters/two-items.txt', 'utf8').trimEnd().split('\n');
/** The letter's second page starts at its issues heading, as real letters' often do. */
const PAGE_BREAK = LETTER.indexOf('IMR ISSUES, DECISIONS AND RATIONALES');
const HEADINGS = new Set([
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'CLINICAL CASE SUMMARY',
  'IMR ISSUES, DECISIONS AND RATIONALES',
]);

/** A PDF file from its objects' bodies (object n is bodies[n - 1]; object 1 is the catalog). */
function pdfFile(bodies) {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  bodies.forEach((body, k) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${k + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const stream = (content, extra = '') =>
  `<< /Length ${Buffer.byteLength(content, 'latin1')}${extra} >>\nstream\n${content}\nendstream`;
const escape = (s) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** Pages of text lines, one line per baseline, 14 pt apart; headings centred in bold. */
function textPdf(pages) {
  const pageCount = pages.length;
  // Objects: 1 catalog, 2 page tree, 3 regular font, 4 bold font, then a page and its content per page.
  const bodies = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
  ];
  const kids = [];
  for (const lines of pages) {
    const pageObject = bodies.length + 1;
    kids.push(`${pageObject} 0 R`);
    let y = 740;
    let content = '';
    for (const line of lines) {
      if (line !== '') {
        const bold = HEADINGS.has(line);
        const x = bold ? 306 - line.length * 3.3 : 72;
        content += `BT /${bold ? 'F2' : 'F1'} 10 Tf ${x.toFixed(2)} ${y} Td (${escape(line)}) Tj ET\n`;
      }
      y -= 14;
    }
    bodies.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObject + 1} 0 R >>`,
    );
    bodies.push(stream(content.trimEnd()));
  }
  bodies[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pageCount} >>`;
  return pdfFile(bodies);
}

/** One page holding only an 8×8 grey image: what a scan without OCR looks like to a text reader. */
function imageOnlyPdf() {
  const pixels = Buffer.alloc(64, 0x80).toString('latin1');
  return pdfFile([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    stream('q 468 0 0 648 72 72 cm /Im1 Do Q'),
    stream(pixels, ' /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8'),
  ]);
}

function qpdf(args) {
  const run = spawnSync('qpdf', args, { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    console.error(`qpdf failed (${run.error?.message ?? run.stderr.trim()}); install it with: apt-get install -y qpdf`);
    process.exit(1);
  }
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const letter = textPdf([LETTER.slice(0, PAGE_BREAK), LETTER.slice(PAGE_BREAK)]);
writeFileSync(join(OUT, 'two-items.pdf'), letter);
// Like the DWC's letters: AES-128 with an empty user password and copying not allowed. Must open.
qpdf([
  '--encrypt',
  '',
  'owner-secret',
  '128',
  '--use-aes=y',
  '--extract=n',
  '--',
  join(OUT, 'two-items.pdf'),
  join(OUT, 'two-items-aes.pdf'),
]);
qpdf([
  '--encrypt',
  'user-secret',
  'owner-secret',
  '128',
  '--use-aes=y',
  '--',
  join(OUT, 'two-items.pdf'),
  join(OUT, 'bad-password.pdf'),
]);
writeFileSync(join(OUT, 'bad-truncated.pdf'), letter.subarray(0, Math.floor(letter.length * 0.6)));
writeFileSync(
  join(OUT, 'bad-damaged.pdf'),
  Buffer.from(
    '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nthis is not an object\nstartxref\n12345\n%%EOF\n',
    'latin1',
  ),
);
writeFileSync(
  join(OUT, 'bad-not-a-pdf.pdf'),
  'Case Number: CM00-0000000\nThis is a text letter saved with a .pdf name.\n',
);
writeFileSync(join(OUT, 'bad-scanned.pdf'), imageOnlyPdf());
console.log(`wrote the PDF fixtures in ${OUT}`);
