// IMR016 findings-list-mismatch: the matching logic on hand-built ImrDocument objects (exact ranges, no
// parser in between), then one L1 letter through the parser (format guide §9).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core';
import { SourceText } from '../../server/src/core/source';
import { findingsListMismatch as rule } from '../../server/src/core/rules/IMR016-findings-list-mismatch';
import type { DisputedItem, Finding, ImrDocument, Polarity, Range } from '../../server/src/core/model';
import { at } from '../support/elements';

const lineSpan = (line: number, from = 0, to = 80): Range => ({
  start: { line, character: from },
  end: { line, character: to },
});

function finding(number: number, item: string, polarity: Polarity, line: number): Finding {
  return {
    number,
    item: { text: item, range: lineSpan(line, 10, 40) },
    polarity,
    wording: { text: 'is medically necessary', range: lineSpan(line, 41, 63) },
    range: lineSpan(line),
  };
}

/** An L1 item whose closing sentence (line + 5) carries the decision. */
function item(index: number, subject: string, polarity: Polarity, line: number): DisputedItem {
  const text = { text: subject, range: lineSpan(line, 30, 60) };
  return {
    index,
    text,
    subject,
    decision: {
      value: polarity === 'negative' ? 'Upheld' : 'Overturned',
      raw: 'is medically necessary and appropriate',
      range: lineSpan(line + 5, 20, 60),
    },
    headingRange: lineSpan(line),
    range: { start: lineSpan(line).start, end: lineSpan(line + 5).end },
    fields: [],
  };
}

function document(summary: Finding[], repeated: Finding[], items: DisputedItem[]): ImrDocument {
  return {
    layout: 'L1',
    variant: { hasHeader: false, credentialsForm: 'inline', extraction: 'plain' },
    sections: [],
    items,
    findings: { summary, repeated },
    problems: [],
    lineCount: 200,
    range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
  };
}

function run(doc: ImrDocument) {
  return rule.check({ document: doc, source: new SourceText(''), options: {} });
}

const MRI = 'MRI of the right shoulder without contrast';
const NAPROXEN = 'Naproxen 550mg #60';
const summary = () => [finding(1, MRI, 'negative', 6), finding(2, NAPROXEN, 'positive', 8)];
const repeated = () => [finding(1, MRI, 'negative', 18), finding(2, NAPROXEN, 'positive', 20)];
const items = () => [item(1, MRI, 'negative', 41), item(2, NAPROXEN, 'positive', 55)];

describe('IMR016 findings-list-mismatch', () => {
  test('the three statements agree: nothing', () => {
    assert.deepEqual(run(document(summary(), repeated(), items())), []);
  });

  test('wording is compared loosely (case, spacing, punctuation)', () => {
    const loose = [
      finding(1, 'MRI of the right  shoulder, without contrast', 'negative', 18),
      finding(2, 'naproxen 550 mg #60', 'positive', 20),
    ];
    assert.deepEqual(run(document(summary(), loose, items())), []);
  });

  test('the repeat says the opposite: the repeat is the odd one out', () => {
    const flipped = repeated();
    flipped[1] = finding(2, NAPROXEN, 'negative', 20);
    const reports = run(document(summary(), flipped, items()));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, lineSpan(20));
    assert.equal(
      at(reports, 0).message,
      'Finding 2 ("Naproxen 550mg #60") in the repeated findings (under INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE) says ' +
        '"not medically necessary", but finding 2 ("Naproxen 550mg #60") in the findings list and item 2 ("Naproxen 550mg #60") ' +
        'in the item analyses say "medically necessary".',
    );
  });

  test('the item analysis says the opposite: reported on its closing sentence', () => {
    const analyses = items();
    analyses[0] = item(1, MRI, 'positive', 41);
    const reports = run(document(summary(), repeated(), analyses));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, lineSpan(46, 20, 60));
    assert.match(
      at(reports, 0).message,
      /^Item 1 \("MRI of the right shoulder without contrast"\) in the item analyses says "medically necessary"/,
    );
  });

  test('the summary is the odd one out when the repeat and the analysis agree', () => {
    const list = summary();
    list[0] = finding(1, MRI, 'positive', 6);
    const reports = run(document(list, repeated(), items()));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, lineSpan(6));
  });

  test('an item analysis missing: reported on the finding that has none, with the counts', () => {
    const reports = run(document(summary(), repeated(), items().slice(0, 1)));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, lineSpan(8));
    assert.equal(
      at(reports, 0).message,
      'Finding 2 ("Naproxen 550mg #60") in the findings list is missing from the item analyses (the findings list has 2, the item analyses 1).',
    );
  });

  test('an extra item analysis: reported on its heading', () => {
    const reports = run(document(summary(), repeated(), [...items(), item(3, 'Tramadol 50mg #60', 'negative', 70)]));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, lineSpan(70));
    assert.match(
      at(reports, 0).message,
      /^Item 3 \("Tramadol 50mg #60"\) in the item analyses is not in the findings list \(the findings list has 2, the item analyses 3\)\.$/,
    );
  });

  test('the repeat in another order: each moved finding is reported once, polarity still compared by item', () => {
    const swapped = [finding(1, NAPROXEN, 'positive', 18), finding(2, MRI, 'negative', 20)];
    const reports = run(document(summary(), swapped, items()));
    assert.deepEqual(
      reports.map((r) => r.range),
      [lineSpan(18), lineSpan(20)],
    );
    assert.match(
      at(reports, 0).message,
      /stands in place 1 of the repeated findings .*, but in place 2 of the findings list\.$/,
    );
  });

  test('a different request in the same place: a wording report, and its polarity is still compared', () => {
    const other = items();
    other[1] = item(2, 'Lumbar support brace', 'negative', 55);
    const reports = run(document(summary(), repeated(), other));
    assert.equal(reports.length, 2);
    assert.match(
      at(reports, 0).message,
      /^Item 2 \("Lumbar support brace"\) in the item analyses does not name the same request as finding 2/,
    );
    assert.deepEqual(at(reports, 0).range, lineSpan(55));
    assert.deepEqual(at(reports, 1).range, lineSpan(60, 20, 60));
  });

  test('the same request reworded in the same place is left to IMR021: only its polarity is compared', () => {
    const other = items();
    other[1] = item(2, 'Naproxen 275mg #60', 'negative', 55);
    const reports = run(document(summary(), repeated(), other));
    assert.deepEqual(
      reports.map((r) => r.range),
      [lineSpan(60, 20, 60)],
    );
  });

  test('an unreadable summary: the repeat is the reference', () => {
    const analyses = items();
    analyses[1] = item(2, NAPROXEN, 'negative', 55);
    const reports = run(document([], repeated(), analyses));
    assert.equal(reports.length, 1);
    assert.deepEqual(at(reports, 0).range, lineSpan(60, 20, 60));
  });

  test('no findings lists (L3 letters): nothing', () => {
    const doc = document([], [], items());
    delete doc.findings;
    assert.deepEqual(run(doc), []);
  });
});

describe('IMR016 through the L1 parser', () => {
  const LETTER = [
    'MAXIMUS FEDERAL SERVICES, INC.',
    'Notice of Independent Medical Review Determination',
    'Dated: 10/21/2013',
    '1) MAXIMUS Federal Services, Inc. has determined the request for Naproxen 550mg #60 is',
    'medically necessary and appropriate.',
    '',
    'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
    'A decision has been made for each of the treatment and/or services that were in dispute:',
    '1) MAXIMUS Federal Services, Inc. has determined the request for Naproxen 550mg #60 is',
    'medically necessary and appropriate.',
    '',
    'Case Summary:',
    'The patient is a 47 year old male with shoulder pain.',
    '',
    '1) Regarding the request for Naproxen 550mg #60:',
    'Rationale for the Decision: Pain fell from 7/10 to 4/10. The request for Naproxen 550mg #60 is',
    'medically necessary and appropriate.',
    '',
  ].join('\n');

  function check(text: string) {
    return rule.check({ document: parse(text), source: new SourceText(text), options: {} });
  }

  test('a consistent letter: nothing', () => {
    const doc = parse(LETTER);
    assert.equal(doc.layout, 'L1');
    assert.equal(doc.findings?.summary.length, 1);
    assert.deepEqual(check(LETTER), []);
  });

  test('the closing sentence says "not": reported on it', () => {
    const text = LETTER.replace(
      'The request for Naproxen 550mg #60 is\nmedically',
      'The request for Naproxen 550mg #60 is not\nmedically',
    );
    const reports = check(text);
    assert.equal(reports.length, 1);
    assert.equal(at(reports, 0).range.start.line, 15);
    assert.match(
      at(reports, 0).message,
      /^Item 1 \("Naproxen 550mg #60"\) in the item analyses says "not medically necessary"/,
    );
  });
});
