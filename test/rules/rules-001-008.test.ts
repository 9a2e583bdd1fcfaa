// IMR001–IMR008 on small letters: exact messages, ranges, severities and fixes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core/parse';
import { check, runRules, type Finding } from '../../server/src/core/rules';
import { applyEdits } from '../../server/src/core/rules/fixes';
import { SourceText } from '../../server/src/core/source';
import type { Range } from '../../server/src/core/model';

const HOW = 'HOW THE IMR FINAL DETERMINATION WAS MADE';
const SUMMARY = 'CLINICAL CASE SUMMARY';
const DECISIONS = 'IMR ISSUES, DECISIONS AND RATIONALES';
const CREDENTIALS = [
  'The Expert Reviewer has the following credentials:',
  'State(s) of Licensure: California',
  'Certification(s)/Specialty: Family Practice',
];
const CA =
  'Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids.';
const MX = 'MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Opioids.';
const NOT_NECESSARY =
  'Decision rationale: There is no documented functional benefit. As such, the request is not medically necessary.';
const NECESSARY = 'Decision rationale: The patient improved with it. As such, the request is medically necessary.';

/** A letter whose items start at line 9 (zero-based). */
function letter(items: string[], options: { credentials?: string[]; eol?: string } = {}): string {
  return [
    HOW,
    'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
    ...(options.credentials ?? CREDENTIALS),
    SUMMARY,
    'The injured worker is a 40 year old male with chronic pain.',
    DECISIONS,
    'The Final Determination was based on decisions for the disputed items/services set forth below:',
    ...items,
  ].join(options.eol ?? '\n');
}

const ITEM_LINE = 9;
const range = (l1: number, c1: number, l2: number, c2: number): Range => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});
const lineRange = (text: string, line: number, from = 0, to?: number) =>
  range(line, from, line, to ?? text.split(/\r?\n/)[line].length);

function findingsOf(text: string, ruleId: string): Finding[] {
  return check(text).findings.filter((f) => f.ruleId === ruleId);
}

function only(text: string, ruleId: string): Finding {
  const found = findingsOf(text, ruleId);
  assert.equal(found.length, 1, `${ruleId}: ${JSON.stringify(found.map((f) => f.message))}`);
  return found[0];
}

const applyFix = (text: string, f: Finding, k = 0) => applyEdits(text, f.fixes![k].edits);

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
    assert.equal(f.fixes[0].safe, false);
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

  test('a long item name is shortened at a word', () => {
    const text = letter([
      'Retrospective request for open reduction internal fixation of the left distal radius: Upheld',
      CA,
      MX,
    ]);
    assert.equal(
      only(text, 'IMR001').message,
      'Item 1 "Retrospective request for open reduction…" (Upheld) has no Decision rationale.',
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
      f.fixes!.map((x) => [x.title, x.safe]),
      [
        ['Change to Upheld', true],
        ['Change to Overturned', false],
      ],
    );
    assert.deepEqual(f.fixes![0].edits, [{ range: f.range, newText: 'Upheld' }]);
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
        f.fixes!.filter((x) => x.safe).map((x) => x.title),
        [`Change to ${value}`],
        word,
      );
    }
  });

  test('UR words: nothing safe; the rationale decides which choice comes first', () => {
    const denied = only(letter(['Medical Clearance: Denied', CA, MX, NOT_NECESSARY]), 'IMR003');
    assert.deepEqual(
      denied.fixes!.map((x) => [x.title, x.safe]),
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
      certified.fixes!.map((x) => [x.title, x.safe]),
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
      assert.equal(text.split('\n')[ITEM_LINE].slice(f.range.start.character, f.range.end.character), raw);
      assert.deepEqual([f.fixes![0].title, f.fixes![0].safe], ['Change to Upheld', safe], line);
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
      f.fixes!.map((x) => [x.title, x.safe]),
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
    assert.equal(f.fixes![0].title, 'Change decision to Upheld');
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
      credentials: [CREDENTIALS[0], CREDENTIALS[1], 'Certification(s)/Specialty:'],
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
    assert.match(f.message, /^Item 1 "lumbar epidural steroid injection at L4-5 and…" has no rationale\.$/);
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
