// parse() reads ANY string: it never throws, never hides an internal failure behind its catch-all, and every
// range it returns lies inside the text it was given (0 <= line < lineCount, character <= line length).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../server/src/core/parse';
import { lettersOf } from '../../server/src/core/letters';
import type { ImrDocument, Range } from '../../server/src/core/model';
import { allRanges, fold, lineLengths, lineStarts, rangeProblem } from '../fixtures/excerpts/source';
import { PLAIN_LETTER, joinLines } from '../fixtures/excerpts/letters';
import { letterText } from '../support/letters';
import { at } from '../support/elements';

const LAYOUTS = new Set(['L0', 'L1', 'L2', 'L3', 'unknown']);

/** Every invariant that must hold for any input. Throws (fails the property) when one does not. */
function checkDocument(text: string, doc: ImrDocument): void {
  const starts = lineStarts(text);
  const lengths = lineLengths(text);
  assert.ok(LAYOUTS.has(doc.layout), doc.layout);
  // The catch-all in parse() turns a crash into a problem: that must never happen.
  for (const p of doc.problems) assert.doesNotMatch(p.message, /parser failed/i, p.message);
  assert.equal(doc.lineCount, starts.length);
  assert.deepEqual(doc.range, {
    start: { line: 0, character: 0 },
    end: { line: starts.length - 1, character: lengths[lengths.length - 1] },
  });
  for (const { path, range } of allRanges(doc)) {
    const problem = rangeProblem(text, range, starts, lengths);
    assert.equal(problem, undefined, `${path}: ${problem} ${JSON.stringify(range)}`);
  }
  // Items are numbered within their letter; the letters tile the file, and one that reads as no layout has none.
  const letters = lettersOf(doc);
  assert.deepEqual(letters[0]?.range.start, doc.range.start);
  assert.deepEqual(letters.at(-1)?.range.end, doc.range.end);
  for (const [k, letter] of letters.entries()) {
    assert.deepEqual(
      letter.items.map((i) => i.index),
      letter.items.map((_, n) => n + 1),
    );
    if (k > 0) assert.deepEqual(letter.range.start, letters[k - 1]?.range.end);
    if (letter.layout === 'unknown') assert.deepEqual(letter.items, []);
  }
  assert.deepEqual(
    doc.items,
    letters.flatMap((l) => l.items),
  );
  const slice = (r: Range) =>
    text.slice(at(starts, r.start.line) + r.start.character, at(starts, r.end.line) + r.end.character);
  for (const item of doc.items) {
    if (item.decision?.value) assert.equal(item.decision.raw, item.decision.value);
    // `raw` is the decision exactly as written, and a label is as written: their ranges cover exactly that
    // (folded, for the L0/L1 labels that wrap over lines).
    if (item.decision) assert.equal(fold(slice(item.decision.range)), fold(item.decision.raw), 'decision range');
    for (const f of item.fields) {
      assert.ok(['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale'].includes(f.kind));
      assert.equal(fold(slice(f.labelRange)), fold(f.label), 'label range');
    }
  }
  for (const s of doc.sections) assert.equal(fold(slice(s.headingRange)), s.title, 'heading range');
  if (doc.layout === 'unknown') assert.deepEqual(doc.items, []);
}

function parseChecked(text: string): ImrDocument {
  let doc: ImrDocument | undefined;
  assert.doesNotThrow(() => {
    doc = parse(text);
  });
  assert.ok(doc);
  checkDocument(text, doc);
  return doc;
}

const LETTER = joinLines(PLAIN_LETTER);
const LETTER_LINES = PLAIN_LETTER.filter((l) => l !== '');
const JUNK_LINES = [
  'Upheld',
  'Overturned',
  ':',
  ': Upheld',
  'Claims Administrator guideline:',
  'Decision rationale:',
  'MAXIMUS guideline: Decision based on MTUS',
  'was the original request.',
  'The remaining IMR eligible portion of the original request,',
  'Application',
  'Received:',
  'Case Number:',
  '\f',
  '',
  ' ',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'CLINICAL CASE SUMMARY',
  'Notice of Independent Medical Review Determination',
  'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
  'ISSUE AT DISPUTE:',
  'DOCUMENTS REVIEWED',
  'IMR DECISION(S) AND RATIONALE(S)',
  'State(s) of Licensure:',
  'Certification(s)/Specialty:',
  '\ufeff',
  '\ud800',
  '\udfff',
];

const eol = fc.constantFrom('\n', '\r\n', '\r');
const controlChar = fc.constantFrom('\r', '\n', '\f', '\t', '\r\n', '\f\f', ' ', '\u00a0', '\v');
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

describe('any string (fast-check)', () => {
  test('fc.string()', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => void parseChecked(s)),
      { numRuns: 300 },
    );
  });

  test('full unicode strings: any code point, astral planes and lone surrogates included', () => {
    // Code points 0..0x10FFFF (fc.string({ unit: 'binary' }) covers the same ground but generates slowly).
    const fullUnicode = fc
      .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 400 })
      .map((cps) => String.fromCodePoint(...cps));
    fc.assert(
      fc.property(fullUnicode, (s) => void parseChecked(s)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => void parseChecked(s)),
      { numRuns: 50 },
    );
  });

  test('strings of lone surrogates, controls and letter words', () => {
    const unit = fc.oneof(loneSurrogate, controlChar, fc.constantFrom('Upheld', ':', 'IMR', ' ', '.', 'a'));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 300 }), (s) => void parseChecked(s)),
      { numRuns: 300 },
    );
  });

  test('real letter lines mixed with junk lines, any line terminators', () => {
    const line = fc.oneof(
      fc.constantFrom(...LETTER_LINES),
      fc.constantFrom(...JUNK_LINES),
      fc.string({ maxLength: 20 }),
    );
    let withItems = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 80 }), eol, fc.boolean(), (lines, end, bom) => {
        if (parseChecked((bom ? '\ufeff' : '') + lines.join(end)).items.length > 0) withItems++;
      }),
      { numRuns: 300 },
    );
    // The property is not vacuous: some inputs do reach the item parser.
    assert.ok(withItems > 0, 'no generated text had items');
  });

  test('a real letter with random \\r \\n \\f \\t (and more) inserted anywhere', () => {
    const insertion = fc.tuple(fc.nat({ max: LETTER.length }), fc.oneof(controlChar, loneSurrogate));
    let twoItems = 0;
    fc.assert(
      fc.property(fc.array(insertion, { maxLength: 40 }), (inserts) => {
        let text = LETTER;
        for (const [at, s] of [...inserts].sort((a, b) => b[0] - a[0])) text = text.slice(0, at) + s + text.slice(at);
        if (parseChecked(text).items.length === 2) twoItems++;
      }),
      { numRuns: 300 },
    );
    assert.ok(twoItems > 100, `only ${twoItems}/300 mutated letters kept their 2 items`);
  });

  test('a real letter with random lines deleted or duplicated', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: PLAIN_LETTER.length - 1 }), fc.boolean()), { maxLength: 20 }),
        eol,
        (edits, end) => {
          const lines = [...PLAIN_LETTER];
          for (const [at, dup] of edits) {
            const k = at % Math.max(1, lines.length);
            if (dup) lines.splice(k, 0, lines[k] ?? '');
            else lines.splice(k, 1);
          }
          void parseChecked(lines.join(end));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the letter doubled (seed style) with random extra empty lines', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: PLAIN_LETTER.length * 2 }), { maxLength: 10 }), (extra) => {
        const lines = PLAIN_LETTER.flatMap((l) => [l + ' ', '']);
        for (const at of extra) lines.splice(at % lines.length, 0, '');
        void parseChecked(lines.join('\n'));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the big and odd cases', () => {
  test('the empty string: unknown layout, an empty-document problem at 0:0', () => {
    const doc = parseChecked('');
    assert.equal(doc.layout, 'unknown');
    assert.equal(doc.lineCount, 1);
    assert.deepEqual(
      doc.problems.map((p) => [p.code, p.range]),
      [['empty-document', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]],
    );
    assert.deepEqual(doc.items, []);
    assert.deepEqual(doc.sections, []);
  });

  test('whitespace only: unknown layout, empty-document over the whole text', () => {
    const text = '  \n\t\r\n\f\f\r   \n';
    const doc = parseChecked(text);
    assert.equal(doc.layout, 'unknown');
    assert.equal(doc.lineCount, 5);
    assert.deepEqual(
      doc.problems.map((p) => p.code),
      ['empty-document'],
    );
    assert.deepEqual(at(doc.problems, 0).range, { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } });
  });

  test('binary: bytes 0-255 as latin1 (with NULs) give unknown layout and a binary-content error', () => {
    const bytes = Buffer.from(Array.from({ length: 256 * 4 }, (_, i) => i % 256));
    const text = bytes.toString('latin1');
    const doc = parseChecked(text);
    assert.equal(doc.layout, 'unknown');
    assert.deepEqual(
      doc.problems.map((p) => [p.code, p.severity]),
      [['binary-content', 'error']],
    );
    assert.deepEqual(doc.items, []);
  });

  test('binary: a real letter with NULs in it is still binary', () => {
    const text = LETTER.slice(0, 500) + '\0\0\0\0' + LETTER.slice(500);
    const doc = parseChecked(text);
    assert.equal(doc.layout, 'unknown');
    assert.deepEqual(
      doc.problems.map((p) => p.code),
      ['binary-content'],
    );
  });

  test('one 1 MB line with no newline: unknown layout, one line, no throw', () => {
    const text = 'The request is not medically necessary: Upheld '.repeat(Math.ceil((1 << 20) / 47)).slice(0, 1 << 20);
    const doc = parseChecked(text);
    assert.equal(doc.layout, 'unknown');
    assert.equal(doc.lineCount, 1);
    assert.deepEqual(
      doc.problems.map((p) => p.code),
      ['unknown-layout'],
    );
    assert.deepEqual(doc.range.end, { line: 0, character: 1 << 20 });
  });

  test('one 1 MB line of spaces, form feeds and tabs', () => {
    const doc = parseChecked(' \f\t'.repeat(350_000));
    assert.equal(doc.layout, 'unknown');
    assert.deepEqual(
      doc.problems.map((p) => p.code),
      ['empty-document'],
    );
  });

  test('lone surrogates inside a letter: still L3 with the same items, ranges in bounds', () => {
    const lines = PLAIN_LETTER.map((l) =>
      l.startsWith('Decision rationale:') ? l.replace('Decision rationale: ', 'Decision rationale: \ud83d ') : l,
    );
    lines.splice(1, 0, '\udc00\udc00');
    const doc = parseChecked(joinLines(lines));
    assert.equal(doc.layout, 'L3');
    assert.deepEqual(
      doc.items.map((i) => [i.text.text, i.decision?.value]),
      [
        ['Labs to include: EKG', 'Upheld'],
        [
          'Physical therapy for the lumbar spine, twelve sessions, two times a week for six weeks to the right and left side',
          'Overturned',
        ],
      ],
    );
    assert.ok(at(doc.items, 0).rationale?.body.text.startsWith('\ud83d There is'));
  });

  test('a 50 MB text made by repeating a real letter: items = letters x items per letter', () => {
    const letter = letterText('dwc-2016/text/CM16-0238035.txt');
    const one = parse(letter);
    assert.equal(one.layout, 'L3');
    const perLetter = one.items.length;
    assert.equal(perLetter, 8);
    // Each copy must start on a new line (a `text/` file ends in `\f`).
    const unit = letter.endsWith('\n') ? letter : letter + '\n';
    const copies = Math.ceil((50 * 1024 * 1024) / unit.length);
    const text = unit.repeat(copies);
    assert.ok(text.length >= 50 * 1024 * 1024);
    const doc = parse(text);
    assert.equal(doc.layout, 'L3');
    assert.equal(doc.items.length, copies * perLetter);
    // Each copy is a letter of its own, its items numbered from 1.
    assert.equal(doc.letters?.length, copies);
    assert.equal(at(doc.items, -1).index, perLetter);
    const decisions = one.items.map((i) => i.decision?.value);
    for (let k = 0; k < doc.items.length; k += perLetter * 997) {
      assert.deepEqual(
        doc.items.slice(k, k + perLetter).map((i) => i.decision?.value),
        decisions,
      );
    }
    const last = at(doc.items, -1);
    assert.equal(last.text.text, at(one.items, perLetter - 1).text.text);
    const linesPerCopy = unit.split('\n').length - 1;
    assert.equal(doc.lineCount, copies * linesPerCopy + 1);
    assert.equal(
      last.decision?.range.start.line,
      (copies - 1) * linesPerCopy + (at(one.items, perLetter - 1).decision?.range.start.line ?? -1),
    );
  });
});

test('checkDocument itself fails on a range outside the text (guards the property)', () => {
  const doc = structuredClone(parse(LETTER));
  at(doc.items, 0).text.range.end = { line: doc.lineCount, character: 0 };
  assert.throws(() => checkDocument(LETTER, doc), /outside|not in/);
  const doc2 = structuredClone(parse(LETTER));
  at(doc2.items, 1).index = 1;
  assert.throws(() => checkDocument(LETTER, doc2));
  const doc3 = structuredClone(parse(LETTER));
  doc3.problems.push({
    code: 'unknown-layout',
    severity: 'error',
    message: 'The parser failed on this document (TypeError); please report it.',
    range: doc3.range,
  });
  assert.throws(() => checkDocument(LETTER, doc3), /parser failed/);
});
