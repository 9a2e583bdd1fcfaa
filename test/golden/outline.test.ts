// Golden outlines: `imr outline` of five real letters shipped in the repo, checked by eye once, compared byte for byte since.
// UPDATE_GOLDEN=1 rewrites them; review the diff before keeping it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { imr } from '../cli/helpers';
import { letterPath } from '../support/letters';

const GOLDEN: Record<string, string> = {
  'seed-000': 'seeds/000_a23c1bfa7502e53c.txt', // L3b, doubled lines, block credentials, era-1 citations
  'seed-001': 'seeds/001_5b4dca91092a81f1.txt', // L3a, inline credentials, two spaces before the decision
  'CM16-0238035': 'dwc-2016/text/CM16-0238035.txt', // 8 items, colons in item text
  'CM17-0020384': 'dwc-2016/text/CM17-0020384.txt', // partial authorisation, remaining portion
  'CM16-0249536': 'dwc-2016/text/CM16-0249536.txt', // partial authorisation, leaving eligible; lone decision
};

for (const [name, letter] of Object.entries(GOLDEN)) {
  test(`outline of ${name} matches test/golden/${name}.outline.txt`, () => {
    const run = imr(['outline', letterPath(letter)]);
    assert.equal(run.status, 0, run.stderr);
    const golden = join(__dirname, `${name}.outline.txt`);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(golden, run.stdout);
      return;
    }
    assert.ok(existsSync(golden), `${golden} is missing: run with UPDATE_GOLDEN=1 and check it by eye`);
    assert.equal(run.stdout, readFileSync(golden, 'utf8'));
  });
}
