// Hostile inputs that once invited catastrophic regex backtracking (citations, necessity wording): the
// citation grammar and the conclusion finder on each alone, and the whole pipeline (parse plus rules) with
// each planted in a real letter's guideline field and rationale. Their bound is judged here, not by timed
// unit tests, which fail on a loaded machine; the unit tests keep their correctness checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/core';
import { parseGuidelineBody } from '../../server/src/core/citations';
import type { Range } from '../../server/src/core/model';
import { findNecessityConclusion } from '../../server/src/core/necessity';
import { runRules } from '../../server/src/core/rules';
import { SourceText } from '../../server/src/core/source';
import { hostileCitationInputs, necessityFiller } from '../support/hostileInputs';

type Row = (label: string, value: string, target: string, ok: boolean) => void;

const LINE_ZERO = (start: number, end: number): Range => ({
  start: { line: 0, character: start },
  end: { line: 0, character: end },
});

function timeMs(fn: () => number): [number, number] {
  const t0 = process.hrtime.bigint();
  const n = fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, n];
}

/** The example letter with `text` after its first MAXIMUS guideline label and its first rationale label. */
function planted(letter: string, text: string): string {
  return letter
    .replace('MAXIMUS guideline: ', `MAXIMUS guideline: ${text} `)
    .replace('Decision rationale: ', `Decision rationale: ${text} `);
}

export function adversarialBenchmarks(row: Row): void {
  const letter = readFileSync(join(process.cwd(), 'examples', 'CM16-0238035.txt'), 'utf8');
  let sink = 0;
  const worst = { part: 0, partName: '', whole: 0, wholeName: '' };
  const conclusionLast = `${necessityFiller()}Therefore, the request is not medically necessary.`;
  const inputs = [...hostileCitationInputs(), ['1.5 MB rationale, conclusion at the end', conclusionLast] as const];
  for (const [name, text] of inputs) {
    const [grammar, citations] = timeMs(() => parseGuidelineBody(text, LINE_ZERO).citations.length);
    const [necessity] = timeMs(() => (findNecessityConclusion(text) ? 1 : 0));
    const whole = planted(letter, text);
    const [pipeline, findings] = timeMs(() => runRules(parse(whole), new SourceText(whole)).length);
    sink += citations + findings;
    if (Math.max(grammar, necessity) > worst.part) [worst.part, worst.partName] = [Math.max(grammar, necessity), name];
    if (pipeline > worst.whole) [worst.whole, worst.wholeName] = [pipeline, name];
  }
  row(`hostile input alone (${worst.partName})`, `${worst.part.toFixed(0)} ms`, '<= 1000 ms', worst.part <= 1000);
  row(
    `hostile input in a letter (${worst.wholeName})`,
    `${worst.whole.toFixed(0)} ms`,
    '<= 1000 ms',
    worst.whole <= 1000,
  );
  if (sink < 0) console.log(sink); // keeps the work from being optimised away
}
