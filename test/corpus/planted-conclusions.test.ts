// Issue 11, classes 1 and 2, over every real letter: the last item's conclusion is replaced by a negation
// joined to what follows (hyphen, glue, line break, dash), or a UR-worded sentence is appended to its
// rationale; then its decision is set to agree (no IMR004) and to disagree (one IMR004 on the planted
// sentence, pointing back at the decision). Where to plant comes from the unedited letter's parse; what is
// asserted comes from the planted text's own offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, type ImrConfig } from '../../server/src/core/rules';
import { RULES } from '../../server/src/core/rules';
import { parse } from '../../server/src/core/parse';
import type { DecisionValue, Polarity, Position } from '../../server/src/core/model';
import { SourceText } from '../../server/src/core/source';
import { corpusAvailable, corpusLetters } from '../support/corpus';
import { at } from '../support/elements';

interface Variant {
  name: string;
  /** `{br}` stands for the letter's own line break. */
  sentence: string;
  polarity: Polarity;
  /** Appended after the rationale instead of replacing its conclusion. */
  append?: boolean;
  urWord?: string;
}

const VARIANTS: Variant[] = [
  { name: 'hyphen', sentence: 'Therefore, the request is not-medically necessary.', polarity: 'negative' },
  { name: 'glue', sentence: 'Therefore, the request is notmedically necessary.', polarity: 'negative' },
  { name: 'line break', sentence: 'Therefore, the request is not{br}medically necessary.', polarity: 'negative' },
  {
    name: 'hyphen at a line break',
    sentence: 'Therefore, the request is not-{br}medically necessary.',
    polarity: 'negative',
  },
  { name: 'en dash', sentence: 'Therefore, the request is not\u2013medically necessary.', polarity: 'negative' },
  { name: 'glued verb', sentence: 'Therefore, the request isnot medically necessary.', polarity: 'negative' },
  {
    name: 'hyphen after "to"',
    sentence: 'The request is determined to not-be medically necessary.',
    polarity: 'negative',
  },
  {
    name: 'UR non-certified',
    sentence: 'The request is non-certified.',
    polarity: 'negative',
    append: true,
    urWord: 'non-certified',
  },
  {
    name: 'UR denied',
    sentence: 'Therefore, the request is denied.',
    polarity: 'negative',
    append: true,
    urWord: 'denied',
  },
  {
    name: 'UR certified',
    sentence: 'Accordingly, the request is certified.',
    polarity: 'positive',
    append: true,
    urWord: 'certified',
  },
];

const ONLY_IMR004: ImrConfig = {
  rules: Object.fromEntries(RULES.filter((r) => r.meta.id !== 'IMR004').map((r) => [r.meta.id, 'off'])),
};

const agreeing = (p: Polarity): DecisionValue => (p === 'negative' ? 'Upheld' : 'Overturned');
const disagreeing = (p: Polarity): DecisionValue => (p === 'negative' ? 'Overturned' : 'Upheld');

/** Position of `offset` in `text`, counting \r\n, \r and \n as LSP does. */
function positionIn(text: string, offset: number): Position {
  return new SourceText(text).positionAt(offset);
}

interface Planted {
  text: string;
  sentenceStart: Position;
  decisionStart: Position;
}

function plant(original: string, variant: Variant, decision: DecisionValue): Planted | undefined {
  const document = parse(original);
  const item = document.items[document.items.length - 1];
  const rationale = item?.rationale;
  if (!item?.decision || !rationale?.conclusion) return undefined;
  const source = new SourceText(original);
  const doubled = document.variant.extraction === 'doubled';
  const eol = source.eol;
  const sentence = variant.sentence.replace('{br}', doubled ? eol + eol : eol);
  let from: number;
  let to: number;
  let insert: string;
  if (variant.append) {
    from = to = source.offsetAt(rationale.body.range.end);
    insert = (/[.!?]["')\]]?$/.test(rationale.body.text) ? ' ' : '. ') + sentence;
  } else {
    from = source.offsetAt(rationale.conclusion.sentence.range.start);
    to = source.offsetAt(rationale.conclusion.sentence.range.end);
    insert = sentence;
  }
  const d0 = source.offsetAt(item.decision.range.start);
  const d1 = source.offsetAt(item.decision.range.end);
  assert.ok(d1 <= from, 'the decision stands before its rationale');
  const text = original.slice(0, d0) + decision + original.slice(d1, from) + insert + original.slice(to);
  const shift = decision.length - (d1 - d0);
  const sentenceOffset = from + shift + insert.length - sentence.length;
  return { text, sentenceStart: positionIn(text, sentenceOffset), decisionStart: positionIn(text, d0) };
}

for (const variant of VARIANTS) {
  test(`planted in every letter's last item: ${variant.name}`, (t) => {
    if (!corpusAvailable(t)) return;
    const letters = corpusLetters();
    assert.ok(letters.length >= 237, `expected the 3 seeds and 2 x 117 letters, found ${letters.length}`);
    const failures: string[] = [];
    for (const letter of letters) {
      const agree = plant(letter.text, variant, agreeing(variant.polarity));
      const disagree = plant(letter.text, variant, disagreeing(variant.polarity));
      if (!agree || !disagree) {
        failures.push(`${letter.name}: the last item has no decision or conclusion to plant into`);
        continue;
      }
      const quiet = check(agree.text, ONLY_IMR004).findings;
      if (quiet.length)
        failures.push(`${letter.name}: agreeing decision, yet ${quiet.map((f) => f.message).join(' | ')}`);
      const found = check(disagree.text, ONLY_IMR004).findings;
      const f = at(found, 0);
      const ok =
        found.length === 1 &&
        f.ruleId === 'IMR004' &&
        f.severity === 'error' &&
        f.range.start.line === disagree.sentenceStart.line &&
        f.range.start.character === disagree.sentenceStart.character &&
        f.related?.length === 1 &&
        at(f.related, 0).range.start.line === disagree.decisionStart.line &&
        at(f.related, 0).range.start.character === disagree.decisionStart.character &&
        (variant.urWord === undefined || f.message.includes(`utilization-review wording ("${variant.urWord}")`));
      if (!ok) {
        const at = `${disagree.sentenceStart.line + 1}:${disagree.sentenceStart.character + 1}`;
        failures.push(
          `${letter.name}: wanted one IMR004 at ${at}, got ${JSON.stringify(found.map((x) => [x.range.start, x.message]))}`,
        );
      }
    }
    assert.deepEqual(failures, []);
  });
}
