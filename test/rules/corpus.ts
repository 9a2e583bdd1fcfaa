// The real letters the rule tests run over: ../shared/corpus relative to the repo root. Missing corpus:
// the test is skipped with a message, or fails when CI=true, where it must be there.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TestContext } from 'node:test';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
const FOLDERS = ['seeds', 'dwc-2016/text', 'dwc-2016/layout'];

export interface Letter {
  /** Path relative to the corpus root, with forward slashes: `dwc-2016/text/CM16-0219557.txt`. */
  name: string;
  text: string;
}

export function corpusAvailable(t: TestContext): boolean {
  if (existsSync(CORPUS)) return true;
  const message = `corpus not found at ${CORPUS}`;
  if (process.env.CI === 'true') assert.fail(`${message} (required when CI=true)`);
  t.skip(message);
  return false;
}

let cache: Letter[] | undefined;

/** Every letter, seeds first, then text/ and layout/, each sorted by name. */
export function corpusLetters(): Letter[] {
  if (!cache) {
    cache = [];
    for (const folder of FOLDERS) {
      const dir = path.join(CORPUS, folder);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
        cache.push({ name: `${folder}/${f}`, text: readFileSync(path.join(dir, f), 'utf8') });
      }
    }
  }
  return cache;
}
