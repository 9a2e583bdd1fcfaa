// IMR004–IMR008 on small letters, the older layouts and the rule runner: exact messages, ranges and fixes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core/parse';
import { check, runRules } from '../../server/src/core/rules';
import { SourceText } from '../../server/src/core/source';
import {
  HOW,
  SUMMARY,
  DECISIONS,
  CREDENTIALS,
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
  range,
} from './rules-001-008-helpers';
import { at, defined } from '../support/elements';

describe('IMR004 decision-conclusion-mismatch', () => {
  test('Upheld with a positive conclusion: on the conclusion sentence, fix flips the word', () => {
    const text = letter(['Naproxen 500mg #60: Upheld', CA, MX, NECESSARY]);
    const f = only(text, 'IMR004');
    assert.equal(
      f.message,
      'Item 1 "Naproxen 500mg #60" (Upheld): the rationale concludes the request is medically necessary, which contradicts Upheld.',
    );
    const line = ITEM_LINE + 3;
    const start = NECESSARY.indexOf('As such');
    assert.deepEqual(f.range, range(line, start, line, NECESSARY.length));
    assert.deepEqual(
      defined(f.fixes).map((x) => [x.title, x.safe]),
      [['Change decision to Overturned', false]],
    );
    assert.deepEqual(
      check(applyFix(text, f)).findings.filter((x) => x.ruleId <= 'IMR008'),
      [],
    );
  });

  test('Overturned with a negative conclusion', () => {
    const f = only(letter(['Naproxen 500mg #60: Overturned', CA, MX, NOT_NECESSARY]), 'IMR004');
    assert.equal(
      f.message,
      'Item 1 "Naproxen 500mg #60" (Overturned): the rationale concludes the request is not medically necessary, which contradicts Overturned.',
    );
    assert.equal(at(f.fixes, 0).title, 'Change decision to Upheld');
  });
});

describe('IMR005 missing-necessity-statement', () => {
  test('a hedge instead of a conclusion: a warning on the label', () => {
    const text = letter([
      'Sit-stand workstation: Overturned',
      CA,
      MX,
      'Decision rationale: The patient sits all day. It would be reasonable to support a trial.',
    ]);
    const f = only(text, 'IMR005');
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      'Item 1 "Sit-stand workstation" (Overturned): the rationale never states whether the request is medically necessary.',
    );
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE + 3, 0, 19));
    assert.equal(f.fixes, undefined);
  });

  test('an empty rationale is left to IMR001', () => {
    assert.deepEqual(findingsOf(letter(['X-ray: Upheld', CA, MX, 'Decision rationale:']), 'IMR005'), []);
  });
});

describe('IMR006 missing-section', () => {
  test('a missing heading is reported where it belongs', () => {
    const text = letter(['X-ray: Upheld', CA, MX, NOT_NECESSARY]).replace(`${SUMMARY}\n`, '');
    const f = only(text, 'IMR006');
    assert.equal(
      f.message,
      'The section "CLINICAL CASE SUMMARY" is missing; it belongs before "IMR ISSUES, DECISIONS AND RATIONALES".',
    );
    assert.deepEqual(f.range, lineRange(text, 6));
  });

  test('a section moved up is out of order', () => {
    const text = [
      SUMMARY,
      'The injured worker is a 40 year old male.',
      HOW,
      'MAXIMUS Federal Services sent …',
      ...CREDENTIALS,
      DECISIONS,
      'X-ray: Upheld',
      CA,
      MX,
      NOT_NECESSARY,
    ].join('\n');
    const f = only(text, 'IMR006');
    assert.equal(
      f.message,
      'The section "CLINICAL CASE SUMMARY" is out of order: it belongs after "HOW THE IMR FINAL DETERMINATION WAS MADE" and before "IMR ISSUES, DECISIONS AND RATIONALES".',
    );
    assert.deepEqual(f.range, lineRange(text, 0));
  });

  test('L2: its own headings', () => {
    const text = [
      HOW,
      ...CREDENTIALS,
      'DOCUMENTS REVIEWED',
      'Application for IMR.',
      'IMR DECISION(S) AND RATIONALE(S)',
      'X-ray: Upheld',
      CA,
      MX,
      NOT_NECESSARY,
    ].join('\n');
    assert.equal(parse(text).layout, 'L2');
    const f = only(text, 'IMR006');
    assert.equal(
      f.message,
      'The section "CLINICAL CASE SUMMARY" is missing; it belongs before "IMR DECISION(S) AND RATIONALE(S)".',
    );
    assert.deepEqual(f.range, lineRange(text, 6));
  });

  test('L0 [parser]: labels in order; the last one missing is placed at the end of the letter', () => {
    const text = [
      'ISSUE AT DISPUTE: Lumbar MRI',
      'CASE SUMMARY: The injured worker has low back pain.',
      'DOCUMENTS REVIEWED FOR DETERMINATION: UR denial.',
      'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL',
      'REVIEWER AND WHY: MTUS Low Back Complaints.',
      'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT',
      'MEDICALLY NECESSARY: No red flags. The request is not medically necessary.',
    ].join('\n');
    assert.equal(parse(text).layout, 'L0');
    const f = only(text, 'IMR006');
    assert.equal(
      f.message,
      'The section "MEDICAL REVIEWER QUALIFICATIONS:" is missing; it belongs at the end of the letter.',
    );
    const end = lineRange(text, 6).end;
    assert.deepEqual(f.range, { start: end, end });
    // Without a qualifications section the credentials finding falls back to the first line.
    assert.deepEqual(only(text, 'IMR007').range, lineRange(text, 0));
    for (const id of ['IMR003', 'IMR008']) assert.deepEqual(findingsOf(text, id), [], id);
  });

  test('unknown layout: nothing (IMR000 says why)', () => {
    assert.deepEqual(findingsOf('Dear Sir,\nPlease find the decision enclosed.', 'IMR006'), []);
  });
});

describe('IMR007 missing-credentials', () => {
  test('none: a warning on the HOW THE IMR … heading', () => {
    const text = letter(['X-ray: Upheld', CA, MX, NOT_NECESSARY], { credentials: [] });
    const f = only(text, 'IMR007');
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      'The letter does not describe the expert reviewer\'s qualifications (no credentials block or "Board Certified in …" sentence).',
    );
    assert.deepEqual(f.range, lineRange(text, 0));
  });

  test('a block without a specialty: on the block', () => {
    const text = letter(['X-ray: Upheld', CA, MX, NOT_NECESSARY], {
      credentials: [at(CREDENTIALS, 0), at(CREDENTIALS, 1), 'Certification(s)/Specialty:'],
    });
    const f = only(text, 'IMR007');
    assert.equal(
      f.message,
      'The reviewer\'s credentials name no specialty ("Certification(s)/Specialty" is missing or empty).',
    );
    assert.equal(f.range.start.line, 2);
  });

  test('inline credentials are fine', () => {
    const inline = [
      'The expert reviewer is Board Certified in Occupational Medicine and is licensed to practice in California.',
    ];
    assert.deepEqual(
      findingsOf(letter(['X-ray: Upheld', CA, MX, NOT_NECESSARY], { credentials: inline }), 'IMR007'),
      [],
    );
  });
});

describe('IMR008 missing-claims-administrator-guideline', () => {
  test('missing: on the heading, skeleton right after it', () => {
    const text = letter(['X-ray of the knee: Upheld', MX, NOT_NECESSARY]);
    const f = only(text, 'IMR008');
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Item 1 "X-ray of the knee" (Upheld) has no Claims Administrator guideline field.');
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE));
    const fixed = applyFix(text, f);
    assert.ok(
      fixed.includes(
        'X-ray of the knee: Upheld\nClaims Administrator guideline: Decision based on <guideline>\nMAXIMUS guideline:',
      ),
    );
    assert.deepEqual(findingsOf(fixed, 'IMR008'), []);
  });

  test('empty: on the label', () => {
    const text = letter(['X-ray of the knee: Upheld', 'Claims Administrator guideline:', MX, NOT_NECESSARY]);
    const f = only(text, 'IMR008');
    assert.equal(f.message, 'Item 1 "X-ray of the knee" (Upheld) has an empty Claims Administrator guideline field.');
    assert.deepEqual(f.range, lineRange(text, ITEM_LINE + 1, 0, 31));
  });
});

describe('older layouts (L1 [recall], L0 [parser])', () => {
  const l1 = readFileSync(path.join(__dirname, '..', 'fixtures', 'layouts', 'L1.txt'), 'utf8');

  test('L1 guideline fields are prose: no citation-grammar warning, no IMR001–IMR008 finding at all', () => {
    assert.equal(parse(l1).layout, 'L1');
    assert.deepEqual(
      check(l1).findings.filter((f) => f.ruleId >= 'IMR001' && f.ruleId <= 'IMR008'),
      [],
    );
  });

  test('L1: a missing rationale is reported although the decision lives in it', () => {
    const lines = l1.split('\n');
    const first = lines.findIndex((l) => l.startsWith('Rationale for the Decision:'));
    const next = lines.findIndex((l, i) => i > first && /^2\) Regarding/.test(l));
    const text = [...lines.slice(0, first), '', ...lines.slice(next)].join('\n');
    const f = only(text, 'IMR001');
    assert.equal(f.message, 'Item 1 "lumbar epidural steroid injection at L4-5 and L5-S1" has no rationale.');
    assert.equal(f.fixes?.length, 0, 'no L1 skeleton: its labels are unverified');
  });
});

describe('runRules', () => {
  test('a rule that throws is reported as information and the others still run', () => {
    const text = letter(['X-ray: Upheld', CA, MX, NOT_NECESSARY]);
    const broken = { ...parse(text), items: null as never };
    const findings = runRules(broken, new SourceText(text));
    const failed = findings.filter((f) => f.message.includes('failed on this document'));
    assert.ok(failed.some((f) => f.ruleId === 'IMR001'));
    for (const f of failed) {
      assert.equal(f.severity, 'information');
      assert.match(
        f.message,
        /^Rule IMR\d{3} [a-z-]+ failed on this document \(TypeError\) and was skipped; please report it\.$/,
      );
    }
  });

  test('findings come sorted by position, then rule id', () => {
    const text = letter(['Naproxen: Uphold', MX, 'Decision rationale:']);
    const { findings } = check(text);
    const keys = findings.map((f) => [f.range.start.line, f.range.start.character, f.ruleId] as const);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
    assert.deepEqual(keys, sorted);
  });
});
