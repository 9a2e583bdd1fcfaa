// The TextMate grammar over every 2016 letter (text form), run by vscode-textmate and Oniguruma: the painted
// decisions, labels and headings add up to the format guide's corpus counts (§3: 247 decisions, 214 Upheld
// and 33 Overturned; three field labels per item; eight header labels and one case number per letter).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusLetters, corpusSkip } from '../support/corpus';
import { loadGrammar, tokenizeLines } from '../support/textmate';

test(
  'every 2016 letter: 214 Upheld and 33 Overturned, 741 field labels, 351 headings, 117 case numbers',
  { skip: corpusSkip(['text']) },
  async () => {
    const grammar = await loadGrammar();
    const counts = new Map<string, number>();
    for (const { text } of corpusLetters(['text'])) {
      for (const line of tokenizeLines(grammar, text.split('\n'))) {
        for (const [, , scopes] of line) counts.set(scopes, (counts.get(scopes) ?? 0) + 1);
      }
    }
    assert.equal(counts.get('keyword.other.decision.upheld.imr markup.deleted.imr'), 214);
    assert.equal(counts.get('keyword.other.decision.overturned.imr markup.inserted.imr'), 33);
    assert.equal(counts.get('keyword.control.field-label.imr markup.bold.imr'), 741);
    assert.equal(counts.get('markup.heading.imr entity.name.section.imr'), 351);
    assert.equal(counts.get('string.unquoted.case-number.imr'), 117);
    assert.equal(counts.get('keyword.control.header-label.imr'), 8 * 117);
  },
);
