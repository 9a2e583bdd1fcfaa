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
