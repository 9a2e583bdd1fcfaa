// The letters of a parsed file, for the features that work letter by letter (rules, outline, export).
import type { ImrDocument, Letter } from './model';

/** The document's letters in source order; a document without a list is one letter. */
export function lettersOf(document: ImrDocument): readonly Letter[] {
  return document.letters ?? [document];
}

/** The letter holding `line`: the last one starting at or before it (the first for a line before all). */
export function letterAt(document: ImrDocument, line: number): Letter {
  const letters = lettersOf(document);
  // Binary search: a bundle can hold many letters, and features ask per position.
  let low = 0;
  let high = letters.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((letters[mid]?.range.start.line ?? 0) <= line) low = mid;
    else high = mid - 1;
  }
  return letters[low] ?? document;
}

/**
 * One letter as a document of its own, for code written for a document (the rules): a single letter is the
 * document itself.
 */
export function letterDocument(document: ImrDocument, letter: Letter): ImrDocument {
  if (letter === document || lettersOf(document).length === 1) return document;
  return { ...letter, letters: [letter], lineCount: document.lineCount };
}
