// The one place tests find the shared corpus of real letters: ../shared/corpus from the repo root, or the
// folder named by IMR_CORPUS (a missing path there is how to check that tests skip without it).
// Absent corpus: corpus tests skip with a message, except under CI=true, where absence is a failure.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';

/** The repo root: the nearest folder with a package.json above this file (test/support/, or dist/ in the bench bundle). */
export const ROOT = findRoot(__dirname);
export const CORPUS = process.env.IMR_CORPUS
  ? path.resolve(ROOT, process.env.IMR_CORPUS)
  : path.resolve(ROOT, '..', 'shared', 'corpus');

/** The corpus's forms of a letter and their folders: seeds, then the 2016 letters as text, layout and PDF. */
export const FORMS = { seeds: 'seeds', text: 'dwc-2016/text', layout: 'dwc-2016/layout', pdf: 'dwc-2016/pdf' } as const;
export type Form = keyof typeof FORMS;
const TEXT_FORMS: readonly Form[] = ['seeds', 'text', 'layout'];

export interface Letter {
  /** Path relative to the corpus root, with forward slashes: `dwc-2016/text/CM16-0219557.txt`. */
  name: string;
  text: string;
}

function absentMessage(forms: readonly Form[]): string | undefined {
  const missing = forms.map((form) => FORMS[form]).filter((folder) => !existsSync(path.join(CORPUS, folder)));
  return missing.length ? `the shared corpus is missing at ${CORPUS} (no ${missing.join(', ')})` : undefined;
}

/** Whether the corpus has these forms (by default the three text forms); to choose what to register, not to skip. */
export function corpusPresent(forms: readonly Form[] = TEXT_FORMS): boolean {
  return absentMessage(forms) === undefined;
}

/** `skip` option for a corpus test: a reason when the corpus (these forms) is absent; throws under CI=true. */
export function corpusSkip(forms: readonly Form[] = TEXT_FORMS): string | false {
  const message = absentMessage(forms);
  if (!message) return false;
  if (process.env.CI === 'true') throw new Error(`${message}: required when CI=true`);
  return message;
}

/** Inside a test: true when the corpus is there; else skips the test (fails it under CI=true). */
export function corpusAvailable(t: TestContext, forms: readonly Form[] = TEXT_FORMS): boolean {
  const message = absentMessage(forms);
  if (!message) return true;
  if (process.env.CI === 'true') assert.fail(`${message}: required when CI=true`);
  t.skip(message);
  return false;
}

/** Absolute path of a corpus file: `corpusPath('dwc-2016/text/CM17-0020384.txt')`. */
export function corpusPath(relative: string): string {
  return path.join(CORPUS, relative);
}

/** File names of one form, sorted (`.txt`, or `.pdf` for the pdf form); empty when the folder is absent. */
export function corpusNames(form: Form): string[] {
  const dir = path.join(CORPUS, FORMS[form]);
  if (!existsSync(dir)) return [];
  const ext = form === 'pdf' ? '.pdf' : '.txt';
  return readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort();
}

/** Absolute paths of one form's files, sorted by name. */
export function corpusFiles(form: Form): string[] {
  return corpusNames(form).map((f) => path.join(CORPUS, FORMS[form], f));
}

const cache = new Map<Form, Letter[]>();

/** The letters of the given text forms (all three by default), in that order, each sorted by name. */
export function corpusLetters(forms: readonly Form[] = TEXT_FORMS): Letter[] {
  const out: Letter[] = [];
  for (const form of forms) {
    assert.notEqual(form, 'pdf', 'PDF letters are binary: list them with corpusFiles');
    let letters = cache.get(form);
    if (!letters) {
      letters = corpusNames(form).map((f) => ({
        name: `${FORMS[form]}/${f}`,
        text: readFileSync(path.join(CORPUS, FORMS[form], f), 'utf8'),
      }));
      cache.set(form, letters);
    }
    out.push(...letters);
  }
  return out;
}

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
