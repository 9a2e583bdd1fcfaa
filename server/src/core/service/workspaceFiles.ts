// The features that read letters the editor does not hold: Check All Letters (the findings of every indexed
// letter not open) and Export Disputed Items (the rows of `imr export`). Pure: the host reads the files and
// resolves each letter's rules (server/src/lsp/languageService.ts), and may pause between letters so that it
// answers other requests meanwhile.
import { throwIfCancelled, type IsCancelled } from '../cancel';
import { exportRows, formatRows, type ExportFormat, type ExportRow } from '../exportRows';
import type { ImrDocument } from '../model';
import { parse } from '../parse';
import type { Finding, RuleSetting } from '../rules';
import { SourceText } from '../source';
import { editorFindings } from './findings';

/** What the workspace features need of the host: its files, and each letter's rules. */
export interface WorkspaceFilesHost {
  /** The text of the letter file at `uri`, or why it cannot be read (one line). */
  readLetterFile(uri: string): Promise<string | { reason: string }>;
  /** The rule settings of the letter at `uri` (its `.imr.json` and the editor's settings). */
  rulesFor(uri: string): Promise<ReadonlyMap<string, RuleSetting>>;
  /** Awaited before each letter, so that the host may yield to other work. */
  pause?(): Promise<void>;
}

export interface LetterFindings {
  uri: string;
  findings: Finding[];
}

/**
 * The findings of each letter file at `uris` that can be read, in order; unreadable files are left out.
 * `isCancelled` is polled between letters and inside each letter's parse and rule run.
 */
export async function checkLetterFiles(
  uris: Iterable<string>,
  host: WorkspaceFilesHost,
  isCancelled?: IsCancelled,
): Promise<LetterFindings[]> {
  const letters: LetterFindings[] = [];
  for (const uri of uris) {
    await host.pause?.();
    throwIfCancelled(isCancelled);
    const text = await host.readLetterFile(uri);
    if (typeof text !== 'string') continue;
    const rules = await host.rulesFor(uri);
    const document = parse(text, { isCancelled });
    letters.push({ uri, findings: editorFindings(document, new SourceText(text), rules, isCancelled) });
  }
  return letters;
}

export interface ExportedLetters {
  /** The file's text, as `imr export --format <format>` writes it for the same letters. */
  text: string;
  rows: number;
  /** One line per letter that could not be read: `<file>: <reason>`. */
  errors: string[];
}

/**
 * The export of the letters at `uris`, each once (the first time it is named) and at most `maxLetters` of them:
 * `letterAt` gives each one's model (the editor's when it holds it), or why it cannot be read; `fileOf` the
 * name its rows carry in the `file` column.
 */
export async function exportLetters(
  uris: Iterable<string>,
  format: ExportFormat,
  letterAt: (uri: string, isCancelled?: IsCancelled) => Promise<ImrDocument | string>,
  fileOf: (uri: string) => string,
  isCancelled?: IsCancelled,
  maxLetters = Infinity,
): Promise<ExportedLetters> {
  const rows: ExportRow[] = [];
  const errors: string[] = [];
  const distinct = [...new Set(uris)];
  for (const uri of distinct.slice(0, maxLetters)) {
    throwIfCancelled(isCancelled);
    const letter = await letterAt(uri, isCancelled);
    if (typeof letter === 'string') errors.push(`${fileOf(uri)}: ${letter}`);
    else rows.push(...exportRows(fileOf(uri), letter));
  }
  const over = distinct.length - maxLetters;
  if (over > 0) errors.push(`${over} of ${distinct.length} letters not exported: at most ${maxLetters} at a time`);
  return { text: formatRows(rows, format), rows: rows.length, errors };
}
