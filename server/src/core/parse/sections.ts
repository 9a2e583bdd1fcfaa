// Sections: each heading found, its body up to the next heading.
import type { Range, Section } from '../model';
import type { Line } from '../text/lines';
import type { HeadingMatch } from './headings';

export interface SectionLines {
  section: Section;
  /** The body's lines; for a heading with text after it on its line, that line comes first. */
  body: Line[];
  /** In the first body line, where the body starts (after the heading on that line). */
  bodyFrom: number;
}

function endOf(line: Line): { line: number; character: number } {
  return { line: line.line, character: line.start + line.text.length };
}

export function buildSections(lines: readonly Line[], headings: readonly HeadingMatch[]): SectionLines[] {
  // A loop, not flatMap: flatMap costs V8 several times as much for a handful of headings.
  const sections: SectionLines[] = [];
  for (let j = 0; j < headings.length; j++) {
    const h = headings[j];
    const first = h && lines[h.lineIndex];
    const last = h && lines[h.lastLineIndex];
    if (!h || !first || !last) continue; // a heading is found on lines that are there
    const headingRange: Range = {
      start: { line: first.line, character: first.start + (h.startInFirstLine ?? 0) },
      end: { line: last.line, character: last.start + h.endInLastLine },
    };
    const nextStart = headings[j + 1]?.lineIndex ?? lines.length;
    const textAfterHeading = h.endInLastLine < last.text.trimEnd().length;
    const bodyStartIndex = textAfterHeading ? h.lastLineIndex : h.lastLineIndex + 1;
    const body = lines.slice(bodyStartIndex, nextStart);
    let bodyFrom = textAfterHeading ? h.endInLastLine : 0;
    if (textAfterHeading) while (last.text.charCodeAt(bodyFrom) === 32) bodyFrom++;
    const bodyFirst = body[0];
    const bodyLast = body.at(-1);
    const bodyRange: Range =
      bodyFirst && bodyLast
        ? { start: { line: bodyFirst.line, character: bodyFirst.start + bodyFrom }, end: endOf(bodyLast) }
        : { start: headingRange.end, end: headingRange.end };
    sections.push({
      section: {
        kind: h.spec.kind,
        title: h.spec.text,
        headingRange,
        bodyRange,
        range: { start: headingRange.start, end: body.length ? bodyRange.end : headingRange.end },
      },
      body,
      bodyFrom,
    });
  }
  return sections;
}

/**
 * The section cut so that its body keeps only its first `keep` body lines: for a section whose last part
 * is not its own (L1's case summary runs into the item blocks, which have no heading of their own).
 */
export function truncateSection(s: SectionLines, keep: number): SectionLines {
  if (keep >= s.body.length) return s;
  const body = s.body.slice(0, Math.max(0, keep));
  const { headingRange } = s.section;
  const bodyLast = body.at(-1);
  const bodyRange: Range = bodyLast
    ? { start: s.section.bodyRange.start, end: endOf(bodyLast) }
    : { start: headingRange.end, end: headingRange.end };
  return {
    section: {
      ...s.section,
      bodyRange,
      range: { start: headingRange.start, end: body.length ? bodyRange.end : headingRange.end },
    },
    body,
    bodyFrom: body.length ? s.bodyFrom : 0,
  };
}
