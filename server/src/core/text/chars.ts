// Character classes of letter text, by UTF-16 code: one home, so that every scan agrees on what is blank.

/** Blank inside a line: space, tab, vertical tab, form feed, no-break space. */
export function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 11 || c === 12;
}

/** Blank or a line break (LF, CR): the white space of text that runs over lines. */
export function isSpaceOrBreak(c: number): boolean {
  return isBlank(c) || c === 10 || c === 13;
}

/** Where a line's content starts: after a BOM, form feeds and blanks. */
export function contentStart(text: string): number {
  let i = 0;
  while (i < text.length && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 0xfeff)) i++;
  return i;
}

/** Where a line's content ends: before trailing blanks and form feeds. */
export function contentEnd(text: string): number {
  let i = text.length;
  while (i > 0 && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}

/**
 * Table of the first characters of `texts` (all ASCII), indexed by UTF-16 code: `table[c] === 1` is one load,
 * where a Set or an array search per line costs a hash or a call. Any other code, and NaN (an empty line's
 * first character), reads undefined.
 */
export function firstCharacterTable(texts: Iterable<string>): Uint8Array {
  const table = new Uint8Array(128);
  for (const t of texts) {
    const c = t.charCodeAt(0);
    if (c >= 128) throw new Error('first characters must be ASCII');
    table[c] = 1;
  }
  return table;
}

const TABLES = new WeakMap<readonly { text: string }[], Uint8Array>();
// The list asked for last and its table: callers ask per line, mostly for the same list.
let lastSpecs: readonly { text: string }[] | undefined;
let lastTable: Uint8Array = new Uint8Array(0);

/** `firstCharacterTable` of the texts of a fixed list (a heading or label table), made once per list. */
export function firstCharactersOf(specs: readonly { text: string }[]): Uint8Array {
  if (specs === lastSpecs) return lastTable;
  let table = TABLES.get(specs);
  if (!table) {
    table = firstCharacterTable(specs.map((s) => s.text));
    TABLES.set(specs, table);
  }
  lastSpecs = specs;
  lastTable = table;
  return table;
}
