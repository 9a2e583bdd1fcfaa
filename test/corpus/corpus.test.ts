// The whole shared corpus through parse(): the 3 seeds and the 117 dwc-2016 letters in both text/ and layout/
// form. Decisions are checked against an INDEPENDENT count (./independent-count.ts, no parser code), ranges
// against the original text, and the two forms of each dwc letter against each other.
// The corpus is found by test/support/corpus.ts. Without it these tests SKIP, unless CI=true, where they FAIL.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../server/src/core/parse';
import type { HeaderField, L3HeaderFieldName, ImrDocument, Range } from '../../server/src/core/model';
import { allRanges, fold, lineLengths, lineStarts, offsetOf, rangeProblem } from '../fixtures/excerpts/source';
import { countDecisions } from './independent-count';
import { reading } from './reading';
import { HEADER_NAMES } from '../core/parse-l3-helpers';
import { corpusAvailable, corpusNames, corpusPath, corpusPresent, FORMS } from '../support/corpus';
import { defined } from '../support/elements';

const SEEDS = corpusPath(FORMS.seeds);
const TEXT = corpusPath(FORMS.text);
const LAYOUT = corpusPath(FORMS.layout);

const HEADER_PATTERNS: Record<L3HeaderFieldName, RegExp> = {
  caseNumber: /^CM\d\d-\d{7}$/,
  dateAssigned: /^\d\d\/\d\d\/\d{4}$/,
  decisionDate: /^\d\d\/\d\d\/\d{4}$/,
  priority: /^Standard$/,
  dateOfInjury: /^\d\d\/\d\d\/\d{4}$/,
  urDenialDate: /^\d\d\/\d\d\/\d{4}$/,
  applicationReceived: /^\d\d\/\d\d\/\d{4}$/,
};
const LABELS = {
  claimsAdministratorGuideline: 'Claims Administrator guideline:',
  reviewerGuideline: 'MAXIMUS guideline:',
  rationale: 'Decision rationale:',
} as const;

/** Format guide §1: seed 000 is L3b (block credentials), 001 and 003 are L3a (inline). */
const SEED_CREDENTIALS: Record<string, 'block' | 'inline'> = {
  '000_a23c1bfa7502e53c.txt': 'block',
  '001_5b4dca91092a81f1.txt': 'inline',
  '003_4eeb92eb9dbe0eac.txt': 'inline',
};

type Form = 'seed' | 'text' | 'layout';

interface Letter {
  form: Form;
  name: string;
  text: string;
  doc: ImrDocument;
}

const cache = new Map<string, Letter>();
function load(form: Form, dir: string, name: string): Letter {
  const key = `${form}/${name}`;
  let letter = cache.get(key);
  if (!letter) {
    const text = readFileSync(join(dir, name), 'utf8');
    letter = { form, name, text, doc: parse(text) };
    cache.set(key, letter);
  }
  return letter;
}

/** Everything that must hold for one real letter in any form. Failures name the file. */
function checkLetter({ form, name, text, doc }: Letter): void {
  const where = `${form}/${name}`;
  const starts = lineStarts(text);
  const lengths = lineLengths(text);
  const slice = (r: Range) =>
    text.slice(offsetOf(text, r.start, starts, lengths), offsetOf(text, r.end, starts, lengths));

  assert.equal(doc.layout, 'L3', `${where}: layout`);
  assert.deepEqual(doc.problems, [], `${where}: structural problems`);
  assert.equal(doc.lineCount, starts.length, `${where}: lineCount`);
  for (const { path, range } of allRanges(doc)) {
    assert.equal(rangeProblem(text, range, starts, lengths), undefined, `${where}: ${path} ${JSON.stringify(range)}`);
  }

  // Decisions: the parser's items against the independent count, position for position.
  const counted = countDecisions(text);
  assert.ok(counted.length > 0, `${where}: the independent count found no decision`);
  assert.deepEqual(
    doc.items.map((i) => [i.decision?.value, i.decision?.range.start.line, i.decision?.range.start.character]),
    counted.map((c) => [c.decision, c.line, c.character]),
    `${where}: decisions (value, line, character) vs the independent count`,
  );

  doc.items.forEach((item, k) => {
    const at = `${where} item ${k + 1}`;
    assert.equal(item.index, k + 1, at);
    assert.ok(item.decision, at);
    assert.equal(item.decision.raw, item.decision.value, at);
    assert.equal(slice(item.decision.range), item.decision.raw, `${at}: decision range`);
    assert.ok(item.text.text.length > 0, `${at}: empty item text`);
    assert.doesNotMatch(item.text.text, /:$/, `${at}: the colon before the decision is not item text`);
    assert.equal(fold(slice(item.text.range)), fold(item.text.text), `${at}: item text range`);
    // Every real item has exactly its three fields, in order.
    assert.deepEqual(
      item.fields.map((f) => f.kind),
      ['claimsAdministratorGuideline', 'reviewerGuideline', 'rationale'],
      `${at}: fields`,
    );
    for (const f of item.fields) {
      assert.equal(f.label, LABELS[f.kind], `${at}: ${f.kind} label`);
      assert.equal(slice(f.labelRange), LABELS[f.kind], `${at}: ${f.kind} label range`);
      assert.ok(f.body.text.length > 0, `${at}: ${f.kind} body empty`);
      assert.equal(fold(slice(f.body.range)), fold(f.body.text), `${at}: ${f.kind} body range`);
      // No label text leaks into another field's body.
      assert.doesNotMatch(
        f.body.text,
        /Claims Administrator guideline:|MAXIMUS guideline:|Decision rationale:/,
        `${at}: ${f.kind} body`,
      );
    }
    assert.equal(item.claimsAdministratorGuideline, item.fields[0], at);
    assert.equal(item.reviewerGuideline, item.fields[1], at);
    assert.equal(item.rationale, item.fields[2], at);
    // Guideline fields: either "did not cite", or at least one citation.
    for (const f of [item.claimsAdministratorGuideline, item.reviewerGuideline]) {
      const g = f?.guideline;
      assert.ok(g, `${at}: ${f?.kind} guideline reading`);
      assert.ok(
        g.noEvidence || g.citations.length > 0,
        `${at}: ${f?.kind} has neither "did not cite" nor a citation: ${f?.body.text}`,
      );
      for (const c of g.citations) {
        assert.equal(fold(slice(c.range)), fold(c.text), `${at}: citation range`);
        if (c.chapter) assert.equal(fold(slice(defined(c.chapterRange))), fold(c.chapter), `${at}: ODG chapter range`);
        for (const p of c.parts) {
          for (const s of p.sections) assert.equal(fold(slice(s.range)), fold(s.name), `${at}: MTUS section range`);
          for (const page of p.pages) assert.match(slice(page.range), /^\d[\d\s–-]*$/, `${at}: MTUS page range`);
        }
      }
    }
    // The conclusion agrees with the decision (§7: none of the 247 contradicts it).
    const conclusion = item.rationale?.conclusion;
    assert.ok(conclusion, `${at}: no necessity conclusion in: …${item.rationale?.body.text.slice(-200)}`);
    assert.equal(
      conclusion.polarity,
      item.decision.value === 'Upheld' ? 'negative' : 'positive',
      `${at}: "${conclusion.sentence.text}"`,
    );
    assert.equal(fold(slice(conclusion.sentence.range)), fold(conclusion.sentence.text), `${at}: conclusion range`);
  });

  // Credentials in every letter.
  const c = doc.credentials;
  assert.ok(c, `${where}: credentials`);
  assert.ok(c.states.length >= 1 && c.specialties.length >= 1, `${where}: states and specialties`);
  for (const s of [...c.states, ...c.specialties]) {
    assert.match(s.text, /^[A-Z]/, `${where}: credential "${s.text}"`);
    assert.equal(fold(slice(s.range)), fold(s.text), `${where}: credential range`);
  }
  assert.equal(doc.variant.credentialsForm, c.form, where);

  if (form === 'seed') {
    assert.equal(doc.header, undefined, `${where}: seeds have no header`);
    assert.deepEqual(
      doc.variant,
      { hasHeader: false, credentialsForm: SEED_CREDENTIALS[name], citationEra: 1, extraction: 'doubled' },
      where,
    );
    assert.equal(c.form, SEED_CREDENTIALS[name], `${where}: credentials form`);
  } else {
    const fields = doc.header?.fields;
    assert.ok(fields, `${where}: header`);
    for (const h of HEADER_NAMES) {
      const f: HeaderField | undefined = fields[h];
      assert.ok(f, `${where}: header ${h} missing`);
      assert.match(f.value, HEADER_PATTERNS[h], `${where}: header ${h}`);
      assert.equal(slice(f.valueRange), f.value, `${where}: header ${h} value range`);
    }
    assert.equal(fields.caseNumber?.value, name.replace(/\.txt$/, ''), `${where}: case number is the file name`);
    assert.equal(c.form, 'block', `${where}: 2016 letters use block credentials`);
    assert.deepEqual(
      doc.variant,
      { hasHeader: true, credentialsForm: 'block', citationEra: 2, extraction: form === 'layout' ? 'layout' : 'plain' },
      where,
    );
  }
}

if (!corpusPresent()) {
  test('shared corpus', (t) => void corpusAvailable(t));
} else {
  const seedNames = corpusNames('seeds');
  const textNames = corpusNames('text');
  const layoutNames = corpusNames('layout');

  test('the corpus is complete: 3 seeds, 117 letters in text/ and the same 117 in layout/', () => {
    assert.deepEqual(seedNames, Object.keys(SEED_CREDENTIALS).sort());
    assert.equal(textNames.length, 117);
    assert.deepEqual(layoutNames, textNames);
  });

  describe('seeds', () => {
    for (const name of seedNames) test(name, () => checkLetter(load('seed', SEEDS, name)));
  });

  describe('dwc-2016/text', () => {
    for (const name of textNames) test(name, () => checkLetter(load('text', TEXT, name)));
  });

  describe('dwc-2016/layout', () => {
    for (const name of layoutNames) test(name, () => checkLetter(load('layout', LAYOUT, name)));
  });

  describe('text/ and layout/ give the same letter', () => {
    for (const name of textNames) {
      test(name, () => {
        const a = reading(load('text', TEXT, name).doc);
        const b = reading(load('layout', LAYOUT, name).doc);
        assert.deepEqual(b, a, `${name}: layout/ vs text/`);
      });
    }
  });

  describe('every dwc letter under extraction artefacts reads the same (§4)', () => {
    const TRANSFORMS: Record<string, (t: string) => string> = {
      CRLF: (t) => t.replace(/\n/g, '\r\n'),
      'lone CR': (t) => t.replace(/\n/g, '\r'),
      BOM: (t) => '\ufeff' + t,
      'trailing spaces': (t) => t.replace(/\n/g, ' \n'),
      'doubled (seed style)': (t) =>
        t
          .split('\n')
          .map((l) => (l === '' ? ' ' : `${l} `))
          .join('\n\n'),
      'tab indentation': (t) => t.replace(/\n(?=[A-Z])/g, '\n\t'),
    };
    const exact = (doc: ImrDocument) => ({
      header: Object.fromEntries(HEADER_NAMES.map((n) => [n, doc.header?.fields[n]?.value])),
      items: doc.items.map((i) => [
        i.text.text,
        i.decision?.value,
        i.fields.map((f) => [f.kind, f.body.text, f.conclusion?.polarity]),
      ]),
      credentials: doc.credentials?.states.map((s) => s.text),
    });
    for (const [form, dir, names] of [
      ['text', TEXT, textNames],
      ['layout', LAYOUT, layoutNames],
    ] as const) {
      for (const [name, transform] of Object.entries(TRANSFORMS)) {
        test(`${form}/: ${name}`, () => {
          for (const file of names) {
            const base = load(form, dir, file);
            const text = transform(base.text);
            const doc = parse(text);
            const where = `${form}/${file} (${name})`;
            assert.deepEqual(exact(doc), exact(base.doc), where);
            assert.deepEqual(
              doc.items.map((i) => [i.decision?.range.start.line, i.decision?.range.start.character]),
              countDecisions(text).map((c) => [c.line, c.character]),
              `${where}: decision positions vs the independent count`,
            );
            const starts = lineStarts(text);
            const lengths = lineLengths(text);
            for (const { path, range } of allRanges(doc)) {
              assert.equal(rangeProblem(text, range, starts, lengths), undefined, `${where}: ${path}`);
            }
            for (const i of doc.items) {
              const d = i.decision?.range;
              assert.ok(d, where);
              assert.equal(
                text.slice(offsetOf(text, d.start, starts, lengths), offsetOf(text, d.end, starts, lengths)),
                i.decision?.raw,
                where,
              );
            }
          }
        });
      }
    }
  });

  describe('totals (format guide §3)', () => {
    const tally = (form: Form, dir: string, names: string[]) => {
      const t = {
        letters: 0,
        items: 0,
        Upheld: 0,
        Overturned: 0,
        independent: 0,
        oneItem: 0,
        largest: 0,
        allUpheld: 0,
        allOverturned: 0,
        mixed: 0,
        partial: 0,
      };
      for (const name of names) {
        const { text, doc } = load(form, dir, name);
        t.letters++;
        t.items += doc.items.length;
        t.independent += countDecisions(text).length;
        let up = 0;
        for (const i of doc.items) {
          if (i.decision?.value === 'Upheld') {
            t.Upheld++;
            up++;
          }
          if (i.decision?.value === 'Overturned') t.Overturned++;
          if (i.partial) t.partial++;
        }
        if (doc.items.length === 1) t.oneItem++;
        t.largest = Math.max(t.largest, doc.items.length);
        if (up === doc.items.length) t.allUpheld++;
        else if (up === 0) t.allOverturned++;
        else t.mixed++;
      }
      return t;
    };
    // §5: 24 remaining-portion + 4 leaving-eligible preambles (the 2 without "is" are among the 24).
    const expected = {
      letters: 117,
      items: 247,
      Upheld: 214,
      Overturned: 33,
      independent: 247,
      oneItem: 76,
      largest: 10,
      allUpheld: 94,
      allOverturned: 18,
      mixed: 5,
      partial: 28,
    };

    test('text/: 247 items, 214 Upheld, 33 Overturned; 76 one-item letters; 94/18/5 all-Upheld/all-Overturned/mixed', () => {
      assert.deepEqual(tally('text', TEXT, textNames), expected);
    });

    test('layout/: the same totals', () => {
      assert.deepEqual(tally('layout', LAYOUT, layoutNames), expected);
    });

    test('seeds: 5 items, 4 Upheld, 1 Overturned (independent count too)', () => {
      const t = tally('seed', SEEDS, seedNames);
      assert.deepEqual([t.items, t.Upheld, t.Overturned, t.independent], [5, 4, 1, 5]);
    });

    test('partial-authorisation forms (§5): 22 remaining-portion with "is", 2 without, 4 leaving-eligible', () => {
      const forms: Record<string, number> = {};
      for (const name of textNames) {
        for (const i of load('text', TEXT, name).doc.items)
          if (i.partial) forms[i.partial.form] = (forms[i.partial.form] ?? 0) + 1;
      }
      assert.deepEqual(forms, { 'remaining-portion': 22, 'no-is': 2, 'leaving-eligible': 4 });
    });
  });
}
