// The pdfjs side of the PDF reader: opens a PDF from bytes and returns its text items page by page, or a
// one-line reason. Built into its own bundle (dist/pdf.js) with pdfjs and its worker, and loaded only when
// the first PDF is read (see ./index.ts). The worker runs in this thread: it is handed to pdfjs through
// `globalThis.pdfjsWorker`, so no worker file is looked up at run time.
import type * as PdfjsModule from 'pdfjs-dist/legacy/build/pdf.mjs' with { 'resolution-mode': 'import' };
import { layoutPages, type PdfText, type PlacedPage, type PlacedText } from './layout';
import { REASONS } from './reasons';
import { installPromiseWithResolvers, keepingNativeBuiltins } from './shims';
import { isStreamTooLarge } from './streamLimit';

export type PdfOutcome = { ok: true; pdf: PdfText } | { ok: false; reason: string };

type Pdfjs = typeof PdfjsModule;

let pdfjsReady: Promise<Pdfjs> | undefined;

function loadPdfjs(): Promise<Pdfjs> {
  pdfjsReady ??= keepingNativeBuiltins(async () => {
    installPromiseWithResolvers();
    // @ts-expect-error The worker module ships without type declarations; only its presence matters.
    const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  });
  return pdfjsReady;
}

/** `%PDF-` must start within the first KiB (readers allow leading junk up to there). */
function hasPdfSignature(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).toString('latin1');
  return head.includes('%PDF-');
}

/** A complete PDF ends with `%%EOF` near its end; a cut-off download does not. */
function hasEndMarker(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 1024);
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, bytes.length - from)
    .toString('latin1')
    .includes('%%EOF');
}

export async function extractPdf(bytes: Uint8Array): Promise<PdfOutcome> {
  if (!hasPdfSignature(bytes)) return { ok: false, reason: REASONS.notPdf };
  if (!hasEndMarker(bytes)) return { ok: false, reason: REASONS.damaged };
  const pdfjs = await loadPdfjs();
  // pdfjs takes ownership of (and detaches) the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await task.promise;
    const pages: PlacedPage[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const content = await page.getTextContent();
      const items: PlacedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , d, x, y] = item.transform as number[];
        if (a === undefined || b === undefined || d === undefined || x === undefined || y === undefined) continue;
        items.push({ text: item.str, x, y, width: item.width, fontSize: Math.hypot(a, b) || Math.abs(d) });
      }
      const [, bottom = 0, , top = bottom] = page.view;
      pages.push({ height: top - bottom, items });
      page.cleanup();
    }
    const pdf = layoutPages(pages);
    if (!/\S/.test(pdf.text.replace(/\f/g, ''))) return { ok: false, reason: REASONS.noText };
    return { ok: true, pdf };
  } catch (error) {
    return { ok: false, reason: reasonFor(error) };
  } finally {
    await task.destroy();
  }
}

function reasonFor(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return REASONS.password;
  if (isStreamTooLarge(error)) return REASONS.streamTooLarge;
  return REASONS.damaged;
}
