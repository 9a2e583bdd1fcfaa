// Markdown for text taken from the letter or the glossary: shown as written, never as markup.

/** Escapes Markdown's inline markup characters, and a `#`, `+` or `-` that would start a heading or list. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^([#+-])/gm, '\\$1');
}
