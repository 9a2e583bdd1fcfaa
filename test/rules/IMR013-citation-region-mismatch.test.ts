// IMR013 citation-region-mismatch: unit tests on small synthetic L3 letters, modelled on CM16-0249320
// (knee MRI on Low Back Complaints) and seed 000 (cervical block, UR citing ODG Low Back).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { citationRegionMismatch as rule } from '../../server/src/core/rules/IMR013-citation-region-mismatch';
import type { Range } from '../../server/src/core/model';
import { smallLetter } from './small-letter';
import { at } from '../support/elements';

function letter(item: string, claimsAdministrator: string, reviewer: string): string {
  return smallLetter({
    item: [
      `${item}: Upheld`,
      `Claims Administrator guideline: ${claimsAdministrator}`,
      `MAXIMUS guideline: ${reviewer}`,
      'Decision rationale: There are no red flags. The request is not medically necessary.',
    ],
  });
}

function run(text: string, options: Record<string, unknown> = {}) {
  return rule.check({ document: parse(text), source: new SourceText(text), options });
}

/** Range of `needle` on the line that starts with `lineStart`. */
function rangeOf(text: string, lineStart: string, needle: string): Range {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith(lineStart));
  const character = at(lines, line).indexOf(needle);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

const KNEE = 'Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies.';
const LOW_BACK = 'Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.';
const NECK = 'Decision based on MTUS Neck and Upper Back Complaints 2004.';
const CHRONIC_PAIN = 'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Physical medicine.';

describe('IMR013 citation-region-mismatch', () => {
  test("a knee MRI on Low Back Complaints: reported on the reviewer's citation", () => {
    const text = letter('Left knee MRI without contrast', KNEE, LOW_BACK);
    const reports = run(text);
    assert.equal(reports.length, 1);
    assert.deepEqual(
      at(reports, 0).range,
      rangeOf(text, 'MAXIMUS guideline:', 'MTUS Low Back Complaints 2004, Section(s): Special Studies'),
    );
    assert.equal(
      at(reports, 0).message,
      'The MAXIMUS guideline cites MTUS Low Back Complaints, a low back (lumbar) chapter, for item 1 ("Left knee MRI without contrast"), which concerns the knee.',
    );
  });

  test('a cervical block on ODG Low Back in the Claims Administrator guideline gets its own wording (seed 000)', () => {
    const ca = 'Decision based on Non-MTUS Citation ODG Low Back Lumbar & Thoracic (Acute & Chronic).';
    const text = letter('Medial branch block at C5-6', ca, NECK);
    const reports = run(text);
    assert.equal(reports.length, 1);
    assert.deepEqual(
      at(reports, 0).range,
      rangeOf(
        text,
        'Claims Administrator guideline:',
        'Non-MTUS Citation ODG Low Back Lumbar & Thoracic (Acute & Chronic)',
      ),
    );
    assert.match(
      at(reports, 0).message,
      /^The Claims Administrator guideline \(utilization review's citation\) cites ODG Low Back/,
    );
    assert.match(at(reports, 0).message, /which concerns the neck \(cervical\)\.$/);
    assert.deepEqual(run(text, { checkClaimsAdministrator: false }), []);
  });

  test('spinal levels name the region: C5-6 is cervical, L4-5 lumbar', () => {
    assert.equal(run(letter('Facet injections L4-5, L5-S1', LOW_BACK, NECK)).length, 1);
    assert.deepEqual(run(letter('Facet injections L4-5, L5-S1', LOW_BACK, LOW_BACK)), []);
  });

  test('general titles never mismatch', () => {
    assert.deepEqual(run(letter('Physical therapy for the right knee', CHRONIC_PAIN, CHRONIC_PAIN)), []);
  });

  test('an item without a region word is not checked', () => {
    assert.deepEqual(run(letter('Naproxen 550mg #60', LOW_BACK, KNEE)), []);
  });

  test('an item of two regions may cite both chapters; strictness "citation" reports the one that fits neither', () => {
    const both = `${NECK} Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004.`;
    assert.deepEqual(run(letter('MRI of neck and right hand without contrast', both, both)), []);
    const withKnee = `${NECK} Decision based on MTUS Knee Complaints 2004.`;
    const text = letter('MRI of neck and right hand without contrast', NECK, withKnee);
    assert.deepEqual(run(text), []);
    const strict = run(text, { strictness: 'citation' });
    assert.equal(strict.length, 1);
    assert.match(
      at(strict, 0).message,
      /cites MTUS Knee Complaints, a knee chapter, .* which concerns the neck \(cervical\) or wrist\/hand\./,
    );
  });

  test('the thoracic spine may cite either the neck or the low back chapter', () => {
    assert.deepEqual(run(letter('X-rays of the thoracic spine', NECK, LOW_BACK)), []);
    assert.equal(run(letter('X-rays of the thoracic spine', NECK, KNEE)).length, 1);
  });

  test('a knee scooter serves a foot injury: no knee region', () => {
    const foot = 'Decision based on MTUS Ankle and Foot Complaints 2004.';
    assert.deepEqual(run(letter('1 knee scooter', foot, foot)), []);
  });

  test('an ODG chapter of the right region matches; hip chapters have no region to compare', () => {
    assert.deepEqual(
      run(
        letter(
          'MRI of the left knee',
          KNEE,
          'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Knee & Leg, MRI.',
        ),
      ),
      [],
    );
    assert.deepEqual(
      run(
        letter(
          'MRI of the right knee',
          KNEE,
          'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Hips & Pelvis.',
        ),
      ),
      [],
    );
  });
});
