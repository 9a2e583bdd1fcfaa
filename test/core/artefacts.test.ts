// Extraction artefacts (format guide §4): the SAME small letter written as LF, CRLF, lone CR, with a BOM,
// with form feeds, tabs, trailing spaces, the seeds' blank-line doubling and -layout centring must read the
// same, and every range must land EXACTLY on the original text of that variant. Offsets are computed here
// from the variant's own line starts (test/fixtures/excerpts/source.ts), never by the parser.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/core/parse';
import type { HeaderField, ImrDocument, Range } from '../../server/src/core/model';
import { allRanges, fold, lineLengths, lineStarts, offsetOf, rangeProblem } from '../fixtures/excerpts/source';
import {
  HEADER_LABELS,
  HEADER_LAYOUT,
  HEADER_VALUES,
  PLAIN_LETTER,
  PLAIN_LETTER_ITEMS,
} from '../fixtures/excerpts/letters';
import { at } from '../support/elements';
import { HEADER_NAMES } from './parse-l3-helpers';

const LABELS = ['Claims Administrator guideline:', 'MAXIMUS guideline:', 'Decision rationale:'] as const;

function indexOfLine(lines: readonly string[], prefix: string): number {
  const i = lines.findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`fixture lacks a line starting ${prefix}`);
  return i;
}

/** Plain text page breaks: an empty line, then `\f` glued to the next page's first line. */
function withFormFeeds(lines: readonly string[]): string[] {
  const out = [...lines];
  const breakBefore = (prefix: string, from = 0) => {
    const i = out.findIndex((l, k) => k >= from && l.startsWith(prefix));
    if (i < 0) throw new Error(prefix);
    out.splice(i, 1, '', '\f' + out[i]);
  };
  breakBefore('CLINICAL CASE SUMMARY'); // before a heading
  breakBefore('Claims Administrator guideline:', indexOfLine(out, 'the right and left side')); // item line | label
  breakBefore('case the worker improved'); // mid-sentence
  out.push('\f');
  return out;
}

/** The seeds' doubling: every line followed by an empty line, one trailing space, paragraph break = ' '. */
function doubled(lines: readonly string[], pageBreakBefore: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (pageBreakBefore.some((p) => l.startsWith(p))) out.push('', ''); // 3 empty lines in a row
    out.push(l === '' ? ' ' : l.startsWith('HOW THE IMR') ? ` ${l} ` : `${l} `, '');
  }
  return out;
}

/** `pdftotext -layout`: header in two columns, centred headings, blank lines before items and fields. */
function layoutForm(lines: readonly string[]): string[] {
  const body = lines.slice(indexOfLine(lines, 'HOW THE IMR'));
  const out = [...HEADER_LAYOUT];
  for (const l of body) {
    if (/^[A-Z ,]+$/.test(l)) out.push('', ' '.repeat(Math.floor((95 - l.length) / 2)) + l);
    else if (/^(MAXIMUS guideline|Decision rationale|Labs to include|Physical therapy for)/.test(l)) out.push('', l);
    else out.push(l);
  }
  // A page starts at the first item's CA label: `\f` glued to it, no blank line.
  const ca = indexOfLine(out, 'Claims Administrator guideline:');
  out[ca] = '\f' + out[ca];
  out.push('\f');
  return out;
}

/** Tabs: indented headings and labels, and a tab after a decision's colon and after a label. */
function withTabs(lines: readonly string[]): string[] {
  return lines.map((l) => {
    if (/^[A-Z ,]+$/.test(l)) return '\t\t' + l + '\t';
    if (l.startsWith('Decision rationale: ')) return '\t' + l.replace('Decision rationale: ', 'Decision rationale:\t');
    if (l === 'Labs to include: EKG: Upheld') return 'Labs to include: EKG:\tUpheld';
    return l;
  });
}

const join = (lines: readonly string[], eol: string) => lines.join(eol) + eol;

interface Variant {
  name: string;
  text: string;
}

const PAGE_BREAKS = [
  'CLINICAL CASE SUMMARY',
  'Claims Administrator guideline: Decision based on Non-MTUS',
  'case the worker improved',
];

const VARIANTS: Variant[] = [
  { name: 'LF', text: join(PLAIN_LETTER, '\n') },
  { name: 'CRLF', text: join(PLAIN_LETTER, '\r\n') },
  { name: 'lone CR', text: join(PLAIN_LETTER, '\r') },
  { name: 'BOM + LF', text: '\ufeff' + join(PLAIN_LETTER, '\n') },
  { name: 'BOM + CRLF', text: '\ufeff' + join(PLAIN_LETTER, '\r\n') },
  {
    name: 'form feeds (before a heading, between item line and label, mid-sentence, at the end)',
    text: join(withFormFeeds(PLAIN_LETTER), '\n'),
  },
  { name: 'form feeds + CRLF', text: join(withFormFeeds(PLAIN_LETTER), '\r\n') },
  {
    name: 'tabs (indent, after a label, between colon and decision)',
    text: join(withTabs(PLAIN_LETTER), '\n'),
  },
  {
    name: 'tabs as indentation and trailing blanks',
    text: join(
      PLAIN_LETTER.map((l) => (/^[A-Z ,]+$/.test(l) ? `\t\t${l}\t` : l.startsWith('MAXIMUS') ? `\t${l} \t` : l)),
      '\n',
    ),
  },
  {
    name: 'trailing spaces (1 on every line, 2 on some)',
    text: join(
      PLAIN_LETTER.map((l, i) => l + (i % 3 ? ' ' : '  ')),
      '\n',
    ),
  },
  { name: 'doubled (seeds)', text: join(doubled(PLAIN_LETTER, []), '\n') },
  { name: 'doubled with page breaks (3 empty lines)', text: join(doubled(PLAIN_LETTER, PAGE_BREAKS), '\n') },
  { name: 'doubled + CRLF + BOM', text: '\ufeff' + join(doubled(PLAIN_LETTER, PAGE_BREAKS), '\r\n') },
  { name: '-layout centring', text: join(layoutForm(PLAIN_LETTER), '\n') },
  { name: '-layout + lone CR', text: join(layoutForm(PLAIN_LETTER), '\r') },
  {
    name: 'everything at once: -layout, form feeds, trailing spaces, CRLF, BOM',
    text:
      '\ufeff' +
      join(
        layoutForm(withFormFeeds(PLAIN_LETTER)).map((l) => (l ? l + ' ' : l)),
        '\r\n',
      ),
  },
];

function check(text: string, doc: ImrDocument): void {
  const starts = lineStarts(text);
  const lengths = lineLengths(text);
  const slice = (r: Range | undefined): string => {
    assert.ok(r, 'range expected');
    return text.slice(offsetOf(text, r.start, starts, lengths), offsetOf(text, r.end, starts, lengths));
  };

  assert.equal(doc.layout, 'L3');
  assert.equal(doc.lineCount, starts.length);
  assert.deepEqual(doc.problems, []);
  for (const { path, range } of allRanges(doc)) {
    assert.equal(rangeProblem(text, range, starts, lengths), undefined, `${path} ${JSON.stringify(range)}`);
  }

  // Sections.
  assert.deepEqual(
    doc.sections.map((s) => [s.kind, slice(s.headingRange)]),
    [
      ['howMade', 'HOW THE IMR FINAL DETERMINATION WAS MADE'],
      ['caseSummary', 'CLINICAL CASE SUMMARY'],
      ['decisions', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    ],
  );

  // Header: every value and label exactly.
  const fields = doc.header?.fields;
  assert.ok(fields, 'header');
  for (const name of HEADER_NAMES) {
    const f: HeaderField | undefined = fields[name];
    assert.ok(f, name);
    assert.equal(f.value, HEADER_VALUES[name], name);
    assert.equal(slice(f.valueRange), HEADER_VALUES[name], name);
    // A label's range covers it exactly; the wrapped `Application` / `Received:` covers both halves (and, in
    // -layout text, the value standing between them on the `Application` line).
    const label = fold(slice(f.labelRange));
    if (name === 'applicationReceived') assert.match(label, /^Application (?:01\/31\/2017 )?Received:$/);
    else assert.equal(label, HEADER_LABELS[name], name);
  }

  // Credentials.
  assert.deepEqual(
    doc.credentials?.states.map((s) => slice(s.range)),
    ['Texas', 'New York', 'California'],
  );
  assert.deepEqual(
    doc.credentials?.specialties.map((s) => fold(slice(s.range))),
    ['Preventive Medicine', 'Occupational Medicine', 'Public Health & General Preventive Medicine'],
  );

  // Items.
  assert.equal(doc.items.length, PLAIN_LETTER_ITEMS.length);
  doc.items.forEach((item, k) => {
    const want = at(PLAIN_LETTER_ITEMS, k);
    const where = `item ${k + 1}`;
    assert.equal(item.index, k + 1);
    assert.equal(item.text.text, want.text, where);
    assert.equal(item.decision?.value, want.decision, where);
    assert.equal(item.decision?.raw, want.decision, where);
    assert.equal(slice(item.decision?.range), want.decision, where);
    const s = offsetOf(text, item.text.range.start, starts, lengths);
    assert.equal(text.slice(s, s + want.firstWord.length), want.firstWord, where);
    assert.equal(fold(slice(item.text.range)), want.text, where);
    assert.deepEqual(
      item.fields.map((f) => f.label),
      [...LABELS],
      where,
    );
    item.fields.forEach((f, j) => assert.equal(slice(f.labelRange), LABELS[j], `${where} label ${j}`));
    assert.equal(item.claimsAdministratorGuideline?.body.text, want.ca, where);
    assert.equal(item.reviewerGuideline?.body.text, want.mx, where);
    assert.equal(item.rationale?.body.text, want.rationale, where);
    for (const f of item.fields) assert.equal(fold(slice(f.body.range)), f.body.text, `${where} ${f.kind}`);
    assert.equal(item.rationale?.conclusion?.polarity, want.polarity, where);
    assert.equal(fold(slice(item.rationale?.conclusion?.sentence.range)), want.conclusion, where);
    for (const f of [item.claimsAdministratorGuideline, item.reviewerGuideline]) {
      for (const c of f?.guideline?.citations ?? []) assert.equal(fold(slice(c.range)), c.text, `${where} citation`);
    }
  });
}

describe('the same letter under every extraction artefact', () => {
  for (const v of VARIANTS) {
    test(v.name, () => check(v.text, parse(v.text)));
  }

  test('all variants give the same reading (items, decisions, bodies, citations, conclusions, header values)', () => {
    const reading = (doc: ImrDocument) => ({
      header: Object.fromEntries(HEADER_NAMES.map((n) => [n, doc.header?.fields[n]?.value])),
      items: doc.items.map((i) => ({
        text: i.text.text,
        decision: i.decision?.value,
        fields: i.fields.map((f) => [
          f.kind,
          f.body.text,
          f.guideline?.citations.map((c) => c.text),
          f.conclusion?.polarity,
        ]),
      })),
      credentials: doc.credentials?.states.map((s) => s.text),
    });
    const base = reading(parse(at(VARIANTS, 0).text));
    for (const v of VARIANTS) {
      assert.deepEqual(reading(parse(v.text)), base, v.name);
    }
  });

  test('the variant tells how the text was extracted', () => {
    const extraction = (name: string) => parse(VARIANTS.find((v) => v.name === name)?.text ?? '').variant.extraction;
    assert.equal(extraction('LF'), 'plain');
    assert.equal(extraction('CRLF'), 'plain');
    assert.equal(extraction('doubled (seeds)'), 'doubled');
    assert.equal(extraction('doubled + CRLF + BOM'), 'doubled');
    assert.equal(extraction('-layout centring'), 'layout');
    assert.equal(extraction('-layout + lone CR'), 'layout');
  });
});

describe('tabs inside a line', () => {
  test('a tab between the colon and the decision', () => {
    const text = join([...PLAIN_LETTER.slice(0, 33), 'Labs to include: EKG:\tUpheld', ...PLAIN_LETTER.slice(34)], '\n');
    const item = at(parse(text).items, 0);
    assert.equal(item.text.text, 'Labs to include: EKG');
    assert.deepEqual(item.decision, {
      raw: 'Upheld',
      value: 'Upheld',
      range: { start: { line: 33, character: 22 }, end: { line: 33, character: 28 } },
    });
  });

  test('a tab after a label', () => {
    const lines = [...PLAIN_LETTER];
    lines[37] = at(lines, 37).replace('Decision rationale: ', 'Decision rationale:\t');
    const ra = at(parse(join(lines, '\n')).items, 0).rationale;
    assert.equal(ra?.body.text, PLAIN_LETTER_ITEMS[0].rationale);
    assert.deepEqual(ra?.body.range.start, { line: 37, character: 20 });
  });
});

describe('the checks above can fail', () => {
  test('a range one character off is caught', () => {
    const text = at(VARIANTS, 1).text;
    const doc = parse(text);
    const decision = at(doc.items, 0).decision;
    assert.ok(decision);
    const shifted = structuredClone(doc);
    const d = at(shifted.items, 0).decision;
    assert.ok(d);
    d.range = {
      start: { ...decision.range.start, character: decision.range.start.character + 1 },
      end: decision.range.end,
    };
    assert.throws(() => check(text, shifted), /Upheld/);
  });

  test('a position past the end of a CRLF line is caught (the \\r is not part of the line)', () => {
    const text = at(VARIANTS, 1).text;
    const doc = structuredClone(parse(text));
    const len = at(PLAIN_LETTER, 0).length;
    at(doc.sections, 0).headingRange = { start: { line: 0, character: 0 }, end: { line: 0, character: len + 1 } };
    assert.throws(() => check(text, doc), /not in 0\.\.12/);
  });
});
