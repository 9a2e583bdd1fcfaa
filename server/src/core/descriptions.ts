// Plain-language descriptions for hover and completion: what each decision means for the worker (§7), and
// what each guideline source that letters cite is (§6). Pure data and string functions.
import { lookupMtusTitle } from './guidelines';
import type { DecisionValue } from './model';

// The binding effect (LC 4610.6(g)) and the grounds of appeal (LC 4610.6(h)) are recalled [recall]; the
// format guide (§11) asks for a check against the official text before users rely on this wording.
const APPEAL_NOTE =
  'The IMR determination is binding unless it is appealed. An appeal to the Workers’ Compensation Appeals Board ' +
  '(WCAB) is possible only on limited grounds, such as fraud, a conflict of interest, bias, the Administrative ' +
  'Director acting beyond their powers, or a plainly erroneous finding of fact that is a matter of ordinary ' +
  'knowledge rather than expert opinion (Labor Code 4610.6(h)), and the deadline is short. This is a summary, ' +
  'not legal advice: check the current text of Labor Code 4610.6.';

/** Plain-language meaning of each decision word for the injured worker. */
export const DECISION_EXPLANATIONS: Readonly<Record<DecisionValue, string>> = {
  Upheld:
    'Upheld: the expert reviewer agreed with utilization review (UR). UR’s denial or modification stands: ' +
    'the requested treatment was found not medically necessary and is not authorised. ' +
    APPEAL_NOTE,
  Overturned:
    'Overturned: the expert reviewer disagreed with utilization review (UR). UR’s denial or modification is ' +
    'reversed: the requested treatment was found medically necessary, and the claims administrator must ' +
    'authorise it (8 CCR 9792.10.7). ' +
    APPEAL_NOTE,
};

// ---------------------------------------------------------------------------------------------------------
// Citation sources (§6)

// Which title a citation names is the citation grammar's business (citations.ts); here only what each is.
// Regulation section numbers are recalled (8 CCR 9792.22–9792.24.4 as in force in 2016–2017), hence [recall].
const MTUS_DESCRIPTIONS: Readonly<Record<string, string>> = {
  'Chronic Pain Medical Treatment':
    'Chronic Pain Medical Treatment Guidelines — the MTUS part on chronic pain, including medications, ' +
    'physical medicine and functional restoration (8 CCR 9792.24.2 [recall]); letters cite a 2009 and a 2016 version',
  'Opioid Treatment':
    'Opioids Treatment Guidelines (2016) — the MTUS part on opioid use, monitoring and tapering (8 CCR 9792.24.4 [recall])',
  'Acupuncture Treatment':
    'Acupuncture Medical Treatment Guidelines (2007) — the MTUS part on acupuncture (8 CCR 9792.24.1 [recall])',
  'Postsurgical Treatment':
    'Postsurgical Treatment Guidelines (2009) — the MTUS part on physical medicine after surgery (8 CCR 9792.24.3 [recall])',
  'General Approaches':
    'General Approaches (2004) — the general chapters of the ACOEM Practice Guidelines 2nd ed. (including ' +
    'Chapter 3, Initial Approaches to Treatment), adopted into the MTUS (8 CCR 9792.22 [recall])',
  'Neck and Upper Back Complaints': acoemChapter(
    'Neck and Upper Back Complaints (2004)',
    8,
    'cervical spine and upper back',
    '9792.23.1',
  ),
  'Shoulder Complaints': acoemChapter('Shoulder Complaints (2004)', 9, 'shoulder', '9792.23.2'),
  'Elbow Complaints':
    'Elbow Complaints (2007) — the revised ACOEM elbow chapter (Chapter 10, own pagination), adopted into ' +
    'the MTUS; covers the elbow (8 CCR 9792.23.3 [recall])',
  'Forearm, Wrist, and Hand Complaints': acoemChapter(
    'Forearm, Wrist, and Hand Complaints (2004)',
    11,
    'forearm, wrist and hand',
    '9792.23.4',
  ),
  'Low Back Complaints': acoemChapter('Low Back Complaints (2004)', 12, 'lumbar and thoracic spine', '9792.23.5'),
  'Knee Complaints': acoemChapter('Knee Complaints (2004)', 13, 'knee', '9792.23.6'),
  'Ankle and Foot Complaints': acoemChapter('Ankle and Foot Complaints (2004)', 14, 'ankle and foot', '9792.23.7'),
  'Stress-Related Conditions': acoemChapter('Stress-Related Conditions (2004)', 15, 'work-related stress', '9792.23.8'),
  Eye: 'Eye (2004) — ACOEM Practice Guidelines 2nd ed., Chapter 16, adopted into the MTUS [recall]',
};

function acoemChapter(name: string, chapter: number, covers: string, section: string): string {
  return `${name} — ACOEM Practice Guidelines 2nd ed., Chapter ${chapter}, adopted into the MTUS; covers the ${covers} (8 CCR ${section} [recall])`;
}

/** For a parsed MTUS part (`MtusPart` in the model): by its title, else by its era-1 ACOEM chapter number. */
export function describeMtusPart(part: { title: string; year?: number; chapter?: number }): string | undefined {
  const known = lookupMtusTitle({ title: part.title, year: part.year, chapter: part.chapter });
  return known ? MTUS_DESCRIPTIONS[known.title] : undefined;
}

/** An era-1 citation `MTUS ACOEM Chapter n`: the chapter of the ACOEM 2nd edition adopted into the MTUS. */
export function describeAcoemChapter(chapter: number): string | undefined {
  return describeMtusPart({ title: '', chapter });
}

export type NonMtusSource = 'ODG' | 'ACOEM' | 'other';

const NON_MTUS_SOURCES: Record<NonMtusSource, string> = {
  ODG:
    'Official Disability Guidelines (ODG) — a commercial evidence-based treatment guideline outside the MTUS. ' +
    'Under 8 CCR 9792.21.1 a current ODG or ACOEM guideline may be used when the MTUS does not address the ' +
    'treatment or its presumption of correctness is challenged.',
  ACOEM:
    'ACOEM Occupational Medicine Practice Guidelines in an edition not adopted into the MTUS (e.g. the 3rd ' +
    'edition) — a non-MTUS source. Under 8 CCR 9792.21.1 a current ACOEM or ODG guideline may be used when ' +
    'the MTUS does not address the treatment or its presumption of correctness is challenged.',
  other:
    'A source outside the MTUS other than ODG or ACOEM: another national guideline, a peer-reviewed study, a ' +
    'textbook, UpToDate or a fee schedule. 8 CCR 9792.21.1 ranks these after current ACOEM and ODG ' +
    'guidelines; the reviewer should say why the source applies (evidence hierarchy, 8 CCR 9792.25.1).',
};

/** What a `Non-MTUS Citation` source family is and where it stands in the order of 8 CCR 9792.21.1. */
export function describeNonMtusSource(source: NonMtusSource): string {
  return NON_MTUS_SOURCES[source];
}
