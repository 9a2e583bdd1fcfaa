// IMR015 ur-vocabulary: IMR decides whether a treatment is medically necessary; "certified", "non-certified",
// "modified" and "denied" are utilization review's outcomes, not the IMR's (format guide §7).
import type { Field, FoldedSpan, Span } from '../model';
import { findNecessityConclusion } from '../necessity';
import { samePosition } from '../range';
import { itemInSentence } from './messages';
import { urPredicateIn } from './support/urWords';
import type { Report, Rule } from './types';

// Most rationales hold none of the words where it matters: one cheap test spares them the sentence analysis.
const UR_STEMS = /[Cc]ertif|[Mm]odifi|[Dd]enied|CERTIF|MODIFI|DENIED/;

/**
 * Whether the rationale may conclude in UR words. With the parser's necessity conclusion ending the
 * rationale, only that sentence can; otherwise (no conclusion, or sentences after it) the whole text.
 */
function mayUseUrWords(rationale: Field): boolean {
  const conclusion = rationale.conclusion;
  if (conclusion && samePosition(conclusion.sentence.range.end, rationale.body.range.end)) {
    return UR_STEMS.test(conclusion.sentence.text);
  }
  return UR_STEMS.test(rationale.body.text);
}

/** A UR word as the predicate of the sentence that states necessity ("… not medically necessary and is non-certified."). */
function urWordInNecessityConclusion(body: FoldedSpan): Span | undefined {
  const conclusion = findNecessityConclusion(body.text);
  const word = conclusion && urPredicateIn(body.text, conclusion.start, conclusion.end);
  return word ? { text: word.word, range: body.rangeOf(word.start, word.end) } : undefined;
}

export const urVocabulary: Rule = {
  meta: {
    id: 'IMR015',
    name: 'ur-vocabulary',
    description:
      'A rationale concludes in utilization-review words ("non-certified", "certified", "modified", "denied") instead of medical necessity.',
    defaultSeverity: 'information',
    tags: ['rationale', 'wording', 'legal'],
    fixable: false,
    rationale:
      'The IMR reviewer decides whether the disputed treatment is medically necessary and must say so (Labor Code ' +
      '4610.6; 8 CCR 9792.10.6 asks for the decision in plain language). "Certified", "non-certified", "modified" ' +
      'and "denied" are the vocabulary of utilization review, whose decision the IMR upholds or overturns; a ' +
      "rationale that ends in them reads as UR's decision rather than the reviewer's finding on medical necessity.",
    examples: {
      failing:
        'Decision rationale: … There is no documentation of functional improvement. Therefore, the request is non-certified.',
      passing:
        'Decision rationale: … There is no documentation of functional improvement. Therefore, the request is not medically necessary.',
    },
  },
  check({ document }) {
    const reports: Report[] = [];
    for (const item of document.items) {
      const rationale = item.rationale;
      if (!rationale || !mayUseUrWords(rationale)) continue;
      // The parser read the UR-worded conclusion already; the necessity one is found again only here, in the
      // few rationales that get this far, because the model keeps its sentence without offsets in the body.
      let found: Span | undefined = rationale.urConclusion?.word;
      let how = 'ends in the utilization-review word';
      if (!found) {
        found = urWordInNecessityConclusion(rationale.body);
        how = 'concludes with the utilization-review word';
      }
      if (!found) continue;
      reports.push({
        message: `The rationale of ${itemInSentence(item)} ${how} "${found.text}": state whether the request is medically necessary instead.`,
        range: found.range,
      });
    }
    return reports;
  },
};
