// IMR001–IMR003 on small letters: exact messages, ranges, severities and fixes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../server/src/core/rules';
import {
  CA,
  MX,
  NOT_NECESSARY,
  NECESSARY,
  ITEM_LINE,
  applyFix,
  findingsOf,
  letter,
  lineRange,
  only,
} from './rules-001-008-helpers';
import { at, defined } from '../support/elements';

describe('the clean letter', () => {
  test('no finding of IMR001–IMR008', () => {
    const ids = check(letter(['Medical Clearance: Upheld', CA, MX, NOT_NECESSARY])).findings.map((f) => f.ruleId);
    assert.deepEqual(
      ids.filter((id) => id <= 'IMR008'),
      [],
    );
  });
});

describe('IMR001 missing-rationale', () => {
  test('missing: on the heading, with a skeleton after the last field', () => {
    const text = letter(['Medical Clearance: Upheld', CA, MX]);
    const f = only(text, 'IMR001');
    assert.equal(f.message, 'Item 1 "Medical Clearance" (Upheld) has no Decision rationale.');
    assert.equal(f.severity, 'error');
    assert.equal(f.ruleName, 'missing-rationale');
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE));
    assert.equal(f.fixes?.length, 1);
    assert.equal(at(f.fixes, 0).safe, false);
    const fixed = applyFix(text, f);
    assert.equal(fixed, `${text}\nDecision rationale: <rationale>. As such, the request is not medically necessary.`);
    const after = check(fixed).findings.map((x) => x.ruleId);
    for (const id of ['IMR001', 'IMR004', 'IMR005']) assert.ok(!after.includes(id), id);
  });

  test('missing on an Overturned item between two items: the skeleton concludes necessary, CRLF kept', () => {
    const text = letter(['Naproxen 500mg #60: Overturned', CA, MX, 'MRI of the knee: Upheld', CA, MX, NOT_NECESSARY], {
      eol: '\r\n',
    });
    const f = only(text, 'IMR001');
    assert.equal(f.message, 'Item 1 "Naproxen 500mg #60" (Overturned) has no Decision rationale.');
    const fixed = applyFix(text, f);
    assert.ok(
      fixed.includes(
        `${MX}\r\nDecision rationale: <rationale>. As such, the request is medically necessary.\r\nMRI of the knee: Upheld`,
      ),
    );
    assert.deepEqual(findingsOf(fixed, 'IMR001'), []);
    assert.deepEqual(findingsOf(fixed, 'IMR004'), []);
  });

  test('empty: on the label, the fix fills the label line only', () => {
    const text = letter(['Medical Clearance: Upheld', CA, MX, 'Decision rationale:   ']);
    const f = only(text, 'IMR001');
    assert.equal(f.message, 'Item 1 "Medical Clearance" (Upheld) has an empty Decision rationale.');
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE + 3, 0, 19));
    assert.ok(
      applyFix(text, f).endsWith('\nDecision rationale: <rationale>. As such, the request is not medically necessary.'),
    );
    assert.deepEqual(findingsOf(applyFix(text, f), 'IMR001'), []);
  });

  test('a long item name is shortened at its end, at a word, after 72 characters', () => {
    const text = letter([
      'Retrospective request for open reduction internal fixation of the left distal radius: Upheld',
      CA,
      MX,
    ]);
    assert.equal(
      only(text, 'IMR001').message,
      'Item 1 "Retrospective request for open reduction internal fixation of the left…" (Upheld) has no Decision rationale.',
    );
  });
});

describe('IMR002 missing-citation', () => {
  test('missing: error on the heading, skeleton inserted before the rationale', () => {
    const text = letter(['Medical Clearance: Upheld', CA, NOT_NECESSARY]);
    const f = only(text, 'IMR002');
    assert.equal(
      f.message,
      'Item 1 "Medical Clearance" (Upheld) has no MAXIMUS guideline field: the decision cites no guideline.',
    );
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE));
    const fixed = applyFix(text, f);
    assert.ok(fixed.endsWith(`${CA}\nMAXIMUS guideline: Decision based on MTUS <title>\n${NOT_NECESSARY}`));
    assert.deepEqual(findingsOf(fixed, 'IMR002'), []);
  });

  test('empty: error on the label', () => {
    const text = letter(['Medical Clearance: Upheld', CA, 'MAXIMUS guideline:', NOT_NECESSARY]);
    const f = only(text, 'IMR002');
    assert.equal(
      f.message,
      'Item 1 "Medical Clearance" (Upheld) has an empty MAXIMUS guideline field: the decision cites no guideline.',
    );
    assert.equal(f.severity, 'error');
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE + 2, 0, 18));
  });

  test('no medical evidence cited: a warning', () => {
    const text = letter([
      'MRI of the knee: Upheld',
      CA,
      'MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.',
      NOT_NECESSARY,
    ]);
    const f = only(text, 'IMR002');
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      'Item 1 "MRI of the knee" (Upheld): the MAXIMUS guideline field says no medical evidence was cited.',
    );
  });

  test('only "outside of the MTUS" and no citation: a warning', () => {
    const text = letter([
      'MRI of the knee: Upheld',
      CA,
      'MAXIMUS guideline: The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines.',
      NOT_NECESSARY,
    ]);
    const f = only(text, 'IMR002');
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      'Item 1 "MRI of the knee" (Upheld): the MAXIMUS guideline field names no guideline ("Decision based on …").',
    );
  });

  const ancillary = letter([
    'Associated surgical service: Shoulder sling: Upheld',
    'Claims Administrator guideline: The Claims Administrator did not cite any medical evidence for its decision.',
    'MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.',
    'Decision rationale: As the requested surgical intervention is not medically necessary per the documentation, the requested ancillary service is not medically necessary.',
  ]);

  test('surgical add-ons are legitimately uncited', () => {
    assert.deepEqual(findingsOf(ancillary, 'IMR002'), []);
  });

  test('unless the option says otherwise', () => {
    const found = check(ancillary, { rules: { IMR002: { allowAncillaryWithoutCitation: false } } }).findings.filter(
      (f) => f.ruleId === 'IMR002',
    );
    assert.deepEqual(
      found.map((f) => f.severity),
      ['warning'],
    );
  });

  test('a rationale that only mentions surgery is no add-on', () => {
    const text = letter([
      'Post-operative physical therapy: Upheld',
      CA,
      'MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.',
      'Decision rationale: The patient had surgery in 2014 and completed therapy since. As such, the request is not medically necessary.',
    ]);
    assert.equal(only(text, 'IMR002').severity, 'warning');
  });
});

describe('IMR003 invalid-decision', () => {
  test('"Uphold": on the word, a safe normalisation first', () => {
    const text = letter(['Medical Clearance: Uphold', CA, MX, NOT_NECESSARY]);
    const f = only(text, 'IMR003');
    assert.equal(
      f.message,
      'Item 1 "Medical Clearance" has the decision "Uphold"; a decision must be Upheld or Overturned (did you mean Upheld?).',
    );
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE, 19, 25));
    assert.deepEqual(
      defined(f.fixes).map((x) => [x.title, x.safe]),
      [
        ['Change to Upheld', true],
        ['Change to Overturned', false],
      ],
    );
    assert.deepEqual(at(f.fixes, 0).edits, [{ range: f.range, newText: 'Upheld' }]);
    assert.deepEqual(findingsOf(applyFix(text, f, 0), 'IMR003'), []);
    assert.deepEqual(findingsOf(applyFix(text, f, 1), 'IMR003'), []);
  });

  test('"upheld" and "Overturn" normalise safely', () => {
    for (const [word, value] of [
      ['upheld', 'Upheld'],
      ['Overturn', 'Overturned'],
      ['UPHELD', 'Upheld'],
    ]) {
      const f = only(
        letter([`Medical Clearance: ${word}`, CA, MX, value === 'Upheld' ? NOT_NECESSARY : NECESSARY]),
        'IMR003',
      );
      assert.deepEqual(
        defined(f.fixes)
          .filter((x) => x.safe)
          .map((x) => x.title),
        [`Change to ${value}`],
        word,
      );
    }
  });

  test('UR words: nothing safe; the rationale decides which choice comes first', () => {
    const denied = only(letter(['Medical Clearance: Denied', CA, MX, NOT_NECESSARY]), 'IMR003');
    assert.deepEqual(
      defined(denied.fixes).map((x) => [x.title, x.safe]),
      [
        ['Change to Upheld', false],
        ['Change to Overturned', false],
      ],
    );
    const certified = only(letter(['Medical Clearance: Partially overturned', CA, MX, NECESSARY]), 'IMR003');
    assert.equal(
      certified.message,
      'Item 1 "Medical Clearance" has the decision "Partially overturned"; a decision must be Upheld or Overturned.',
    );
    assert.deepEqual(
      defined(certified.fixes).map((x) => [x.title, x.safe]),
      [
        ['Change to Overturned', false],
        ['Change to Upheld', false],
      ],
    );
  });

  test('a stray period after the decision is read as the decision and not flagged', () => {
    const text = letter(['Medical Clearance: Upheld.', CA, MX, NOT_NECESSARY]);
    assert.deepEqual(findingsOf(text, 'IMR003'), []);
  });

  test('a decision the parser could not read ("- Upheld", "Upheld in part") is named and rewritten', () => {
    const cases: [string, string, string, boolean][] = [
      ['Medical Clearance - Upheld', 'Upheld', 'Medical Clearance: Upheld', true],
      ['Medical Clearance: Upheld in part', 'Upheld in part', 'Medical Clearance: Upheld', false],
    ];
    for (const [line, raw, fixedLine, safe] of cases) {
      const text = letter([line, CA, MX, NOT_NECESSARY]);
      const f = only(text, 'IMR003');
      assert.match(
        f.message,
        new RegExp(`^Item 1 "Medical Clearance" has the decision "${raw}"; a decision must be Upheld or Overturned`),
        line,
      );
      assert.equal(f.range.start.line, ITEM_LINE);
      assert.equal(at(text.split('\n'), ITEM_LINE).slice(f.range.start.character, f.range.end.character), raw);
      assert.deepEqual([at(f.fixes, 0).title, at(f.fixes, 0).safe], ['Change to Upheld', safe], line);
      const fixed = applyFix(text, f);
      assert.equal(fixed.split('\n')[ITEM_LINE], fixedLine);
      assert.deepEqual(findingsOf(fixed, 'IMR003'), [], line);
    }
  });

  test('a misread word alone on the line after the item text', () => {
    const text = letter(['Medical Clearance for the', 'right shoulder:', 'Uphold', CA, MX, NOT_NECESSARY]);
    const f = only(text, 'IMR003');
    assert.equal(
      f.message,
      'Item 1 "Medical Clearance for the right shoulder" has the decision "Uphold"; a decision must be Upheld or Overturned (did you mean Upheld?).',
    );
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE + 2));
    assert.deepEqual(findingsOf(applyFix(text, f), 'IMR003'), []);
    assert.equal(applyFix(text, f).split('\n')[ITEM_LINE + 2], 'Upheld');
  });

  test('no decision: on the heading; the fix appends ": Upheld", or " Upheld" after a colon', () => {
    const text = letter(['Medical Clearance', CA, MX, NOT_NECESSARY]);
    const f = only(text, 'IMR003');
    assert.equal(
      f.message,
      'Item 1 "Medical Clearance" has no decision: end its line with ": Upheld" or ": Overturned".',
    );
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE));
    assert.ok(applyFix(text, f).includes('\nMedical Clearance: Upheld\n'));
    const colon = letter(['Medical Clearance:', CA, MX, NOT_NECESSARY]);
    const g = only(colon, 'IMR003');
    assert.ok(applyFix(colon, g, 1).includes('\nMedical Clearance: Overturned\n'));
    assert.deepEqual(findingsOf(applyFix(colon, g), 'IMR003'), []);
  });
});
