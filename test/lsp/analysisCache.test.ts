// The server's analysis cache in process: a new version is analysed from the previous one (core/reanalysis.ts)
// and equals a fresh parse and rule run; a repeated version number with other text is never served stale.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse } from '../../server/src/core';
import { resolveRuleSettings, runRules } from '../../server/src/core/rules';
import { SourceText } from '../../server/src/core/source';
import { AnalysisCache } from '../../server/src/lsp/analysis';
import { MAX_FINDINGS_PER_RULE } from '../../server/src/core/service/findings';
import { modelJson } from '../fuzz/incremental';
import { fixtureText, joinLetters, JOINED_FIXTURES } from '../support/joined';

const TWO = joinLetters(
  [
    fixtureText(JOINED_FIXTURES, 'A-plain.txt'),
    fixtureText(JOINED_FIXTURES, 'B-plain.txt').replace(': Overturned', ': Overturn'),
  ],
  'pasted',
).text;
const URI = 'file:///two-letters.txt';
const configuration = { rules: resolveRuleSettings({}), generation: 1, fileConfig: {} };

function assertFresh(cache: AnalysisCache, document: TextDocument): void {
  const analysis = cache.get(document);
  const text = document.getText();
  const fresh = parse(text);
  assert.equal(modelJson(analysis.document), modelJson(fresh));
  const whole = runRules(fresh, new SourceText(text), configuration.rules, undefined, MAX_FINDINGS_PER_RULE);
  assert.equal(modelJson(cache.findings(analysis, configuration)), modelJson(whole));
}

describe('analysis cache', () => {
  test('an edit in the first letter reuses the second, and the result equals a fresh analysis', () => {
    const cache = new AnalysisCache();
    const document = TextDocument.create(URI, 'imr', 1, TWO);
    const first = cache.get(document);
    const findings = cache.findings(first, configuration);
    assert.deepEqual(
      findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character]),
      [
        ['IMR003', 77, 57],
        ['IMR009', 89, 37],
      ],
    );
    TextDocument.update(
      document,
      [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }],
      2,
    );
    const second = cache.get(document);
    assert.equal(second.document.letters?.[1], first.document.letters?.[1], 'the second letter is reused as it is');
    assertFresh(cache, document);
  });

  test('a repeated version number with other text is analysed again, from the text', () => {
    const cache = new AnalysisCache();
    const first = TextDocument.create(URI, 'imr', 7, TWO);
    cache.get(first);
    // The same URI and version, another text: two lines fewer at the top moves the second letter up.
    const other = TextDocument.create(URI, 'imr', 7, TWO.slice(TWO.indexOf('\n', TWO.indexOf('\n') + 1) + 1));
    const analysis = cache.get(other);
    assert.deepEqual(analysis.document.letters?.[1]?.items[0]?.decision?.range.start, { line: 75, character: 57 });
    assertFresh(cache, other);
  });
});
