// Extraction artefacts in real text (format guide §4): every range of a parsed corpus excerpt lands exactly
// on its text. The same letter under synthetic artefacts: artefacts.test.ts.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '../../server/src/core/parse';
import type { ImrDocument, Range } from '../../server/src/core/model';
import {
  allRanges,
  fold,
  lineLengths,
  lineStarts,
  offsetOf,
  rangeOfString,
  rangeProblem,
} from '../fixtures/excerpts/source';
import { at } from '../support/elements';

// Byte-exact copies of decision sections from the corpus (test/fixtures/excerpts/*.txt), so that the real
// artefacts are tested even where ../shared/corpus is absent.
describe('real excerpts (copied from the corpus)', () => {
  const excerpt = (name: string) => readFileSync(resolve(process.cwd(), 'test/fixtures/excerpts', name), 'utf8');

  /** Ranges in bounds, decisions/labels/bodies exactly where they say. */
  function exactRanges(text: string, doc: ImrDocument): void {
    const starts = lineStarts(text);
    const lengths = lineLengths(text);
    const slice = (r: Range) =>
      text.slice(offsetOf(text, r.start, starts, lengths), offsetOf(text, r.end, starts, lengths));
    for (const { path, range } of allRanges(doc))
      assert.equal(rangeProblem(text, range, starts, lengths), undefined, path);
    for (const item of doc.items) {
      assert.ok(item.decision);
      assert.equal(slice(item.decision.range), item.decision.raw);
      assert.equal(fold(slice(item.text.range)), fold(item.text.text));
      for (const f of item.fields) {
        assert.equal(slice(f.labelRange), f.label);
        assert.equal(fold(slice(f.body.range)), fold(f.body.text));
      }
    }
  }

  test('seed 000 decisions (doubled; page break = 3 empty lines between an item line and its label)', () => {
    const text = excerpt('seed-000-decisions.txt');
    const doc = parse(text);
    exactRanges(text, doc);
    assert.equal(doc.layout, 'L3');
    assert.equal(doc.variant.extraction, 'doubled');
    assert.deepEqual(
      doc.items.map((i) => [
        i.text.text,
        i.decision?.value,
        i.decision?.range.start.line,
        i.fields.map((f) => f.labelRange.start.line),
        i.rationale?.conclusion?.polarity,
      ]),
      [
        ['Invasive pain management consultation', 'Upheld', 6, [10, 16, 22], 'negative'],
        ['Medial branch block at C5-6', 'Upheld', 52, [56, 64, 70], 'negative'],
        ['Follow up office visit following medial branch block', 'Upheld', 118, [122, 130, 136], 'negative'],
      ],
    );
    // Lines 7-9 are empty: the page break. The label's line is the 11th.
    assert.deepEqual(text.split('\n').slice(7, 10), ['', '', '']);
    assert.deepEqual(
      at(doc.items, 0).claimsAdministratorGuideline?.labelRange,
      rangeOfString(text, 'Claims Administrator guideline:'),
    );
    assert.equal(
      at(doc.items, 0).claimsAdministratorGuideline?.body.text,
      'The Claims Administrator did not cite any medical evidence for its decision.',
    );
    assert.equal(at(doc.items, 0).reviewerGuideline?.guideline?.outsideMtus, true);
  });

  test('CM17-0020384 text/ and layout/: the same partial-authorisation item; a form feed before the first label', () => {
    const forms = ['CM17-0020384-text.txt', 'CM17-0020384-layout.txt'].map((name) => {
      const text = excerpt(name);
      const doc = parse(text);
      exactRanges(text, doc);
      assert.equal(doc.items.length, 1, name);
      const item = at(doc.items, 0);
      assert.equal(item.decision?.value, 'Overturned', name);
      assert.equal(item.subject, 'EMG of the right upper extremity', name);
      assert.equal(item.partial?.form, 'remaining-portion', name);
      assert.equal(item.partial?.originalRequest.text, 'EMG/NCS of the right upper extremity', name);
      assert.equal(item.partial?.authorized?.text, 'NCS of the right upper extremity', name);
      assert.equal(item.rationale?.conclusion?.polarity, 'positive', name);
      assert.equal(
        item.rationale?.conclusion?.sentence.text,
        'For these reasons, both electromyography and nerve condition studies are medically necessary.',
        name,
      );
      // `\fClaims Administrator guideline:`: the label starts after the form feed.
      assert.deepEqual(
        item.claimsAdministratorGuideline?.labelRange,
        rangeOfString(text, 'Claims Administrator guideline:'),
        name,
      );
      assert.equal(item.claimsAdministratorGuideline?.labelRange.start.character, 1, name);
      return {
        text: item.text.text,
        fields: item.fields.map((f) => [f.kind, f.body.text, f.guideline?.citations.map((c) => c.text)]),
      };
    });
    assert.deepEqual(forms[1], forms[0]);
  });

  test('CM16-0238676 text/ and layout/: a decision alone on the next line, the item glued to a form feed', () => {
    const forms = ['CM16-0238676-text.txt', 'CM16-0238676-layout.txt'].map((name) => {
      const text = excerpt(name);
      const doc = parse(text);
      exactRanges(text, doc);
      assert.deepEqual(
        doc.items.map((i) => [i.text.text, i.decision?.value]),
        [
          ['Additional physical therapy three times a week for two weeks of the right hip and foot', 'Upheld'],
          ['MRI/CT of the spine and pelvis', 'Upheld'],
        ],
        name,
      );
      // The first line that is exactly `Upheld`, found without the parser.
      const loneLine = text.split('\n').indexOf('Upheld');
      assert.ok(loneLine > 0, name);
      assert.deepEqual(
        at(doc.items, 0).decision?.range,
        { start: { line: loneLine, character: 0 }, end: { line: loneLine, character: 6 } },
        name,
      );
      return doc.items.map((i) => i.fields.map((f) => f.body.text));
    });
    assert.deepEqual(forms[1], forms[0]);
  });
});
