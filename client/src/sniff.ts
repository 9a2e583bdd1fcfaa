// Recognises a determination letter opened as plain text. VS Code ranks `firstLine` below the `.txt`
// association, so a `.txt` letter would otherwise stay plain text (real-vscode-testing.md §8).

/** Headings and header labels that only determination letters put at a line start. */
const MARKERS =
  /^[\f ]*(?:HOW THE IMR FINAL DETERMINATION WAS MADE|IMR ISSUES, DECISIONS AND RATIONALES|Case Number:|Notice of Independent Medical Review Determination|MEDICAL PROFESSIONAL REVIEW|ISSUE AT DISPUTE:)/m;

/** `head` is the first lines of the document. */
export function looksLikeDetermination(head: string): boolean {
  return MARKERS.test(head) && /\bIMR\b|Independent Medical Review|MAXIMUS/.test(head);
}
