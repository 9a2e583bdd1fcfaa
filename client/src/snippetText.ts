// A quick fix's inserted text as a snippet: its slots (`<rationale>`) become tab stops `${1:<rationale>}`, and
// the rest stays literal. Pure, so that it is unit-tested outside VS Code.
import type { FixSnippetData, PlaceholderSpan } from '../../server/src/protocol';

// What the snippet grammar reads as syntax, in text and in a placeholder's default alike.
const escapeSnippet = (s: string) => s.replace(/[$}\\]/g, '\\$&');

/** `text` with each span a numbered tab stop; undefined when the spans are not in order inside `text`. */
export function snippetText(text: string, spans: readonly PlaceholderSpan[]): string | undefined {
  let out = '';
  let at = 0;
  for (const [k, { offset, length }] of spans.entries()) {
    if (offset < at || length <= 0 || offset + length > text.length) return undefined;
    out += `${escapeSnippet(text.slice(at, offset))}\${${k + 1}:${escapeSnippet(text.slice(offset, offset + length))}}`;
    at = offset + length;
  }
  return out + escapeSnippet(text.slice(at));
}

export function isFixSnippetData(data: unknown): data is FixSnippetData {
  const spans = (data as Partial<FixSnippetData> | undefined)?.placeholders;
  return (
    Array.isArray(spans) &&
    spans.every(
      (edit) =>
        Array.isArray(edit) &&
        edit.every((s: Partial<PlaceholderSpan>) => typeof s?.offset === 'number' && typeof s.length === 'number'),
    )
  );
}
