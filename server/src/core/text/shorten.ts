// Long names on one line, cut at their end so that their start stays readable: the one shortening used by the
// outline, the item picker, the Determinations view, folds and findings' messages.

/** White space runs folded to one space, trimmed. */
export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * `text` on one line, at most `max` characters: when longer, cut at the last word boundary that keeps most of
 * the budget (else inside the word), trailing punctuation dropped, and `…` appended.
 */
export function shorten(text: string, max: number): string {
  const flat = collapse(text);
  if (flat.length <= max) return flat;
  const budget = Math.max(1, max - 1);
  const space = flat.lastIndexOf(' ', budget);
  let cut = space >= budget * 0.6 ? space : budget;
  // Never split a surrogate pair.
  if (cut > 0 && isHighSurrogate(flat.charCodeAt(cut - 1))) cut--;
  const head = flat.slice(0, cut).replace(/[\s,;:.(\-\u2013\u2014/&]+$/, '');
  return `${head || flat.slice(0, cut)}…`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
