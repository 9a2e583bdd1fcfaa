// Findings about two places point at both (issue 11, class 3): the rule's `related` list, the LSP
// diagnostic's relatedInformation and SARIF's relatedLocations. Expected positions are counted in the
// literal letters below, never taken from the parser.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { check, type Finding } from '../../server/src/core/rules';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { sarifLog } from '../../server/src/cli/format-sarif';
import { loadFixture } from './fixture-loader';
import { layoutHeader, smallLetter } from './small-letter';
import { at, only as onlyElement } from '../support/elements';

const pos = (line: number, character: number) => ({ line, character });

function only(findings: Finding[], ruleId: string): Finding {
  const mine = findings.filter((f) => f.ruleId === ruleId);
  return onlyElement(mine, `one ${ruleId}: ${JSON.stringify(mine.map((f) => f.message))}`);
}

// Lines 0-5 are the small letter's fixed opening; the item starts at line 6.
const FLIPPED = smallLetter({
  item: [
    'Lumbar support brace: Overturned',
    'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
    'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.',
    'Decision rationale: Braces help only in the acute phase. The request is non-certified.',
  ],
});

describe('related locations', () => {
  test('IMR004 on a UR-worded conclusion points back at the decision', () => {
    const f = only(check(FLIPPED).findings, 'IMR004');
    const sentence = 'Decision rationale: Braces help only in the acute phase. '.length;
    assert.deepEqual(f.range, {
      start: pos(9, sentence),
      end: pos(9, sentence + 'The request is non-certified.'.length),
    });
    assert.equal(
      f.message,
      'Item 1 "Lumbar support brace" (Overturned): the rationale concludes in utilization-review wording ("non-certified"), read as not medically necessary, which contradicts Overturned.',
    );
    assert.deepEqual(f.related, [
      { message: 'The decision: Overturned', range: { start: pos(6, 22), end: pos(6, 32) } },
    ]);
  });

  test('IMR010 points at the first occurrence', () => {
    const block = (heading: string) => [
      heading,
      'Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.',
      'MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004.',
      'Decision rationale: There are no red flags. The request is not medically necessary.',
    ];
    const text = smallLetter({ item: [...block('Lumbar MRI: Upheld'), ...block('Lumbar MRI: Upheld')] });
    const f = only(check(text).findings, 'IMR010');
    assert.deepEqual(f.range.start, pos(10, 0));
    assert.deepEqual(f.related, [
      { message: 'Item 1, the same request', range: { start: pos(6, 0), end: pos(6, 18) } },
    ]);
  });

  test("IMR012 points at the header's Date of Injury", () => {
    const header = layoutHeader({
      assigned: '11/18/2016',
      injury: '10/10/2016',
      decision: '12/19/2016',
      ur: '11/09/2016',
      application: '11/14/2016',
    });
    const text = smallLetter({ header, summary: ['The injured worker is a 40 year old male injured on 10/12/2016.'] });
    const f = only(check(text).findings, 'IMR012');
    assert.equal(f.related?.length, 1);
    const column = at(header, 1).indexOf('10/10/2016');
    assert.deepEqual(f.related?.[0], {
      message: "The header's Date of Injury",
      range: { start: pos(1, column), end: pos(1, column + 10) },
    });
  });

  test('IMR016 points at the statements it disagrees with', () => {
    const { text } = loadFixture(path.join(__dirname, '..', 'fixtures', 'rules', 'IMR016-polarity-mismatch.txt'));
    const f = only(check(text).findings, 'IMR016');
    assert.deepEqual(f.range.start, pos(19, 0));
    assert.deepEqual(
      f.related?.map((r) => [r.message, r.range.start]),
      [
        ['Finding 2 ("Naproxen 550mg #60") in the findings list', pos(8, 0)],
        ['Item 2 ("Naproxen 550mg #60") in the item analyses', pos(65, 92)],
      ],
    );
  });

  test('the LSP diagnostic carries relatedInformation in the same document', () => {
    const f = only(check(FLIPPED).findings, 'IMR004');
    const d = toDiagnostic(f, 3, '/ext', 'file:///letters/a.txt');
    assert.deepEqual(d.relatedInformation, [
      {
        location: { uri: 'file:///letters/a.txt', range: { start: pos(6, 22), end: pos(6, 32) } },
        message: 'The decision: Overturned',
      },
    ]);
    assert.equal(
      toDiagnostic({ ...f, related: undefined }, 3, '/ext', 'file:///letters/a.txt').relatedInformation,
      undefined,
    );
  });

  test('SARIF results carry relatedLocations with 1-based regions', () => {
    const f = only(check(FLIPPED).findings, 'IMR004');
    const log = sarifLog([{ file: '/work/letters/a.txt', findings: [f] }], [], '/work');
    assert.deepEqual(at(at(log.runs, 0).results, 0).relatedLocations, [
      {
        id: 0,
        message: { text: 'The decision: Overturned' },
        physicalLocation: {
          artifactLocation: { uri: 'letters/a.txt', uriBaseId: '%SRCROOT%' },
          region: { startLine: 7, startColumn: 23, endLine: 7, endColumn: 33 },
        },
      },
    ]);
  });
});
