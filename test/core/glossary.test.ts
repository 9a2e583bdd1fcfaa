import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGuidelineBody } from '../../server/src/core/citations';
import {
  DECISION_EXPLANATIONS,
  describeAcoemChapter,
  describeMtusPart,
  describeNonMtusSource,
} from '../../server/src/core/descriptions';
import { GLOSSARY, lookupTerm, spinalLevelEntry, termAt } from '../../server/src/core/glossary.js';
import { defined } from '../support/elements';

/** The term found at the first character of `word` in `line` (cursor on its first letter). */
function termOn(line: string, word: string, offsetInWord = 0) {
  const at = line.indexOf(word);
  assert.ok(at >= 0, `"${word}" not in line`);
  return termAt(line, at + offsetInWord);
}

test('glossary holds every §13 abbreviation with a meaning', () => {
  assert.ok(GLOSSARY.length >= 95, `only ${GLOSSARY.length} entries`);
  for (const entry of GLOSSARY) {
    assert.ok(entry.term.trim().length > 0);
    assert.ok(entry.meaning.trim().length > 0, `${entry.term} has no meaning`);
  }
  const terms = GLOSSARY.map((e) => e.term);
  assert.equal(new Set(terms).size, terms.length, 'duplicate terms');
  for (const term of [
    'UR',
    'URO',
    'QME',
    'AME',
    'CMP',
    'BMP',
    'RUE',
    'LUE',
    'LLE',
    'NCS',
    'NCV',
    'TENS',
    'PENS',
    'ESI',
    'TFESI',
  ]) {
    assert.ok(terms.includes(term), `${term} missing`);
  }
});

test('specific meanings', () => {
  assert.equal(lookupTerm('IMR')?.meaning, 'Independent Medical Review');
  assert.equal(lookupTerm('QME')?.meaning, 'Qualified Medical Evaluator');
  assert.equal(lookupTerm('AME')?.meaning, 'Agreed Medical Evaluator');
  assert.equal(lookupTerm('CMP')?.meaning, 'comprehensive metabolic panel');
  assert.equal(lookupTerm('BMP')?.meaning, 'basic metabolic panel');
  assert.equal(lookupTerm('LLE')?.meaning, 'left lower extremity');
  assert.equal(lookupTerm('NCV')?.meaning, 'nerve conduction velocity (study)');
  assert.equal(lookupTerm('PENS')?.meaning, 'percutaneous electrical nerve stimulation');
  assert.equal(lookupTerm('PT')?.meaning, 'physical therapy');
  assert.match(defined(lookupTerm('PT/PTT')).meaning, /^prothrombin time \/ partial thromboplastin time/);
  assert.match(defined(defined(lookupTerm('PT/PTT')).note), /Not physical therapy/);
});

test('RFA carries both meanings', () => {
  const rfa = defined(lookupTerm('RFA'));
  assert.match(rfa.meaning, /Request for Authorization/);
  assert.match(rfa.meaning, /radiofrequency ablation/);
});

test('[recall] rows are flagged unverified, seen ones are not', () => {
  for (const term of ['P&S', 'TTD', 'RCT', 'ESI', 'TFESI', 'tx', 'hx', 's/p']) {
    assert.equal(lookupTerm(term)?.unverified, true, term);
  }
  for (const term of ['IMR', 'MTUS', 'dx', 'PT']) assert.equal(lookupTerm(term)?.unverified, undefined, term);
});

test('PR2 and PR-2 are both the progress report', () => {
  assert.equal(lookupTerm('PR2')?.meaning, "Primary Treating Physician's Progress Report (DWC Form PR-2)");
  assert.equal(lookupTerm('PR-2')?.meaning, "Primary Treating Physician's Progress Report (DWC Form PR-2)");
});

test('plurals', () => {
  assert.equal(lookupTerm('NSAIDs')?.term, 'NSAID');
  assert.equal(lookupTerm('NSAIDS')?.term, 'NSAID');
  assert.equal(lookupTerm('ADLs')?.term, 'ADL');
  assert.equal(lookupTerm('PPIs')?.term, 'PPI');
  assert.equal(lookupTerm('AEDs')?.term, 'AED');
  assert.equal(lookupTerm('MRIs')?.term, 'MRI');
  assert.equal(lookupTerm('X-rays')?.term, 'X-ray');
  assert.equal(lookupTerm('ACLS'), undefined, 'short upper-case stem is not a plural');
});

test('case rules: exact first, any case only for 3+ letters', () => {
  assert.equal(lookupTerm('mg')?.meaning, 'milligram');
  assert.equal(lookupTerm('Mg'), undefined, 'magnesium, not milligram');
  assert.equal(lookupTerm('MG'), undefined);
  assert.equal(lookupTerm('dx')?.meaning, 'diagnosis');
  assert.equal(lookupTerm('Dx')?.meaning, 'diagnosis');
  assert.equal(lookupTerm('Pt'), undefined);
  assert.equal(lookupTerm('It'), undefined);
  assert.equal(lookupTerm('Ot'), undefined);
  assert.equal(lookupTerm('mri')?.term, 'MRI');
  assert.equal(lookupTerm('Acoem')?.term, 'ACOEM');
  assert.equal(lookupTerm('HCl')?.term, 'HCL');
  assert.equal(lookupTerm('x-ray')?.term, 'X-ray');
  assert.equal(lookupTerm('bilat')?.term, 'Bilat');
  // Abbreviations that spell English words match only in capitals.
  assert.equal(lookupTerm('TENS')?.term, 'TENS');
  assert.equal(lookupTerm('tens'), undefined);
  assert.equal(lookupTerm('Cures'), undefined);
  assert.equal(lookupTerm('pens'), undefined);
});

test('spinal levels are recognised by shape', () => {
  assert.equal(
    lookupTerm('L5')?.meaning,
    'spinal level L5, the fifth lumbar vertebra (or its nerve root or dermatome)',
  );
  assert.equal(
    lookupTerm('L5-S1')?.meaning,
    'the L5–S1 spinal segment: the disc and joints between L5, the fifth lumbar vertebra, and S1, the first sacral vertebra',
  );
  assert.equal(lookupTerm('L4-5')?.term, 'L4-5');
  assert.match(defined(lookupTerm('L4-5')).meaning, /^the L4–L5 spinal segment/);
  assert.match(defined(lookupTerm('C5-6')).meaning, /^the C5–C6 spinal segment/);
  assert.match(defined(lookupTerm('C1-C2')).meaning, /^the C1–C2 spinal segment/);
  assert.match(defined(lookupTerm('T12-L1')).meaning, /^the T12–L1 spinal segment/);
  assert.match(defined(lookupTerm('C7-T1')).meaning, /^the C7–T1 spinal segment/);
  assert.equal(lookupTerm('L3-S1')?.meaning, 'spinal levels L3 to S1');
  assert.equal(lookupTerm('C4-T5')?.meaning, 'spinal levels C4 to T5');
  assert.equal(lookupTerm('L1-5')?.meaning, 'spinal levels L1 to L5');
  assert.match(defined(lookupTerm('C8')).meaning, /nerve root/);
  assert.match(defined(lookupTerm('T12')).meaning, /twelfth thoracic/);
  for (const notALevel of ['L6', 'C9', 'T13', 'L0', 'L5-4', 'S1-L5', 'l5-s1', 'L5-S', 'CM17']) {
    assert.equal(spinalLevelEntry(notALevel), undefined, notALevel);
  }
});

test('quantities', () => {
  assert.equal(
    lookupTerm('#60')?.meaning,
    'quantity: 60 (tablets, capsules, patches or visits, depending on the item)',
  );
  assert.equal(lookupTerm('#'), undefined);
});

test('termAt prefers the longest match: PT/PTT over PT (CM17-0007142 line 169)', () => {
  const line = 'Pre-operative PT/PTT: Upheld';
  const onPt = termOn(line, 'PT/PTT');
  assert.deepEqual([onPt?.entry.term, onPt?.start, onPt?.end], ['PT/PTT', 14, 20]);
  const onPtt = termOn(line, 'PTT');
  assert.deepEqual([onPtt?.entry.term, onPtt?.start, onPtt?.end], ['PT/PTT', 14, 20]);
  assert.equal(termOn(line, 'Pre-operative'), undefined);
  assert.equal(termOn(line, 'Upheld'), undefined);
});

test('termAt on plurals in a citation (CM16-0249170 line 56)', () => {
  const line = 'Section(s): NSAIDs, GI symptoms & cardiovascular risk, Proton Pump Inhibitors (PPIs).';
  const nsaids = termOn(line, 'NSAIDs', 3);
  assert.deepEqual([nsaids?.entry.term, nsaids?.start, nsaids?.end], ['NSAID', 12, 18]);
  const ppis = termOn(line, 'PPIs');
  assert.deepEqual([ppis?.entry.term, ppis?.start, ppis?.end], ['PPI', 79, 83]);
  const gi = termOn(line, 'GI');
  assert.deepEqual([gi?.entry.term, gi?.start, gi?.end], ['GI', 20, 22]);
  assert.equal(termOn(line, '&'), undefined);
});

test('termAt: CA-MTUS whole, not MTUS (CM16-0248655 line 58)', () => {
  const line = 'Decision rationale: CA-MTUS silent regarding MRI of hips. The ODG states "Recommended';
  const onCa = termOn(line, 'CA-MTUS');
  assert.deepEqual([onCa?.entry.term, onCa?.start, onCa?.end], ['CA-MTUS', 20, 27]);
  const onMtus = termOn(line, 'MTUS');
  assert.deepEqual([onMtus?.entry.term, onMtus?.start, onMtus?.end], ['CA-MTUS', 20, 27]);
  const mri = termOn(line, 'MRI');
  assert.deepEqual([mri?.entry.term, mri?.start, mri?.end], ['MRI', 45, 48]);
});

test('termAt: quantity and a unit glued to its number (CM16-0230651 line 194)', () => {
  const line = 'Flexeril 10mg #60: Upheld';
  const quantity = termOn(line, '#60', 1);
  assert.deepEqual([quantity?.entry.term, quantity?.start, quantity?.end], ['#60', 14, 17]);
  const mg = termOn(line, 'mg');
  assert.deepEqual([mg?.entry.term, mg?.start, mg?.end], ['mg', 11, 13]);
  assert.equal(termOn(line, '10'), undefined);
});

test('termAt: spinal levels and a typo entry (seed 001 line 89)', () => {
  const line = 'Lumbar MMB/Facet Blocks L3-S1 Bilaterally:  Upheld ';
  const mmb = termOn(line, 'MMB');
  assert.deepEqual([mmb?.entry.term, mmb?.start, mmb?.end], ['MMB', 7, 10]);
  const levels = termOn(line, 'S1');
  assert.deepEqual([levels?.entry.term, levels?.start, levels?.end], ['L3-S1', 24, 29]);
  assert.equal(termOn(line, 'Bilaterally'), undefined, 'Bilat is a whole word only');

  const ranges = 'motions. There was palpation noted at C4-T5 and L1-5 paraspinal muscle hypertonicity. Bilateral';
  const l15 = termOn(ranges, 'L1-5', 3);
  assert.deepEqual([l15?.entry.term, l15?.start, l15?.end], ['L1-5', 48, 52]);
});

test('termAt: split pieces, PR-2 in parentheses, PR2 (CM16-0230651 line 65, CM16-0233904 line 43)', () => {
  const line = 'Section(s): Electrodiagnostic testing (EMG/NCS).';
  const ncs = termOn(line, 'NCS');
  assert.deepEqual([ncs?.entry.term, ncs?.start, ncs?.end], ['NCS', 43, 46]);
  const emg = termOn(line, 'EMG', 2);
  assert.deepEqual([emg?.entry.term, emg?.start, emg?.end], ['EMG', 39, 42]);

  const report = "bend them. Per the primary physician's progress report (PR-2) on 10-28-16, cervical exam noted";
  const pr2 = termOn(report, 'PR-2', 3);
  assert.deepEqual([pr2?.entry.term, pr2?.start, pr2?.end], ['PR-2', 56, 60]);
  assert.equal(termOn(report, '10-28-16'), undefined);

  const glued = 'The PR2 dated 1020-16 indicated 7 out of 10 right elbow pain.';
  const pr2b = termOn(glued, 'PR2');
  assert.deepEqual([pr2b?.entry.term, pr2b?.start, pr2b?.end], ['PR2', 4, 7]);
});

test('termAt: dotted and slashed shorthand, cursor just after a word', () => {
  const line = 'A 52 y.o. male, s/p ORIF.';
  const yo = termOn(line, 'y.o.', 2);
  assert.deepEqual([yo?.entry.term, yo?.start, yo?.end], ['y.o.', 5, 9]);
  const sp = termOn(line, 's/p');
  assert.deepEqual([sp?.entry.term, sp?.start, sp?.end], ['s/p', 16, 19]);
  const orif = termAt(line, line.indexOf('ORIF') + 4); // on the final period: the caret sits after ORIF
  assert.equal(orif, undefined, 'the period itself belongs to the token, not to ORIF');
  const caret = termAt('see ORIF', 8); // end of line, after the word
  assert.deepEqual([caret?.entry.term, caret?.start, caret?.end], ['ORIF', 4, 8]);
});

test('termAt: a line with no term (CM16-0238035)', () => {
  const line = 'patient had limited range of motion of shoulder with no evidence of instability. Medications were';
  for (let i = 0; i <= line.length; i++) assert.equal(termAt(line, i), undefined, `at ${i}`);
  assert.equal(termAt('', 0), undefined);
});

test('decision explanations', () => {
  assert.match(DECISION_EXPLANATIONS.Upheld, /denial or modification stands/);
  assert.match(DECISION_EXPLANATIONS.Upheld, /not authorised/);
  assert.match(DECISION_EXPLANATIONS.Overturned, /reversed/);
  assert.match(DECISION_EXPLANATIONS.Overturned, /must\s+authorise/);
  assert.match(DECISION_EXPLANATIONS.Overturned, /8 CCR 9792\.10\.7/);
  for (const text of Object.values(DECISION_EXPLANATIONS)) {
    assert.match(text, /WCAB/);
    assert.match(text, /limited grounds/);
    assert.match(text, /4610\.6\(h\)/);
  }
});

/** What the hover says of a title as a citation writes it: read by the citation grammar, then described. */
function describedTitle(title: string): string | undefined {
  const noRange = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  const part = parseGuidelineBody(`Decision based on MTUS ${title}`, noRange).citations[0]?.parts[0];
  return part ? describeMtusPart(part) : undefined;
}

test('MTUS titles, era 2 and era 1', () => {
  assert.equal(
    describedTitle('Low Back Complaints 2004'),
    'Low Back Complaints (2004) — ACOEM Practice Guidelines 2nd ed., Chapter 12, adopted into the MTUS; covers the lumbar and thoracic spine (8 CCR 9792.23.5 [recall])',
  );
  assert.match(
    defined(describedTitle('Chronic Pain Medical Treatment 2016')),
    /^Chronic Pain Medical Treatment Guidelines/,
  );
  assert.match(
    defined(describedTitle('Chronic Pain Medical Treatment Guidelines')),
    /^Chronic Pain Medical Treatment Guidelines/,
  );
  assert.match(
    defined(describedTitle('Chronic Pain Treatment Guidelines')),
    /^Chronic Pain Medical Treatment Guidelines/,
  );
  assert.match(defined(describedTitle('Forearm, Wrist, and Hand Complaints 2004')), /Chapter 11/);
  assert.match(defined(describedTitle('Neck and Upper Back Complaints 2004 Guidelines')), /Chapter 8/);
  assert.match(defined(describedTitle('Elbow Complaints 2007')), /Chapter 10/);
  assert.match(defined(describedTitle('Opioid Treatment 2016')), /^Opioids Treatment Guidelines/);
  assert.match(defined(describedTitle('Stress-Related Conditions 2004')), /Chapter 15/);
  assert.match(defined(describedTitle('General Approaches 2004')), /^General Approaches/);
  assert.match(defined(describedTitle('Acupuncture Treatment 2007')), /^Acupuncture Medical Treatment Guidelines/);
  assert.match(defined(describedTitle('Postsurgical Treatment 2009')), /^Postsurgical Treatment Guidelines/);
  assert.match(defined(describedTitle('ACOEM Chapter 12 Low Back Complaints')), /^Low Back Complaints \(2004\)/);
  assert.match(defined(describedTitle('ACOEM Chapter 13')), /^Knee Complaints/);
  assert.equal(describedTitle('Hip and Pelvis 2016'), undefined);
  assert.match(defined(describeAcoemChapter(3)), /Initial Approaches/);
  assert.equal(describeAcoemChapter(99), undefined);
  assert.match(defined(describeMtusPart({ title: 'ACOEM', chapter: 8 })), /^Neck and Upper Back Complaints \(2004\)/);
  assert.match(defined(describeMtusPart({ title: 'Knee Complaints', chapter: 13 })), /^Knee Complaints \(2004\)/);
  assert.equal(describeMtusPart({ title: 'ACOEM' }), undefined);
});

test('non-MTUS sources', () => {
  assert.match(describeNonMtusSource('ODG'), /^Official Disability Guidelines \(ODG\)/);
  assert.match(describeNonMtusSource('ACOEM'), /not adopted into the MTUS/);
  assert.match(describeNonMtusSource('other'), /9792\.25\.1/);
});
