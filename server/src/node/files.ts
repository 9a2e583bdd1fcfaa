// The names the CLI and the server agree on: which files are letters, and what the configuration file is called.

/** A PDF letter's extension: read by the PDF reader (letterReader.ts), the others as text. */
export const PDF_EXTENSION = '.pdf';

/** Extensions of letter files, lower case, with the dot. A new reader (such as PDF) adds its extension here. */
export const LETTER_EXTENSIONS: readonly string[] = ['.txt', '.imr', PDF_EXTENSION];

/** The same extensions as one glob, for file watchers and directory walks: `**\/*.{txt,imr,pdf}`. */
export const LETTER_GLOB = `**/*.{${LETTER_EXTENSIONS.map((ext) => ext.slice(1)).join(',')}}`;

/** The per-folder rule configuration, found by walking up from a letter. */
export const CONFIG_FILE_NAME = '.imr.json';

export function isPdfFileName(name: string): boolean {
  return name.toLowerCase().endsWith(PDF_EXTENSION);
}

export function isLetterFileName(name: string): boolean {
  const lower = name.toLowerCase();
  return LETTER_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** `.txt or .imr or .pdf`, for messages. */
export function letterExtensionList(): string {
  return LETTER_EXTENSIONS.join(' or ');
}
