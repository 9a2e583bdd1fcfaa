// Loose identity of an item's wording: case, spacing and punctuation do not count, every letter and digit
// does ("Norco 10/325mg, #60" = "norco 10/325 mg #60", but "Labs to include: EKG" ≠ "… Chest X-ray").
const NOT_ALPHANUMERIC_ASCII = /[^a-z0-9]+/g;
const NOT_ALPHANUMERIC = /[^\p{L}\p{N}]+/gu;
const NON_ASCII = /[^\x00-\x7f]/;

export function itemKey(text: string): string {
  const lower = text.toLowerCase();
  // The Unicode classes are several times slower; letters are ASCII but for the odd "é" or "–".
  return lower.replace(NON_ASCII.test(lower) ? NOT_ALPHANUMERIC : NOT_ALPHANUMERIC_ASCII, '');
}

function isLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

function mix(hash: number, code: number): number {
  return (Math.imul(hash, 31) + code) | 0;
}

/** The hash of a key: odd, so that 0 stands for the empty key alone. */
function hashOfKey(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = mix(hash, key.charCodeAt(i));
  return key === '' ? 0 : hash | 1;
}

/**
 * `hashOfKey(itemKey(text))`, without building the key (a lower-cased copy and a regex replace) when the
 * text is ASCII, as item texts nearly always are. Equal keys have equal hashes, so only items whose hashes
 * meet need their keys built and compared; 0 means an empty key.
 */
export function itemKeyHash(text: string): number {
  let hash = 0;
  let empty = true;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0x80) return hashOfKey(itemKey(text)); // the Unicode classes decide what counts
    if (code >= 65 && code <= 90) code += 32; // what toLowerCase does to ASCII
    if (!isLetterOrDigit(code)) continue;
    hash = mix(hash, code);
    empty = false;
  }
  return empty ? 0 : hash | 1;
}
