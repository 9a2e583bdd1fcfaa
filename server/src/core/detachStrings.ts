// The strings of a parsed letter or of its findings, copied out of the text they were cut from. V8 cuts a
// substring of 13 characters or more as a slice: a pointer into the whole text, which it keeps alive. A
// letter that later versions reuse (reanalysis.ts) would keep the text it was read from alive next to the
// current one: 21 MB more for a 10 MiB document (a two-byte string as soon as one character is above
// U+00FF), held for good, and one text more at every edit. Copied, a letter holds only its own strings.

/** V8 copies shorter substrings: they hold no text. */
const SLICE_MIN = 13;

const LATIN1 = new TextDecoder('latin1');

/**
 * Replaces every string of `root`'s objects and arrays (depth first, each object once) by an equal one cut
 * from a single copy of them all: one byte per character when none is above U+00FF, which halves the folded
 * text too (folded from a two-byte text, it is two-byte). Nothing any reader sees changes: a string is
 * replaced by an equal string. Frozen objects are left as they are (shared constants hold no text).
 */
export function detachStrings(root: object): void {
  const holders: Record<string | number, unknown>[] = [];
  const keys: (string | number)[] = [];
  const parts: string[] = [];
  const seen = new Set<object>();
  const take = (holder: Record<string | number, unknown>, key: string | number, field: unknown): void => {
    if (typeof field === 'string') {
      if (field.length < SLICE_MIN) return;
      holders.push(holder);
      keys.push(key);
      parts.push(field);
    } else if (typeof field === 'object' && field !== null && !holdsNoString(field)) visit(field);
  };
  const visit = (value: object): void => {
    if (seen.has(value) || Object.isFrozen(value)) return;
    seen.add(value);
    const fields = value as Record<string | number, unknown>;
    if (Array.isArray(value)) {
      // A list of numbers (a folded text's pieces) holds no string.
      if (typeof value[0] !== 'number') for (let i = 0; i < value.length; i++) take(fields, i, fields[i]);
    } else for (const key in fields) if (Object.hasOwn(fields, key)) take(fields, key, fields[key]);
  };
  visit(root);
  if (parts.length === 0) return;
  const copy = detachedCopy(parts.join(''));
  let at = 0;
  for (let i = 0; i < holders.length; i++) {
    const length = parts[i]?.length ?? 0;
    const holder = holders[i];
    const key = keys[i];
    if (holder && key !== undefined) holder[key] = copy.slice(at, at + length);
    at += length;
  }
}

/** Positions, the most numerous objects, hold no string: skipped without the bookkeeping of visited objects. */
function holdsNoString(value: object): boolean {
  const { line, character } = value as { line?: unknown; character?: unknown };
  return typeof line === 'number' && typeof character === 'number';
}

/**
 * A new string equal to `text`, which it does not keep alive: one byte per character when it can be. The
 * decoder reads bytes 0x80-0x9F as windows-1252, so its answer is taken only when equal; else a two-byte copy.
 */
export function detachedCopy(text: string): string {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  const decoded = LATIN1.decode(bytes);
  // The concatenation is a new string once flattened (by the slices cut from it), never `text` itself.
  return decoded === text ? decoded : (' ' + text).slice(1);
}
