// Every completion changes only its own range (issue 12, byte-exact edits): whatever the letter, the line, the
// caret (at the line start, after the indent, mid-line, at and past the line end) and the typed trigger, each
// entry replaces text on the caret's line from some point up to the caret, never text after the caret or on
// another line. Applying it leaves everything outside that range byte for byte as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import { createLanguageService, type Letter } from '../../server/src/core/service';
import type { CompletionKind } from '../../server/src/core/service/completion';
import { SourceText } from '../../server/src/core/source';
import { letterText, SHIPPED_LETTERS } from '../support/letters';
import { smallLetter } from '../rules/small-letter';

const TRIGGERS = [undefined, ':', ' '] as const;

/** Carets to try on a line: the start, after the indent, the middle, the end, and past the end (clamped). */
function caretsOn(line: string): number[] {
  const indent = line.length - line.trimStart().length;
  return [...new Set([0, indent, line.length >> 1, line.length, line.length + 3])];
}

test('every completion on every line of the shipped letters replaces only text before the caret on its line', () => {
  const small = smallLetter({ item: ['MRI of the lumbar spine: Uph'] });
  // Without its summary heading, the letter is offered the missing heading.
  const texts = [...SHIPPED_LETTERS.map(letterText), small, small.replace('CLINICAL CASE SUMMARY', '')];
  const kinds = new Set<CompletionKind>();
  let entries = 0;
  const wrong: string[] = [];
  texts.forEach((text, n) => {
    const uri = `memory:/letter-${n}.txt`;
    const source = new SourceText(text);
    const letter: Letter = { document: parse(text), source };
    const service = createLanguageService({ letter: (u) => (u === uri ? letter : undefined) });
    for (let line = 0; line < source.lineCount; line++) {
      const lineText = source.lineAt(line);
      for (const character of caretsOn(lineText)) {
        const caret = { line, character: Math.min(character, lineText.length) };
        for (const trigger of TRIGGERS) {
          for (const entry of service.completion(uri, { line, character }, trigger)) {
            entries++;
            kinds.add(entry.kind);
            const { start, end } = entry.range;
            const fits =
              start.line === line && end.line === line && end.character === caret.character && start.character >= 0;
            if (!fits || start.character > end.character) {
              wrong.push(
                `${n}:${line}:${character} ${trigger ?? 'asked'} ${entry.label} ${JSON.stringify(entry.range)}`,
              );
              continue;
            }
            const a = source.offsetAt(start);
            const b = source.offsetAt(end);
            const after = text.slice(0, a) + entry.newText + text.slice(b);
            if (after.slice(0, a) !== text.slice(0, a) || after.slice(a + entry.newText.length) !== text.slice(b))
              wrong.push(`${n}:${line}:${character} ${entry.label}: text outside the range changed`);
          }
        }
      }
    }
  });
  assert.deepEqual(wrong.slice(0, 10), []);
  // The sweep reaches every kind of completion the service makes, so none of them goes unchecked.
  assert.deepEqual([...kinds].sort(), [
    'chapter',
    'citation',
    'decision',
    'heading',
    'label',
    'sentence',
    'snippet',
    'title',
  ]);
  assert.ok(entries > 1000, `${entries} completions checked`);
});
