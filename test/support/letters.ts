// Real letters the protocol and golden tests need, shipped in the repo so that those tests run without the
// shared corpus: the three in examples/ and a few more copied byte for byte under test/fixtures/letters/.
// Named by their path in the corpus; test/corpus/letter-fixtures.test.ts checks the copies still match it.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './corpus';

const EXAMPLES: Record<string, string> = {
  'dwc-2016/text/CM16-0238035.txt': 'CM16-0238035.txt',
  'dwc-2016/layout/CM17-0020384.txt': 'CM17-0020384-layout.txt',
  'seeds/000_a23c1bfa7502e53c.txt': 'seed-000-L3b.txt',
};

export const LETTER_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'letters');

/** Every shipped letter, by its corpus path: `dwc-2016/text/CM17-0020384.txt`, `seeds/003_4eeb92eb9dbe0eac.txt`. */
export const SHIPPED_LETTERS: readonly string[] = [
  ...Object.keys(EXAMPLES),
  'dwc-2016/text/CM16-0249320.txt',
  'dwc-2016/text/CM16-0249536.txt',
  'dwc-2016/text/CM17-0005418.txt',
  'dwc-2016/text/CM17-0007142.txt',
  'dwc-2016/text/CM17-0020384.txt',
  'seeds/001_5b4dca91092a81f1.txt',
  'seeds/003_4eeb92eb9dbe0eac.txt',
].sort();

/** Where the repo keeps its copy of a corpus letter. */
export function letterPath(corpusName: string): string {
  if (!SHIPPED_LETTERS.includes(corpusName))
    throw new Error(`${corpusName} is not shipped: copy it to test/fixtures/letters/ and list it here`);
  const example = EXAMPLES[corpusName];
  return example ? path.join(ROOT, 'examples', example) : path.join(LETTER_FIXTURES, corpusName);
}

/** The text of a shipped letter. */
export function letterText(corpusName: string): string {
  return readFileSync(letterPath(corpusName), 'utf8');
}
