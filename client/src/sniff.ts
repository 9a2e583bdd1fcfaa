// Recognises a determination letter opened as plain text. VS Code ranks `firstLine` below the `.txt`
// association, so a `.txt` letter would otherwise stay plain text (real-vscode-testing.md §8).
import { isRecord } from '../../server/src/core/values';

/**
 * `head` is the first lines of the document; `firstLine` is the language's `firstLine` pattern from
 * package.json (the one source of the letters' opening lines), tried here against every line of the head.
 */
export function looksLikeDetermination(head: string, firstLine: RegExp): boolean {
  return firstLine.test(head) && /\bIMR\b|Independent Medical Review|MAXIMUS/.test(head);
}

/** The `firstLine` pattern made to match at any line start of a document's head. */
export function headPattern(firstLine: string): RegExp {
  return new RegExp(firstLine, 'm');
}

/**
 * The `firstLine` pattern of the `imr` language in an extension manifest (`packageJSON`, typed `any` by
 * VS Code), or undefined when the manifest does not have that shape.
 */
export function imrFirstLine(manifest: unknown): string | undefined {
  const languages = field(field(manifest, 'contributes'), 'languages');
  if (!Array.isArray(languages)) return undefined;
  const imr: unknown = languages.find((language) => field(language, 'id') === 'imr');
  const firstLine = field(imr, 'firstLine');
  return typeof firstLine === 'string' ? firstLine : undefined;
}

function field(value: unknown, key: string): unknown {
  return isRecord(value) ? value[key] : undefined;
}
