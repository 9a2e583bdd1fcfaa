// IMR014 probable-redaction-gap: unit tests on raw text; the gaps are the seeds' (format guide §10).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { probableRedactionGap as rule } from '../../server/src/core/rules/IMR014-probable-redaction-gap';
import { layoutHeader, smallLetter } from './small-letter';
import { at, only } from '../support/elements';

function letter(summary: string[], header = false): string {
  const dates = {
    assigned: '11/18/2016',
    injury: '10/10/2016',
    decision: '12/19/2016',
    ur: '11/09/2016',
    application: '11/14/2016',
  };
  return smallLetter({ header: header ? layoutHeader(dates) : [], summary });
}

function run(text: string, options: Record<string, unknown> = {}) {
  return rule.check({ document: parse(text), source: new SourceText(text), options });
}

const SUMMARY_LINE = 3;

function gapAt(line: string, needle: string, offsetInNeedle: number, length: number) {
  const character = line.indexOf(needle) + offsetInNeedle;
  return { start: { line: SUMMARY_LINE, character }, end: { line: SUMMARY_LINE, character: character + length } };
}

describe('IMR014 probable-redaction-gap', () => {
  test('"employed by ." (seed 001): the space is the gap, named in its section', () => {
    const line = 'This 50 year-old patient sustained an injury on 8/31/07 while employed by . The claim was accepted.';
    const reports = run(letter([line]));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, gapAt(line, 'by .', 2, 1));
    assert.equal(
      at(reports, 0).message,
      'Probable redaction gap in CLINICAL CASE SUMMARY: a space before a period, where a name was probably removed ' +
        '(letters are redacted without a placeholder). Not a typo: check that the sentence still reads.',
    );
  });

  test('"mechanic at the , the" (seed 003): a space before a comma', () => {
    const line = 'He worked as a mechanic at the , the attending providers have posited, reportedly.';
    const reports = run(letter([line]));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, gapAt(line, 'the ,', 3, 1));
    assert.match(at(reports, 0).message, /a space before a comma/);
  });

  test('"a represented  employee" (seed 003): the doubled space is the gap', () => {
    const line = 'The injured worker is a represented  employee who has filed a claim.';
    const reports = run(letter([line]));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, gapAt(line, '  ', 0, 2));
    assert.match(at(reports, 0).message, /a doubled space inside a sentence/);
  });

  test('several blanks before the period make one gap', () => {
    const line = 'He was employed by   . Then he moved.';
    const reports = run(letter([line]));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, gapAt(line, '   .', 0, 3));
  });

  test('in an item field the message names the item and the field', () => {
    const text = letter(['Nothing here.']).replace('There are no red flags.', 'He worked at the , the records say.');
    const report = only(run(text));
    assert.match(report.message, /in the rationale of item 1 \("MRI of the lumbar spine"\)/);
  });

  test('ordinary spacing is not a gap', () => {
    const lines = [
      'The claims administrator denied the request.  In a September appeal letter, pain was noted.', // after a sentence
      'He has been treated with the following:  Analgesic medications; and therapy.', // after a colon
      'He takes Tylenol ("as needed.")  Then he rests.', // after a quoted sentence
      'The dose was .5 mg at night.', // a decimal without its zero
      'A 0. 5 cc injection was given.', // a stray space after a decimal point: a typo, not a redaction
      '1)  Norco; 2)  Flexeril.', // spacing after list markers
      'Pain is 5/10 . . . and persists.', // spaced dots
      'The last line ends with a trailing space. ', // trailing blanks (every line of the doubled seeds)
      '    Indented text is not a gap.',
    ];
    assert.deepEqual(run(letter(lines)), []);
  });

  test('the padded columns of a -layout header are not gaps', () => {
    assert.deepEqual(run(letter(['Nothing removed here.'], true)), []);
  });

  test('a doubled seed line (text, trailing space, empty line) is read in place', () => {
    const text = ['CLINICAL CASE SUMMARY ', '', 'a represented  employee who has filed a ', '', 'claim. ', '', ''].join(
      '\n',
    );
    const reports = run(text);
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, { start: { line: 2, character: 13 }, end: { line: 2, character: 15 } });
  });

  test('CRLF text', () => {
    const reports = run(letter(['while employed by . Then.']).replace(/\n/g, '\r\n'));
    assert.equal(reports.length, 1);
    assert.equal(at(reports, 0).range.start.line, SUMMARY_LINE);
  });

  test('options switch each check off; sentenceEnders is configurable', () => {
    const text = letter(['while employed by . A represented  employee. He has pain (severe)  today.']);
    assert.equal(run(text).length, 3);
    assert.equal(run(text, { spaceBeforePunctuation: false }).length, 2);
    assert.equal(run(text, { doubledSpaces: false }).length, 1);
    assert.equal(run(text, { sentenceEnders: '.?!:;)' }).length, 2);
  });

  test('reports come in text order, across both kinds', () => {
    const text = letter(['A represented  employee of , the plant.', 'Employed by . Then a second  gap.']);
    const lines = run(text).map((r) => [r.range.start.line, r.range.start.character]);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => at(a, 0) - at(b, 0) || at(a, 1) - at(b, 1)),
    );
    assert.equal(lines.length, 4);
  });

  test("a second letter's -layout header in the same file is not a gap", () => {
    const one = letter(['Nothing removed here.'], true);
    assert.deepEqual(run(`${one}${one}`), []);
  });
});
