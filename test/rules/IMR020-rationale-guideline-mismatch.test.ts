// IMR020 rationale-guideline-mismatch: which mentions of a guideline are citations, the two directions'
// severities, and the place each finding points back at. Positions are counted in the letters by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { rationaleGuidelineMismatch as rule } from '../../server/src/core/rules/IMR020-rationale-guideline-mismatch';
import { loadFixture } from './fixture-loader';
import { smallLetter } from './small-letter';

function run(text: string) {
  return rule.check({ document: parse(text), source: new SourceText(text), options: {} });
}

const r = (l1: number, c1: number, l2: number, c2: number) => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

/** Line 9 of the small letter is the rationale; its item cites only the MTUS. */
function withRationale(rationale: string): string {
  return smallLetter({
    item: [
      'Lumbar support brace: Upheld',
      'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
      'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods.',
      `Decision rationale: ${rationale}`,
    ],
  });
}

test('a rationale citing the ODG under an MTUS-only field: a warning on the mention, pointing at the field', () => {
  const findings = run(
    withRationale(
      'ACOEM advises braces only in the acute phase, and the ODG advise against them after it. The request is not medically necessary.',
    ),
  );
  assert.deepEqual(
    findings.map((f) => [f.range, f.severity, f.related]),
    [[r(9, 74, 9, 77), undefined, [{ message: 'The MAXIMUS guideline', range: r(8, 0, 8, 97) }]]],
  );
  assert.equal(
    findings[0]?.message,
    'The rationale of item 1 ("Lumbar support brace") cites the ODG (Official Disability Guidelines), which its ' +
      'MAXIMUS guideline does not name (it names the MTUS).',
  );
});

test('a guideline said to be silent, or named as what utilization review relied on, is not cited', () => {
  assert.deepEqual(
    run(
      withRationale(
        'The ODG does not address braces. ACOEM advises against them. The request is not medically necessary.',
      ),
    ),
    [],
  );
  assert.deepEqual(
    run(
      withRationale(
        'Utilization review relied on the ODG. ACOEM advises against braces. The request is not medically necessary.',
      ),
    ),
    [],
  );
  // ACOEM's chapters are MTUS titles: an "ACOEM" rationale fits an MTUS field.
  assert.deepEqual(run(withRationale('ACOEM advises against braces. The request is not medically necessary.')), []);
});

test('the MTUS spelled out covers an MTUS field, and does not hide the ODG cited after it', () => {
  assert.deepEqual(
    run(
      withRationale(
        'The Medical Treatment Utilization Schedule advises against braces. The request is not medically necessary.',
      ),
    ),
    [],
  );
  const findings = run(
    withRationale(
      'The Medical Treatment Utilization Schedule allows braces. The Official Disability Guidelines advise against them. The request is not medically necessary.',
    ),
  );
  assert.deepEqual(
    findings.map((f) => [f.range, f.severity]),
    [[r(9, 82, 9, 112), undefined]],
  );
});

test('a rationale that names no guideline is not compared', () => {
  assert.deepEqual(run(withRationale('Guidelines advise against braces. The request is not medically necessary.')), []);
});

test('the field naming a guideline the rationale never cites is information, pointing at the rationale', () => {
  const fixture = loadFixture(path.join(__dirname, '..', 'fixtures', 'rules', 'IMR020-odg-not-named.txt'));
  const findings = run(fixture.text);
  assert.deepEqual(
    findings.map((f) => [f.range, f.severity ?? 'warning', f.related?.map((x) => [x.message, x.range])]),
    [
      [r(40, 36, 40, 66), 'warning', [['The MAXIMUS guideline', r(37, 0, 38, 8)]]],
      [r(46, 37, 47, 7), 'information', [['The rationale', r(49, 0, 51, 83)]]],
    ],
  );
});
