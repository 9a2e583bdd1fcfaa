// Hover help: the abbreviations of IMR letters (format guide §13) and the term under a cursor. Decisions and
// guideline sources are described in descriptions.ts. Pure data and string functions: no I/O, no editor types.

export interface GlossaryEntry {
  term: string;
  meaning: string;
  note?: string;
  /** Recalled domain knowledge not seen in a letter or a checked source ([recall] in the format guide). */
  unverified?: boolean;
}

const NOT_IN_TABLE = 'Not in the format guide table; seen in the 2016 letters.';

/** §13, one entry per abbreviation (rows such as `QME / AME` split), plus a few extras marked by `NOT_IN_TABLE`. */
export const GLOSSARY: readonly GlossaryEntry[] = [
  // The IMR process and its parties
  { term: 'IMR', meaning: 'Independent Medical Review' },
  { term: 'IMRO', meaning: 'Independent Medical Review Organization (MAXIMUS Federal Services)' },
  { term: 'FDL', meaning: 'Final Determination Letter' },
  {
    term: 'UR',
    meaning: 'Utilization Review',
    note: "The claims administrator's review that approved, modified or denied the treatment request; IMR reviews UR's denial or modification.",
  },
  { term: 'URO', meaning: 'Utilization Review Organization' },
  {
    term: 'RFA',
    meaning: 'Request for Authorization (DWC Form RFA); in spine-procedure contexts, radiofrequency ablation',
    note: 'Two meanings: a form with a date, or a procedure at spinal levels. Read the context.',
  },
  { term: 'NOARFI', meaning: 'Notice of Assignment and Request for Information' },
  { term: 'CNC', meaning: 'conditionally non-certified (a UR outcome)' },
  { term: 'DWC', meaning: "Division of Workers' Compensation" },
  { term: 'DIR', meaning: 'Department of Industrial Relations' },
  { term: 'AD', meaning: 'Administrative Director (of the DWC)' },
  { term: 'WCAB', meaning: "Workers' Compensation Appeals Board" },
  { term: 'PTP', meaning: 'primary treating physician' },
  { term: 'PR-2', meaning: "Primary Treating Physician's Progress Report (DWC Form PR-2)" },
  { term: 'PR2', meaning: "Primary Treating Physician's Progress Report (DWC Form PR-2)" },
  { term: 'QME', meaning: 'Qualified Medical Evaluator' },
  { term: 'AME', meaning: 'Agreed Medical Evaluator' },
  { term: 'DOI', meaning: 'date of injury' },
  { term: 'DOS', meaning: 'date of service' },
  { term: 'IW', meaning: 'injured worker' },
  { term: 'MMI', meaning: 'maximum medical improvement' },
  { term: 'P&S', meaning: 'permanent and stationary', unverified: true },
  { term: 'TTD', meaning: 'temporary total disability', unverified: true },
  { term: 'OMFS', meaning: 'Official Medical Fee Schedule' },
  {
    term: 'CURES',
    meaning: "California's prescription-drug monitoring database",
    note: 'Controlled Substance Utilization Review and Evaluation System [recall].',
  },

  // Guidelines and evidence
  { term: 'MTUS', meaning: 'Medical Treatment Utilization Schedule (8 CCR 9792.20 ff.)' },
  { term: 'CA-MTUS', meaning: 'California Medical Treatment Utilization Schedule (the MTUS, 8 CCR 9792.20 ff.)' },
  {
    term: 'ACOEM',
    meaning:
      'American College of Occupational and Environmental Medicine (its Occupational Medicine Practice Guidelines)',
  },
  { term: 'ODG', meaning: 'Official Disability Guidelines', note: 'A treatment guideline outside the MTUS.' },
  { term: 'CPMTG', meaning: 'Chronic Pain Medical Treatment Guidelines (a part of the MTUS)' },
  { term: 'EBM', meaning: 'evidence-based medicine' },
  { term: 'RCT', meaning: 'randomized controlled trial', unverified: true },

  // Procedures, tests and devices
  { term: 'MBB', meaning: 'medial branch block' },
  {
    term: 'MMB',
    meaning: 'probably a typo for MBB (medial branch block)',
    note: 'Seen in seed letters where MBB is meant.',
  },
  { term: 'RF', meaning: 'radiofrequency (neurotomy)' },
  { term: 'RFTC', meaning: 'radiofrequency thermocoagulation' },
  { term: 'ESI', meaning: 'epidural steroid injection', unverified: true },
  { term: 'TFESI', meaning: 'transforaminal epidural steroid injection', unverified: true },
  { term: 'MRI', meaning: 'magnetic resonance imaging' },
  { term: 'CT', meaning: 'computed tomography (imaging)' },
  { term: 'X-ray', meaning: 'plain radiograph (imaging)' },
  { term: 'EMG', meaning: 'electromyography' },
  { term: 'NCS', meaning: 'nerve conduction study' },
  { term: 'NCV', meaning: 'nerve conduction velocity (study)' },
  { term: 'EDS', meaning: 'electrodiagnostic studies' },
  { term: 'SSEP', meaning: 'somatosensory evoked potentials' },
  { term: 'EEG', meaning: 'electroencephalography' },
  { term: 'QEEG', meaning: 'quantitative electroencephalography' },
  { term: 'EKG', meaning: 'electrocardiogram' },
  { term: 'ECG', meaning: 'electrocardiogram' },
  { term: 'CBC', meaning: 'complete blood count' },
  { term: 'CMP', meaning: 'comprehensive metabolic panel' },
  { term: 'BMP', meaning: 'basic metabolic panel' },
  { term: 'UA', meaning: 'urinalysis' },
  {
    term: 'PT/PTT',
    meaning: 'prothrombin time / partial thromboplastin time (blood-clotting tests)',
    note: 'Not physical therapy: usually a pre-operative lab order.',
  },
  { term: 'UDT', meaning: 'urine drug test' },
  { term: 'UDS', meaning: 'urine drug screen' },
  { term: 'TENS', meaning: 'transcutaneous electrical nerve stimulation' },
  { term: 'PENS', meaning: 'percutaneous electrical nerve stimulation' },
  { term: 'EMS', meaning: 'electrical muscle stimulation' },
  { term: 'ESWT', meaning: 'extracorporeal shockwave therapy' },
  { term: 'LLLT', meaning: 'low-level laser therapy' },
  { term: 'PRP', meaning: 'platelet-rich plasma' },
  { term: 'DME', meaning: 'durable medical equipment' },
  { term: 'DMEPOS', meaning: 'durable medical equipment, prosthetics, orthotics and supplies' },
  { term: 'FCE', meaning: 'functional capacity evaluation' },
  { term: 'FRP', meaning: 'functional restoration program' },
  { term: 'SNF', meaning: 'skilled nursing facility' },
  { term: 'ORIF', meaning: 'open reduction internal fixation' },
  { term: 'RCR', meaning: 'rotator cuff repair' },
  { term: 'SLAP', meaning: 'superior labrum anterior-posterior (lesion or repair)' },
  { term: 'ACL', meaning: 'anterior cruciate ligament' },
  { term: 'ATFL', meaning: 'anterior talofibular ligament' },
  {
    term: 'PT',
    meaning: 'physical therapy',
    note: 'In pre-operative lab orders PT means prothrombin time (see PT/PTT).',
  },
  { term: 'OT', meaning: 'occupational therapy' },
  { term: 'HEP', meaning: 'home exercise program' },
  { term: 'ROM', meaning: 'range of motion' },
  { term: 'ADL', meaning: 'activities of daily living' },
  { term: 'VAS', meaning: 'visual analog scale (pain rated 0–10)' },
  { term: 'E-stim', meaning: 'electrical stimulation', note: NOT_IN_TABLE },

  // Drugs and dosing
  { term: 'NSAID', meaning: 'non-steroidal anti-inflammatory drug' },
  { term: 'PPI', meaning: 'proton pump inhibitor' },
  { term: 'H2', meaning: 'histamine-2 (receptor) blocker' },
  { term: 'SNRI', meaning: 'serotonin–norepinephrine reuptake inhibitor' },
  { term: 'TCA', meaning: 'tricyclic antidepressant' },
  { term: 'AED', meaning: 'anti-epilepsy drug' },
  { term: 'OIC', meaning: 'opioid-induced constipation' },
  { term: 'HCL', meaning: 'hydrochloride' },
  { term: 'mg', meaning: 'milligram' },

  // Conditions
  { term: 'LBP', meaning: 'low back pain' },
  { term: 'CRPS', meaning: 'complex regional pain syndrome' },
  { term: 'CTS', meaning: 'carpal tunnel syndrome' },
  { term: 'TBI', meaning: 'traumatic brain injury' },
  { term: 'GERD', meaning: 'gastro-oesophageal reflux disease' },
  { term: 'COPD', meaning: 'chronic obstructive pulmonary disease' },
  { term: 'CVA', meaning: 'cerebrovascular accident (stroke)' },
  { term: 'TIA', meaning: 'transient ischemic attack' },
  { term: 'MI', meaning: 'myocardial infarction' },
  { term: 'MVA', meaning: 'motor vehicle accident' },
  { term: 'TMJ', meaning: 'temporomandibular joint' },
  { term: 'GI', meaning: 'gastrointestinal', note: NOT_IN_TABLE },
  {
    term: 'ICD',
    meaning: 'International Classification of Diseases (diagnosis codes; ICD9 = 9th revision)',
    note: NOT_IN_TABLE,
  },

  // Examination and body
  { term: 'DTR', meaning: 'deep tendon reflex' },
  { term: 'RUE', meaning: 'right upper extremity' },
  { term: 'LUE', meaning: 'left upper extremity' },
  { term: 'LLE', meaning: 'left lower extremity' },
  { term: 'RLE', meaning: 'right lower extremity', note: 'Not in the format guide table; completes RUE/LUE/LLE.' },
  { term: 'Bilat', meaning: 'bilateral' },

  // Clinical shorthand
  { term: 'y.o.', meaning: 'years old' },
  { term: 'dx', meaning: 'diagnosis' },
  { term: 'tx', meaning: 'treatment', unverified: true },
  { term: 'hx', meaning: 'history', unverified: true },
  { term: 's/p', meaning: 'status post (after a procedure or event)', unverified: true },
];

// ---------------------------------------------------------------------------------------------------------
// Lookup

/** Terms that spell ordinary English words: only their exact (upper-case) form is an abbreviation. */
const EXACT_CASE_ONLY = new Set(['CURES', 'TENS', 'PENS', 'SLAP']);

/** `Mg` is the magnesium symbol, so `mg` does not also match with a capital first letter. */
const NO_SENTENCE_CASE = new Set(['mg']);

const byExactTerm = new Map<string, GlossaryEntry>();
const byFoldedTerm = new Map<string, GlossaryEntry>();
for (const entry of GLOSSARY) {
  byExactTerm.set(entry.term, entry);
  if (letterCount(entry.term) >= 3 && !EXACT_CASE_ONLY.has(entry.term))
    byFoldedTerm.set(entry.term.toLowerCase(), entry);
}

function letterCount(text: string): number {
  return text.replace(/[^A-Za-z]/g, '').length;
}

/**
 * The glossary entry for one word. Exact case first; then `Dx`-style sentence case for lower-case terms;
 * then any case for terms of 3+ letters (so `It` never means IT); then the same for a plural `s`.
 */
export function lookupTerm(word: string): GlossaryEntry | undefined {
  return lookupSingular(word) ?? lookupPlural(word);
}

function lookupSingular(word: string): GlossaryEntry | undefined {
  const exact = byExactTerm.get(word) ?? spinalLevelEntry(word) ?? quantityEntry(word);
  if (exact) return exact;
  const lowerFirst = word.charAt(0).toLowerCase() + word.slice(1);
  const sentenceCase = byExactTerm.get(lowerFirst);
  if (sentenceCase && lowerFirst !== word && !NO_SENTENCE_CASE.has(lowerFirst)) return sentenceCase;
  return byFoldedTerm.get(word.toLowerCase());
}

// `NSAIDs`, `MRIs`, `X-rays`; an upper-case `S` only after a 4+ character stem (`NSAIDS`), because short
// ones are often other abbreviations (`ACLS` is not ACL + S).
function lookupPlural(word: string): GlossaryEntry | undefined {
  const stem = word.slice(0, -1);
  if (word.endsWith('s') && stem.length >= 2) return lookupSingular(stem);
  if (word.endsWith('S') && stem.length >= 4) return lookupSingular(stem);
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Spinal levels and quantities: recognised by shape, not listed

const REGION_NAMES: Record<string, string> = { C: 'cervical', T: 'thoracic', L: 'lumbar', S: 'sacral' };
const REGION_SIZES = { C: 8, T: 12, L: 5, S: 5 } as const;
const ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
];
/** Levels top to bottom. C8 is a nerve root between C7 and T1, not a vertebra. */
const LEVEL_ORDER = (['C', 'T', 'L', 'S'] as const).flatMap((region) =>
  Array.from({ length: REGION_SIZES[region] }, (_, i) => `${region}${i + 1}`),
);

const SPINAL_LEVEL = /^([CTLS])(\d{1,2})(?:-([CTLS])?(\d{1,2}))?$/;

function isLevel(region: string, number: number): boolean {
  return isRegion(region) && number >= 1 && number <= REGION_SIZES[region];
}

function isRegion(region: string): region is keyof typeof REGION_SIZES {
  return Object.hasOwn(REGION_SIZES, region);
}

function describeLevel(region: string, number: number): string {
  if (region === 'C' && number === 8) return 'C8, the eighth cervical nerve root (there is no C8 vertebra)';
  return `${region}${number}, the ${ORDINALS[number]} ${REGION_NAMES[region]} vertebra`;
}

/**
 * A spinal level (`L5`, `C8`, `T12`) or a pair/range (`L5-S1`, `L4-5`, `C1-C2`, `L3-S1`, `C4-T5`) as a
 * glossary entry; undefined when the word is not one, e.g. `L6`, `C9` or `L5-4`.
 */
export function spinalLevelEntry(word: string): GlossaryEntry | undefined {
  const m = SPINAL_LEVEL.exec(word);
  if (!m) return undefined;
  const fromRegion = m[1];
  if (fromRegion === undefined) return undefined;
  const fromNumber = Number(m[2]);
  if (!isLevel(fromRegion, fromNumber)) return undefined;
  if (m[4] === undefined) {
    return {
      term: word,
      meaning: `spinal level ${describeLevel(fromRegion, fromNumber)} (or its nerve root or dermatome)`,
    };
  }
  const toRegion = m[3] ?? fromRegion;
  const toNumber = Number(m[4]);
  if (!isLevel(toRegion, toNumber)) return undefined;
  const fromName = `${fromRegion}${fromNumber}`;
  const toName = `${toRegion}${toNumber}`;
  const from = LEVEL_ORDER.indexOf(fromName);
  const to = LEVEL_ORDER.indexOf(toName);
  if (to <= from) return undefined;
  const adjacentVertebrae = to === from + 1 && fromName !== 'C8' && toName !== 'C8';
  const sevenToT1 = fromName === 'C7' && toName === 'T1'; // C8 sits between them
  if (adjacentVertebrae || sevenToT1) {
    return {
      term: word,
      meaning: `the ${fromName}–${toName} spinal segment: the disc and joints between ${describeLevel(fromRegion, fromNumber)}, and ${describeLevel(toRegion, toNumber)}`,
    };
  }
  return { term: word, meaning: `spinal levels ${fromName} to ${toName}` };
}

/** `#60`: the quantity requested or dispensed (tablets, patches, visits …). */
function quantityEntry(word: string): GlossaryEntry | undefined {
  const m = /^#(\d+)$/.exec(word);
  if (!m) return undefined;
  return { term: word, meaning: `quantity: ${m[1]} (tablets, capsules, patches or visits, depending on the item)` };
}

// ---------------------------------------------------------------------------------------------------------
// The term under a cursor

/** Characters that can belong to a term: `PT/PTT`, `P&S`, `s/p`, `y.o.`, `L5-S1`, `CA-MTUS`, `#60`. */
const TERM_CHAR = /[A-Za-z0-9/&#.-]/;
/** A term never spans more than this; it also bounds the work on long joined tokens such as URLs. */
const LONGEST_TERM = 16;

/**
 * The glossary entry for the token under `character` (zero-based UTF-16 index) in `lineText`, with its
 * [start, end) range. Tries the longest piece of the token first (`PT/PTT` before `PT`), cutting only at
 * `/`, `-`, `.` and digit–letter changes, so `EMG/NCS` gives NCS under the cursor and `10mg` gives mg.
 */
export function termAt(
  lineText: string,
  character: number,
): { entry: GlossaryEntry; start: number; end: number } | undefined {
  let cursor = character;
  if (!isTermChar(lineText, cursor) && isTermChar(lineText, cursor - 1)) cursor -= 1; // caret just after a word
  if (!isTermChar(lineText, cursor)) return undefined;

  // Only the token's part within LONGEST_TERM of the cursor can hold a candidate: reading no further keeps
  // the work constant on a token of any length (a line of dashes, a run of `a1/`).
  const windowStart = cursor - LONGEST_TERM;
  const windowEnd = cursor + LONGEST_TERM + 1;
  let tokenStart = cursor;
  while (tokenStart >= windowStart && isTermChar(lineText, tokenStart - 1)) tokenStart -= 1;
  let tokenEnd = cursor + 1;
  while (tokenEnd <= windowEnd && isTermChar(lineText, tokenEnd)) tokenEnd += 1;

  const cuts = cutPoints(lineText, tokenStart, tokenEnd, windowStart, windowEnd);
  const candidates: Array<[number, number]> = [];
  for (const start of cuts) {
    for (const end of cuts) {
      if (start <= cursor && cursor < end && end - start <= LONGEST_TERM) candidates.push([start, end]);
    }
  }
  candidates.sort((a, b) => b[1] - b[0] - (a[1] - a[0]) || a[0] - b[0]);
  for (const [start, end] of candidates) {
    const entry = lookupTerm(lineText.slice(start, end));
    if (entry) return { entry, start, end };
  }
  return undefined;
}

function isTermChar(text: string, index: number): boolean {
  const ch = text[index];
  return ch !== undefined && TERM_CHAR.test(ch);
}

function isDigitLetterChange(previous: string, current: string): boolean {
  const isDigit = (c: string) => c >= '0' && c <= '9';
  const isAlphanumeric = (c: string) => /[A-Za-z0-9]/.test(c);
  return isAlphanumeric(previous) && isAlphanumeric(current) && isDigit(previous) !== isDigit(current);
}

/** The cut points of the token [start, end) that lie in [windowStart, windowEnd]. */
function cutPoints(text: string, start: number, end: number, windowStart: number, windowEnd: number): number[] {
  const cuts = new Set<number>();
  if (start >= windowStart) cuts.add(start);
  if (end <= windowEnd) cuts.add(end);
  const from = Math.max(start, windowStart - 1);
  const to = Math.min(end, windowEnd);
  for (let i = from; i < to; i++) {
    const ch = text.charAt(i); // i < end: a character of the token
    if (ch === '/' || ch === '-' || ch === '.') {
      cuts.add(i);
      cuts.add(i + 1);
    } else if (i > start && isDigitLetterChange(text.charAt(i - 1), ch)) {
      cuts.add(i); // `10mg`, `H2receptor`, `ICD9`
    }
  }
  return [...cuts].filter((cut) => cut >= windowStart && cut <= windowEnd).sort((a, b) => a - b);
}
