// Rebuilds a letter's lines from positioned PDF text items, close to `pdftotext -layout`: items grouped
// by baseline and sorted by x, large gaps kept as column spacing, vertical gaps as blank lines, and a form
// feed where a page ends. No pdfjs here: plain numbers in, text and line origins out.

/** One run of text as the PDF places it: baseline origin in points, PDF coordinates (y grows upwards). */
export interface PlacedText {
  text: string;
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PlacedPage {
  height: number;
  items: readonly PlacedText[];
}

/** Where a line of the extracted text came from. Blank lines have a page but no position. */
export interface PdfLineOrigin {
  /** 1-based page number. */
  page: number;
  /** Left edge of the line's first text, in points from the page's left edge. */
  x?: number;
  /** Baseline of the line, in points from the page's top edge. */
  y?: number;
}

export interface PdfText {
  /** Lines joined by `\n`; each page ends with a form feed, as `pdftotext` writes them. */
  text: string;
  pageCount: number;
  /** One entry per line of `text` (split at `\n`). */
  lines: PdfLineOrigin[];
}

interface Row {
  y: number;
  /** The lowest baseline in the row: below `y` when a wrapped label's tail was merged into it. */
  bottom: number;
  fontSize: number;
  items: PlacedText[];
}

/** Blank lines between two rows never exceed this: a big vertical gap is still one paragraph break or two. */
const MAX_BLANK_LINES = 2;

export function layoutPages(pages: readonly PlacedPage[]): PdfText {
  const visible = pages.map((p) => ({ height: p.height, items: p.items.filter((i) => i.text.trim() !== '') }));
  let left = Infinity;
  for (const { items } of visible) for (const i of items) left = Math.min(left, i.x);
  const charWidth = typicalCharWidth(visible.flatMap((p) => p.items));
  let text = '';
  const lines: PdfLineOrigin[] = [];
  visible.forEach(({ height, items }, k) => {
    const page = k + 1;
    let previous: Row | undefined;
    for (const row of mergeWrappedLabels(groupRows(items))) {
      for (let b = previous ? blankLinesBetween(previous, row) : 0; b > 0; b--) {
        text += '\n';
        lines.push({ page });
      }
      text += renderRow(row, left, charWidth) + '\n';
      const x = row.items[0]?.x;
      lines.push(x === undefined ? { page } : { page, x: round(x), y: round(height - row.y) });
      previous = row;
    }
    // Like pdftotext: a form feed ends each page, so the next page's first line starts with it.
    text += '\f';
  });
  lines.push({ page: Math.max(1, pages.length) });
  return { text, pageCount: pages.length, lines };
}

/** Items sorted top to bottom, then left to right; a row holds the items whose baselines nearly agree. */
function groupRows(items: readonly PlacedText[]): Row[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const item of sorted) {
    const row = rows[rows.length - 1];
    if (row && Math.abs(row.y - item.y) <= 0.3 * Math.max(row.fontSize, item.fontSize)) {
      row.items.push(item);
      row.fontSize = Math.max(row.fontSize, item.fontSize);
    } else {
      rows.push({ y: item.y, bottom: item.y, fontSize: item.fontSize, items: [item] });
    }
  }
  for (const row of rows) row.items.sort((a, b) => a.x - b.x);
  return rows;
}

/**
 * A label that wraps inside its table cell (`Application` over `Received:`) comes back as two rows: the
 * second holds only the label's tail, left-aligned with the head, just below it. Joined, the label and its
 * value share one line.
 */
function mergeWrappedLabels(rows: Row[]): Row[] {
  const merged: Row[] = [];
  for (const row of rows) {
    const above = merged.at(-1);
    const tail = row.items.length === 1 ? row.items[0] : undefined;
    const head =
      tail && above && above.y - row.y <= 1.5 * row.fontSize
        ? above.items.find((i) => Math.abs(i.x - tail.x) < 1)
        : undefined;
    if (
      tail &&
      head &&
      above &&
      head !== above.items[0] &&
      tail.text.trimEnd().endsWith(':') &&
      !head.text.trimEnd().endsWith(':')
    ) {
      const index = above.items.indexOf(head);
      above.items[index] = {
        ...head,
        text: `${head.text.trimEnd()} ${tail.text.trim()}`,
        width: Math.max(head.width, tail.width),
      };
      above.bottom = row.y;
      continue;
    }
    merged.push(row);
  }
  return merged;
}

/** A row's text: a gap of about a word space is one space; wider gaps keep the column the x says. */
function renderRow(row: Row, left: number, charWidth: number): string {
  let line = '';
  let end = -Infinity;
  for (const item of row.items) {
    const text = item.text.replace(/\s+$/, '');
    const lead = line === '' ? item.text.length - item.text.trimStart().length : 0;
    const column = Math.max(0, Math.round((item.x - left) / charWidth));
    const gap = item.x - end;
    if (line === '') {
      line = ' '.repeat(column) + text.slice(lead);
    } else if (gap < 0.15 * item.fontSize && !/\s$/.test(line)) {
      line += text;
    } else if (gap < 2 * charWidth) {
      line = line.trimEnd() + ' ' + text.trimStart();
    } else {
      line = line.trimEnd();
      line += ' '.repeat(Math.max(2, column - line.length)) + text.trimStart();
    }
    end = item.x + item.width;
  }
  return line.trimEnd();
}

function blankLinesBetween(above: Row, below: Row): number {
  const lineHeight = 1.15 * Math.max(above.fontSize, below.fontSize);
  // A heading's extra space below it (about half a line) is not a blank line; a paragraph gap (a line) is.
  const blanks = Math.floor((above.bottom - below.y) / lineHeight + 0.25) - 1;
  return Math.min(MAX_BLANK_LINES, Math.max(0, blanks));
}

/** The median width of a character, from the longer runs of text, so that columns map to points. */
function typicalCharWidth(items: readonly PlacedText[]): number {
  const widths = items.filter((i) => i.text.length >= 4 && i.width > 0).map((i) => i.width / i.text.length);
  widths.sort((a, b) => a - b);
  return widths[widths.length >> 1] ?? 5; // no long run of text: a usual width
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
