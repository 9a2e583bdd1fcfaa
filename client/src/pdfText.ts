// What a PDF's read-only document shows and saves. Pure (no `vscode` import), so that it is unit-tested.

/** The file name at the end of a POSIX or Windows path. */
function baseName(file: string): string {
  return file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
}

/** The name "Save Extracted Text As…" proposes: `CM16-0219557.pdf` (any case of `.pdf`) → `CM16-0219557.imr.txt`. */
export function extractedTextName(pdfPath: string): string {
  return `${baseName(pdfPath).replace(/\.pdf$/i, '')}.imr.txt`;
}

/** The one line shown when a PDF cannot be opened: its file name, then the reader's reason. */
export function unreadablePdfMessage(pdfPath: string, reason: string): string {
  return `${baseName(pdfPath)}: ${reason}`;
}

/** The status item's text for the caret on `line`: the page that line came from (the last page past the end). */
export function pageText(pages: readonly number[], line: number): string | undefined {
  if (pages.length === 0) return undefined;
  return `Page ${pages[Math.min(Math.max(line, 0), pages.length - 1)]}`;
}
