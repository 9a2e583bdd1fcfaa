// What a PDF's read-only document shows and saves. Pure (no `vscode` import), so that it is unit-tested.

/** The name "Save Extracted Text As…" proposes: `CM16-0219557.pdf` (any case of `.pdf`) → `CM16-0219557.imr.txt`. */
export function extractedTextName(pdfPath: string): string {
  const name = pdfPath.slice(Math.max(pdfPath.lastIndexOf('/'), pdfPath.lastIndexOf('\\')) + 1);
  return `${name.replace(/\.pdf$/i, '')}.imr.txt`;
}

/** The status item's text for the caret on `line`: the page that line came from (the last page past the end). */
export function pageText(pages: readonly number[], line: number): string | undefined {
  if (pages.length === 0) return undefined;
  return `Page ${pages[Math.min(Math.max(line, 0), pages.length - 1)]}`;
}
