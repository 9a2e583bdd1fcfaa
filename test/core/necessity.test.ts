// Necessity conclusions (format guide §7; isNegativeNecessity, UR words and robustness: necessity-statements.test.ts). Fixtures are excerpts of real rationales, folded to one line;
// file names are under ../shared/corpus/dwc-2016/text/ unless marked seed or synthetic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNecessityConclusion } from '../../server/src/core/necessity';
import type { Polarity } from '../../server/src/core/model';

/** Asserts the exact polarity and offsets of `sentence`, the last occurrence in `rationale`. */
function expectConclusion(rationale: string, sentence: string, polarity: Polarity): void {
  const start = rationale.lastIndexOf(sentence);
  assert.ok(start >= 0, `fixture must contain: ${sentence}`);
  assert.deepEqual(findNecessityConclusion(rationale), { polarity, start, end: start + sentence.length });
}

const OPIOID_BOILERPLATE =
  'This decision addresses the medical necessity of opioids as they have been prescribed to this patient. ' +
  'This medical necessity decision should not be interpreted as a recommendation to stop long-term opioids ' +
  'abruptly and the patient is advised to speak with their treating physician. The treating physician and ' +
  'the patient are advised to consult the MTUS Opioids Treatment Guidelines ("Tapering opioids"), and if ' +
  'necessary, other relevant guidelines, regarding the most appropriate method for weaning and terminating ' +
  'opioids for this patient.';

// ---- standard conclusions: Upheld ----

test('"As such, the request is not medically necessary." (CM16-0231745 item 1)', () => {
  const conclusion = 'As such, the request is not medically necessary.';
  const rationale =
    'There was no clear rationale for the need of additional physical therapy as the patient is currently ' +
    'undergoing previously recommended physical therapy. ' +
    conclusion;
  expectConclusion(rationale, conclusion, 'negative');
});

test('"Given the above, the request for X is not medically necessary." (CM16-0230651 item 1)', () => {
  const conclusion = 'Given the above, the request for EMG/NCV of the lower extremities is not medically necessary.';
  const rationale =
    'There are no exceptional factors noted within the documentation which would demonstrate medical ' +
    'necessity for the requested treatment outside of the recommended guidelines. ' +
    conclusion;
  expectConclusion(rationale, conclusion, 'negative');
});

test('"determined to not be medically necessary" after "Medical necessity has not been established." (CM16-0221706)', () => {
  const conclusion =
    'The request for three months coverage of Viagra 50mg is determined to not be medically necessary.';
  const rationale =
    'The request for a 3 month supply is vague and open to interpretation. Medical necessity has not been ' +
    'established. ' +
    conclusion;
  expectConclusion(rationale, conclusion, 'negative');
});

test('"deemed not" and "considered not" medically necessary (CM16-0248655, CM16-0233904)', () => {
  const deemed = 'As such, the request for MRI without contrast of the right hip is deemed not medically necessary.';
  expectConclusion(
    `The record does not document any conditions that meet ODG or ACOEM guidelines. ${deemed}`,
    deemed,
    'negative',
  );
  const considered = 'Therefore, the request is considered not medically necessary.';
  expectConclusion(`Longterm use is not recommended. ${considered}`, considered, 'negative');
});

test('"not medically necessary and appropriate", doubled spaces as in the seeds (seed 001 lines 125-129)', () => {
  const conclusion = 'The Lumbar MMB/Facet Blocks L3-S1 Bilaterally is not medically necessary and appropriate.';
  const rationale =
    'as in this case.  Submitted reports have not demonstrated support outside guidelines criteria.  ' +
    conclusion +
    ' ';
  expectConclusion(rationale, conclusion, 'negative');
});

test('"or appropriate" and "at this time" (CM17-0006045, CM16-0249320)', () => {
  const orAppropriate =
    'Therefore this request for eight physical therapy sessions for the neck is not medically necessary or appropriate.';
  expectConclusion(
    `The need for additional physical therapy is not apparent. ${orAppropriate}`,
    orAppropriate,
    'negative',
  );
  const atThisTime =
    'Given the lack of information regarding failure of conservative treatments, the request for left knee ' +
    'MRI without contrast is not medically necessary at this time.';
  expectConclusion(
    `It is uncertain whether the injured worker has failed physical therapy. ${atThisTime}`,
    atThisTime,
    'negative',
  );
});

test('"was not medically necessary, medically appropriate, or indicated here" (CM16-0219557)', () => {
  const conclusion =
    'No, the request for multilevel lumbar facet injections was not medically necessary, medically ' +
    'appropriate, or indicated here.';
  expectConclusion(
    `${conclusion} As noted on page 82 of the guidelines, no more than two levels are blocked.`,
    conclusion,
    'negative',
  );
});

// ---- standard conclusions: Overturned ----

test('"is medically necessary and appropriate." (seed 003 lines 143-147)', () => {
  const conclusion =
    'Accordingly, the request for cervical medial branch neurotomy at bilateral C2 C3 C4 is medically necessary and appropriate.';
  const rationale = 'Pursuing the proposed repeat neurotomy procedures is therefore indicated.  ' + conclusion + ' ';
  expectConclusion(rationale, conclusion, 'positive');
});

test('"in the care of this patient" and "was medically necessary" (CM17-0008519, CM17-0019011)', () => {
  const care = 'Therefore, an MRI of the lumbar spine is medically necessary in the care of this patient.';
  expectConclusion(`However, the patient remains symptomatic. ${care}`, care, 'positive');
  const was = 'Therefore, the first-time request for Naprosyn was medically necessary.';
  expectConclusion(
    `NSAIDS such as Naprosyn are "recommended" as part of the initial approaches to treatment. ${was}`,
    was,
    'positive',
  );
});

test('"I am reversing the prior review decision and deem the request … to be medically necessary" (CM16-0249726)', () => {
  const conclusion =
    'As such, I am reversing the prior review decision and deem the request for Daily RN for 4 weeks for ' +
    'wound care and monitoring of wound healing and home safety, medication management to be medically necessary.';
  const rationale = 'This request would appear to be indicated per evidence based guidelines. ' + conclusion;
  expectConclusion(rationale, conclusion, 'positive');
});

test('a trailing clause after a positive conclusion (CM17-0001749)', () => {
  const conclusion =
    'Based on the clinical impression, the original request, Partial Hospitalization day treatment, is medically necessary, as per MTUS.';
  expectConclusion(`The patient was evaluated. ${conclusion}`, conclusion, 'positive');
});

test('emphasis capitals "IS" / "IS NOT" (synthetic, wording of CM17-0010365)', () => {
  const positive = 'Therefore, the currently requested physical therapy IS medically necessary.';
  expectConclusion(
    `The 6 therapy sessions are consistent with guideline recommendations. ${positive}`,
    positive,
    'positive',
  );
  const negative = 'Therefore, the currently requested physical therapy IS NOT MEDICALLY NECESSARY.';
  expectConclusion(`The sessions exceed guideline recommendations. ${negative}`, negative, 'negative');
});

// ---- nonstandard but valid forms (all Upheld) ----

test('"is not a medical necessity" (CM16-0242302, CM17-0005177)', () => {
  const elbow =
    'According to the clinical documentation provided and current guidelines; a MRI of the Elbow is not a ' +
    'medical necessity to the patient at this time.';
  expectConclusion(`There were no red flags. ${elbow}`, elbow, 'negative');
  const therapy =
    'According to the clinical documentation provided and current MTUS guidelines; additional physical ' +
    'therapy, as written above, is not a medical necessity to the patient at this time.';
  expectConclusion(`There is lack of documentation of functional improvement. ${therapy}`, therapy, 'negative');
});

test('"the medical necessity of this request is not established" (CM17-0007886)', () => {
  const conclusion = 'Likewise, the medical necessity of this request is not established.';
  const rationale =
    'Additionally, it is also not noted what functional improvement results she may have had with prior ' +
    'sessions. ' +
    conclusion;
  expectConclusion(rationale, conclusion, 'negative');
});

test('"the request is not necessary" (CM17-0008633 items 1-2)', () => {
  const conclusion =
    'Therefore, the request would not be supported by the guidelines, as such the request is not necessary.';
  const rationale = 'There was no indication that a repeat study was necessary. ' + conclusion;
  expectConclusion(rationale, conclusion, 'negative');
});

test('"cannot be deemed medically necessary", no final cue after it (CM17-0019171)', () => {
  const conclusion =
    'Given the potential for growing chronicity of pain in this worker, with lack of objective evidence to ' +
    'support failure of other conservative modalities or first-line medications, the quantity of medication ' +
    'requested cannot be deemed medically necessary without further evidence of efficacy/benefit outweighing ' +
    'the potential risks of long-term treatment.';
  expectConclusion(`The worker was prescribed the medication. ${conclusion}`, conclusion, 'negative');
});

test('"is not supported … as being medically necessary" (CM16-0244053)', () => {
  const conclusion =
    'Given lack of physical exam findings, lack of red flags and cited guidelines the MRI is not supported by ' +
    'the provided records as being medically necessary at this time.';
  const rationale =
    'According to ACOEM guidelines, hip MRI is not recommended for routine acute or chronic hip pain. ' + conclusion;
  expectConclusion(rationale, conclusion, 'negative');
});

// ---- the conclusion is not always the last sentence ----

test('opioid boilerplate after the conclusion is skipped (CM16-0230651 item 8)', () => {
  const conclusion = 'Given the above, the request for Ultram 50mg #30 is not medically necessary.';
  const rationale = `A screening for risk of addiction was also not completed. ${conclusion} ${OPIOID_BOILERPLATE}`;
  expectConclusion(rationale, conclusion, 'negative');
});

test('opioid boilerplate before a restated preamble (CM17-0007300 lines 112-123)', () => {
  const conclusion =
    'The original request, one month supply of Trezix capsule 30.5/30/16mg, is not medically necessary.';
  const rationale =
    'The treating physician fails to document failure of other treatment methods, comprehensive screening ' +
    `evaluation, and the CURES has been queried. ${OPIOID_BOILERPLATE} One month supply of Trezix capsule ` +
    '320.5/30/16mg was the original request. The Claims Administrator authorized Trezix capsule ' +
    `320.5/30/16mg #5, leaving the original request IMR eligible. ${conclusion}`;
  expectConclusion(rationale, conclusion, 'negative');
});

test('opioid boilerplate beginning at its second sentence (CM17-0012593 lines 98-103)', () => {
  const conclusion = 'Therefore, given the above, the request for Ultram ER 100mg #60 is not medically necessary.';
  const rationale =
    `Additionally, there was no indication that the patient gained significant functional improvement. ${conclusion} ` +
    'This medical necessity decision should not be interpreted as a recommendation to stop long-term opioids ' +
    'abruptly and the patient is advised to speak with their treating physician. The treating physician and ' +
    'the patient are advised to consult the MTUS Opioids Treatment Guidelines (Tapering opioids), and if ' +
    'necessary, other relevant guidelines, regarding the most appropriate method for weaning and terminating ' +
    'opioids for this patient.';
  expectConclusion(rationale, conclusion, 'negative');
});

test('surgical add-on sentence is negative; its main clause decides (CM16-0238035)', () => {
  const addOn =
    'As the requested surgical intervention is not medically necessary per the documentation, the requested ' +
    'ancillary service is not medically necessary.';
  expectConclusion(addOn, addOn, 'negative');
  const positiveMain = addOn.replace('service is not', 'service is'); // synthetic
  expectConclusion(positiveMain, positiveMain, 'positive');
});

test('"not" in a leading subordinate clause does not negate a positive conclusion (synthetic)', () => {
  const conclusion = 'As the request does not exceed guideline limits, it is medically necessary.';
  expectConclusion(`The patient completed 6 visits. ${conclusion}`, conclusion, 'positive');
});

test('glued "notmedically" from text extraction (synthetic, wording of CM16-0231745)', () => {
  const conclusion = 'As such, the request is notmedically necessary.';
  expectConclusion(
    `There was no clear rationale for the need of chiropractic treatment. ${conclusion}`,
    conclusion,
    'negative',
  );
});

test('a negation joined to what follows, wherever it stands, is still a negation (synthetic)', () => {
  const negative = [
    'The request is not-medically necessary.',
    'The request is Not-Medically Necessary.',
    'The request is not\u2013medically necessary.',
    'The request is not \u2014 medically necessary.',
    'The request is not-\nmedically necessary.',
    'The request is not\nmedically necessary.',
    'The request is not-necessary.',
    'The request is isnotmedically necessary.',
    'The request is-not medically necessary.',
    'The request isnot medically necessary.',
    'The request is not medically-necessary.',
    'The request is not-medically-necessary.',
    'The request is deemed not-medically necessary.',
    'The request is determined to not-be medically necessary.',
    'The request cannot-be deemed medically necessary.',
    'The request cannotbe deemed medically necessary.',
    'The request is not-a medical necessity.',
    'The medical necessity of the request is not-established.',
    'The medical necessity of the request has not-been established.',
  ];
  for (const conclusion of negative)
    expectConclusion(`No function was regained. ${conclusion}`, conclusion, 'negative');
  // Hyphenated words that merely contain the letters stay positive.
  for (const conclusion of [
    'The knotted-band exercise is medically necessary.',
    'The follow-up note is medically necessary.',
  ]) {
    expectConclusion(`Function was regained. ${conclusion}`, conclusion, 'positive');
  }
});

test('fragments: the last of two short sentences concludes (seed 000 lines 215-217)', () => {
  const conclusion = 'The follow-up is not medically necessary.';
  const rationale =
    'In this case, the follow-up is for the medial branch block. Since the MBB is not medically necessary. ' +
    conclusion +
    '  ';
  expectConclusion(rationale, conclusion, 'negative');
});

// ---- no conclusion ----

test('a hedged "reasonable to support" ending with no necessity cue returns undefined (synthetic)', () => {
  const rationale =
    'The patient has completed 6 sessions with documented functional improvement. It would be reasonable to ' +
    'support the requested additional sessions.';
  assert.equal(findNecessityConclusion(rationale), undefined);
});

test('"if necessary" alone is not a necessity cue (synthetic)', () => {
  assert.equal(
    findNecessityConclusion('Guidelines allow repeat imaging if necessary. It is reasonable to support it.'),
    undefined,
  );
});

test('empty and blank rationales return undefined', () => {
  assert.equal(findNecessityConclusion(''), undefined);
  assert.equal(findNecessityConclusion('   '), undefined);
});

// ---- sentence splitting ----

test('abbreviations, doses and decimals do not end a sentence; a final period may be missing', () => {
  const conclusion =
    'Therefore, per Dr. Smith and J. R. Doe, the Norco 10/325mg #60 (e.g. 0.5 cc vs. No. 2) is medically necessary';
  expectConclusion(`The request, i.e. Norco, was helpful. ${conclusion}`, conclusion, 'positive');
});

test('a possessive before the period ends a sentence (CM16-0249170)', () => {
  const conclusion =
    'Continued use of NSAIDS is not appropriate and therefore, the continued need for Pantoprazole is not medically necessary.';
  expectConclusion(
    `Long-term use can lead to GI bleed and complaints similar to the claimant's. ${conclusion}`,
    conclusion,
    'negative',
  );
});

test('a sentence ending in a closing quote (CM17-0007300 line 112)', () => {
  const conclusion = 'The request is not medically necessary.';
  expectConclusion(
    `Caution patients about adverse effects when engaging in personal activities." ${conclusion}`,
    conclusion,
    'negative',
  );
});
