// Where a letter's pages start, read from its form feeds (pdftotext and our PDF text end each page with one,
// so the next page's first line starts with it). The editor would paint a form feed as a box (the font's
// missing-glyph mark); pageBreakDecorations.ts hides that glyph and marks the page start instead. Pure (no
// `vscode` import) and linear in the text.

/** Past this many form feeds a text is no letter to mark up (a letter has 2–6 pages; a bundle, hundreds). */
export const MAX_PAGE_BREAKS = 5000;

export interface PageBreak {
  /** Offset of the form feed in the text. */
  offset: number;
  /** The page that starts after it (2 after the first form feed); undefined where only blanks follow it. */
  page?: number;
}

const FORM_FEED = '\f';

export function pageBreaks(text: string): PageBreak[] {
  const out: PageBreak[] = [];
  for (let at = text.indexOf(FORM_FEED); at >= 0 && out.length < MAX_PAGE_BREAKS; at = text.indexOf(FORM_FEED, at + 1))
    out.push({ offset: at, page: out.length + 2 });
  // The form feeds that end the text (after the last page) start no page.
  let end = text.length;
  for (const last of out.reverse()) {
    if (/\S/.test(text.slice(last.offset + 1, end))) break;
    delete last.page;
    end = last.offset;
  }
  return out.reverse();
}
