// `imr/pdfText`: the text of a determination PDF for the client's read-only `imr-pdf:` documents, with the
// page of each line. Extraction runs here, in the server, through the lazily loaded PDF bundle, so pdfjs
// never loads in the extension host.
import { fileURLToPath } from 'node:url';
import { readPdfFile } from '../node/pdf';
import { PDF_SCHEME, PdfTextRequest, type PdfTextParams, type PdfTextResult } from '../protocol';
import type { Feature } from './context';
import { onCustomRequest } from './customMessages';

/** The read-only document of a PDF, from the PDF's `file:` URI (`file:///a/b.pdf` → `imr-pdf:/a/b.pdf`). */
export function pdfDocumentUriOf(fileUri: string): string {
  return `${PDF_SCHEME}:${fileUri.replace(/^file:\/\//, '')}`;
}

export async function pdfText(params: PdfTextParams): Promise<PdfTextResult> {
  let file: string;
  try {
    file = fileURLToPath(params.uri);
  } catch {
    return { reason: 'not a file on this computer' };
  }
  const read = await readPdfFile(file);
  if (!read.ok) return { reason: read.reason };
  return { text: read.pdf.text, pages: read.pdf.lines.map((l) => l.page) };
}

export const pdfTextFeature: Feature = {
  name: 'pdfText',
  capabilities: () => ({}),
  register(context) {
    onCustomRequest(context, PdfTextRequest, (): PdfTextResult => ({ reason: 'could not be read' }), pdfText);
  },
};
