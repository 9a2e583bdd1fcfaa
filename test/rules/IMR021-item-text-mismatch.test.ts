// IMR021 item-text-mismatch: what counts as the same request in other words, and where the finding points.
// Positions are counted in the fixture letters by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { itemTextMismatch as rule } from '../../server/src/core/rules/IMR021-item-text-mismatch';
import { rewording } from '../../server/src/core/rules/support/wording';
import { loadFixture } from './fixture-loader';

function run(name: string) {
  const { text } = loadFixture(path.join(__dirname, '..', 'fixtures', 'rules', name));
  return rule.check({ document: parse(text), source: new SourceText(text), options: {} });
}

const r = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

test('case, spacing, line wraps and punctuation are not a rewording', () => {
  assert.equal(rewording('Terocin lotion 120 ml', 'Terocin Lotion, 120ml'), undefined);
  assert.equal(rewording('Tramadol 50mg #90', 'tramadol 50 mg, #90'), undefined);
  assert.equal(rewording('Cyclobenzaprine 7.5mg #60', 'Cyclo- benzaprine 7.5mg #60'), undefined);
});

test('the differing words are given as written; another request is not a rewording', () => {
  assert.deepEqual(
    rewording('One month supply of Trezix capsule 320.5/30/16mg', 'one month supply of Trezix capsule 30.5/30/16mg'),
    {
      first: '320.5/30/16mg',
      second: '30.5/30/16mg',
    },
  );
  assert.deepEqual(rewording('MRI of the left knee', 'MRI of the knee'), { first: 'left', second: '' });
  assert.equal(rewording('MRI of the right shoulder without contrast', 'Naproxen 550mg #60'), undefined);
});

test('an L1 block naming another dose: on the block, pointing at the findings list', () => {
  const [finding, ...more] = run('IMR021-l1-block-names-another-dose.txt');
  assert.deepEqual(more, []);
  assert.equal(
    finding?.message,
    'Item 1 is named "Terocin lotion 240 ml" in its own block but "Terocin lotion 120 ml" in the findings list ("240" against "120").',
  );
  assert.deepEqual(finding?.range, r(28, 29, 28, 50));
  assert.deepEqual(finding?.related, [{ message: 'Item 1 as the findings list names it', range: r(6, 65, 6, 86) }]);
});

test('an L3 restated original request: on the restatement, pointing at the first naming', () => {
  const [finding, ...more] = run('IMR021-restated-request.txt');
  assert.deepEqual(more, []);
  assert.deepEqual(finding?.range, r(33, 75, 33, 92));
  assert.deepEqual(finding?.related?.[0]?.range, r(32, 0, 32, 17));
  assert.match(finding?.message ?? '', /\("#60" against "#90"\)\.$/);
});

test('an L1 repeat naming another dose: on the repeated finding; a block that agrees with the list is quiet', () => {
  const { text } = loadFixture(
    path.join(__dirname, '..', 'fixtures', 'rules', 'IMR021-l1-block-names-another-dose.txt'),
  );
  // Line 16 is the repeated finding; the block (line 29) now names the list's dose.
  const lines = text.split('\n');
  lines[15] = lines[15]?.replace('120 ml', '12 ml') ?? '';
  lines[28] = lines[28]?.replace('240 ml', '120 ml') ?? '';
  const changed = lines.join('\n');
  const reports = rule.check({ document: parse(changed), source: new SourceText(changed), options: {} });
  assert.deepEqual(
    reports.map((x) => [x.range, x.message]),
    [
      [
        r(15, 65, 15, 85),
        'Item 1 is named "Terocin lotion 12 ml" in the repeated findings but "Terocin lotion 120 ml" in the findings list ("12" against "120").',
      ],
    ],
  );
});
