// IMR009 non-mtus-without-reason: 8 CCR 9792.21.1 puts the MTUS first; other guidelines come in only where
// the MTUS is silent or does not apply. When the reviewer cites only non-MTUS sources, the rationale
// should say why ("The California MTUS and ACOEM Guidelines do not address the request.").
import type { Citation, DisputedItem } from '../model';
import { itemInSentence } from './messages';
import { stringListOption } from './support/options';
import type { Report, Rule, RuleMeta } from './types';

const MTUS = String.raw`(?:CA[-\s]?)?MTUS|ACOEM|Chronic\s+Pain(?:\s+Medical)?\s+Treatment\s+Guidelines|Medical\s+Treatment\s+Utilization\s+Schedule`;
// "… does not address", "… is silent", "… do not apply": the guideline named first, within one sentence.
const SILENT_AFTER = new RegExp(
  String.raw`(?:${MTUS})[^.;]{0,160}?(?:\b(?:do|does|did)(?:\s*not|n['\u2019]t)\s+(?:specifically\s+|directly\s+|clearly\s+)?` +
    String.raw`(?:address|apply|discuss|cover|mention|comment|speak)|\bsilent\b|\bnot\s+applicable\b|\bno\s+(?:specific\s+)?(?:recommendations?|guidance)\b)`,
  'i',
);
// "not addressed by the MTUS", "not covered in the CA MTUS": the guideline named after.
const SILENT_BEFORE = new RegExp(
  String.raw`\bnot\s+(?:specifically\s+|directly\s+)?(?:addressed|covered|discussed|mentioned)\s+(?:by|in|within)\s+(?:the\s+)?(?:California\s+)?(?:${MTUS})`,
  'i',
);
// "alternative guidelines were consulted", "so the Official Disability Guidelines were cited".
const ALTERNATIVE_USED =
  /\b(?:alternative|alternate|other)\s+guidelines?\s+(?:were|was|are|is|have\s+been|has\s+been)\s+(?:consulted|utilized|used|cited|referenced|reviewed)/i;
const REASONS = [SILENT_AFTER, SILENT_BEFORE, ALTERNATIVE_USED];

function sourcesOf(citations: readonly Citation[]): string {
  const names = new Set(
    citations.map((c) => (c.source === 'other' || c.source === undefined ? 'other sources' : c.source)),
  );
  return [...names].join(', ');
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').toLowerCase();
}

function givesReason(rationale: string, extraPhrases: readonly string[]): boolean {
  if (REASONS.some((r) => r.test(rationale))) return true;
  if (extraPhrases.length === 0) return false;
  const flat = normalise(rationale);
  return extraPhrases.some((p) => p.trim() !== '' && flat.includes(normalise(p.trim())));
}

/** The reviewer's citations when all of them are non-MTUS; undefined otherwise (or when IMR002's business). */
function nonMtusOnly(item: DisputedItem): Citation[] | undefined {
  const body = item.reviewerGuideline?.guideline;
  if (!body || body.noEvidence || body.citations.length === 0) return undefined;
  return body.citations.every((c) => c.kind === 'non-mtus') ? body.citations : undefined;
}

const meta: RuleMeta = {
  id: 'IMR009',
  name: 'non-mtus-without-reason',
  description: 'The reviewer cites only non-MTUS sources and the rationale does not say why the MTUS does not apply.',
  defaultSeverity: 'information',
  tags: ['citations', 'legal', 'mtus'],
  fixable: false,
  rationale:
    'Medical necessity is judged first by the MTUS, which is presumed correct; other evidence-based guidelines ' +
    '(ACOEM, ODG, then other national guidelines and peer-reviewed studies) may be used only where the MTUS does ' +
    'not address the condition or treatment, or its presumption is rebutted (8 CCR 9792.21.1; Labor Code ' +
    '4610.5(c)(2) orders the standards). A rationale resting only on non-MTUS sources should therefore say why the ' +
    'MTUS does not apply, e.g. "The California MTUS and ACOEM Guidelines do not address the request."',
  examples: {
    failing:
      'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Neck and Upper Back.\n' +
      'Decision rationale: ODG guidelines support imaging for uncomplicated neck pain … is not medically necessary.',
    passing:
      'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Hips & Pelvis.\n' +
      'Decision rationale: CA-MTUS silent regarding MRI of hips. … is not medically necessary.',
  },
  options: {
    extraPhrases: {
      type: 'string[]',
      default: [],
      description:
        'More phrases that state why the MTUS does not apply, matched case-insensitively anywhere in the rationale.',
    },
  },
};

export const nonMtusWithoutReason: Rule = {
  meta,
  check(context) {
    const extra = stringListOption(context, meta, 'extraPhrases');
    const reports: Report[] = [];
    for (const item of context.document.items) {
      const citations = nonMtusOnly(item);
      if (!citations) continue;
      const rationale = item.rationale?.body.text ?? '';
      if (givesReason(rationale, extra)) continue;
      const first = citations[0];
      const last = citations.at(-1);
      if (!first || !last) continue;
      reports.push({
        message:
          `The reviewer cites only non-MTUS sources (${sourcesOf(citations)}) for ${itemInSentence(item)}, and the rationale ` +
          'does not say why the MTUS does not apply.',
        range: { start: first.range.start, end: last.range.end },
      });
    }
    return reports;
  },
};
