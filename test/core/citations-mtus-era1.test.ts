// parseGuidelineBody(): lead-in sentences and MTUS era-1 (seed) citations.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { toRange, parse, offsets, numbers } from './citations-helpers';
import { at, defined, exactly, only } from '../support/elements';

describe('lead-in sentences', () => {
  test('Claims Administrator cites no evidence (CM16-0221706)', () => {
    const text = 'The Claims Administrator did not cite any medical evidence for its decision.';
    assert.deepEqual(parse(text), {
      noEvidence: true,
      noEvidenceRange: toRange(0, 76),
      party: 'Claims Administrator',
      outsideMtus: false,
      citations: [],
    });
  });

  test('Expert Reviewer cites no evidence (CM16-0238035)', () => {
    const body = parse('The Expert Reviewer did not cite any medical evidence for its decision.');
    assert.equal(body.noEvidence, true);
    assert.equal(body.party, 'Expert Reviewer');
    assert.deepEqual(body.noEvidenceRange, toRange(0, 71));
    assert.deepEqual(body.citations, []);
  });

  test('era 2: outside of the MTUS Guidelines (CM16-0221706)', () => {
    const text =
      'The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. ' +
      'Decision based on Non-MTUS Citation Sildenafil: Drug information, accessed from UpToDate.com on 12/17/2016.';
    const body = parse(text);
    assert.equal(body.outsideMtus, true);
    assert.equal(body.noEvidence, false);
    assert.equal(body.noEvidenceRange, undefined);
    assert.equal(body.party, 'Expert Reviewer');
    assert.deepEqual(body.citations, [
      {
        kind: 'non-mtus',
        text: 'Non-MTUS Citation Sildenafil: Drug information, accessed from UpToDate.com on 12/17/2016',
        parts: [],
        leadRange: toRange(112, 129),
        source: 'other',
        range: toRange(112, 200),
      },
    ]);
    assert.equal(text.slice(112, 200), at(body.citations, 0).text);
  });

  test('era 1: did not base their decision on the MTUS (seed 000)', () => {
    const text =
      'The Claims Administrator did not base their decision on the MTUS. ' +
      'Decision based on Non-MTUS Citation ODG Low Back Lumbar & Thoracic (Acute & Chronic).';
    const body = parse(text);
    assert.equal(body.outsideMtus, true);
    assert.equal(body.party, 'Claims Administrator');
    const citation = only(body.citations);
    assert.equal(citation.kind, 'non-mtus');
    assert.equal(citation.source, 'ODG');
    assert.equal(citation.chapter, 'Low Back Lumbar & Thoracic (Acute & Chronic)');
    assert.deepEqual(citation.range, toRange(84, 150));
    assert.deepEqual(citation.leadRange, toRange(84, 101));
    assert.equal(text.slice(...offsets(citation.leadRange)), 'Non-MTUS Citation');
    assert.equal(text.slice(...offsets(defined(citation.sourceRange))), 'ODG');
    assert.equal(
      text.slice(...offsets(defined(citation.chapterRange))),
      'Low Back Lumbar & Thoracic (Acute & Chronic)',
    );
  });
});

describe('MTUS era 1 (seeds)', () => {
  test('ACOEM chapter with title and page, then a non-MTUS sentence (seed 001)', () => {
    const text =
      'Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300. Decision based on Non-MTUS ' +
      'Citation Official Disability Guidelines (ODG) Low Back, Facet Joint Diagnostic Blocks (therapeutic ' +
      'injections), pages 412-418.';
    const body = parse(text);
    const [mtus, odg] = exactly(body.citations, 2);
    assert.equal(mtus.kind, 'mtus');
    assert.equal(mtus.text, 'MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300');
    assert.deepEqual(mtus.range, toRange(18, 72));
    assert.deepEqual(mtus.leadRange, toRange(18, 22));
    assert.deepEqual(mtus.parts, [
      {
        title: 'Low Back Complaints',
        chapter: 12,
        pages: [{ from: 300, range: toRange(69, 72) }],
        sections: [],
        range: toRange(23, 72),
        titleRange: toRange(23, 59),
      },
    ]);
    assert.equal(text.slice(23, 59), 'ACOEM Chapter 12 Low Back Complaints');
    assert.equal(text.slice(69, 72), '300');
    assert.equal(odg.kind, 'non-mtus');
    assert.equal(odg.source, 'ODG');
    assert.equal(odg.chapter, 'Low Back');
    assert.deepEqual(odg.range, toRange(92, 226));
    assert.equal(text.slice(92, 226), odg.text);
    assert.equal(text.slice(...offsets(defined(odg.sourceRange))), 'Official Disability Guidelines (ODG)');
    assert.equal(text.slice(...offsets(defined(odg.chapterRange))), 'Low Back');
  });

  test('chapter 8 (seed 003)', () => {
    const text = 'Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 174.';
    const citation = only(parse(text).citations);
    assert.deepEqual(citation.parts, [
      {
        title: 'Neck and Upper Back Complaints',
        chapter: 8,
        pages: [{ from: 174, range: toRange(79, 82) }],
        sections: [],
        range: toRange(23, 82),
        titleRange: toRange(23, 69),
      },
    ]);
    assert.equal(text.slice(23, 69), 'ACOEM Chapter 8 Neck and Upper Back Complaints');
    assert.equal(text.slice(79, 82), '174');
  });

  // The next three are constructed from §6 "Also accept"; not seen in the corpus.
  test('no chapter, page list with a comma (constructed)', () => {
    const text = 'Decision based on MTUS ACOEM Page(s): 92,127.';
    const part = only(only(parse(text).citations).parts);
    assert.deepEqual(part, {
      title: 'ACOEM',
      pages: [
        { from: 92, range: toRange(38, 40) },
        { from: 127, range: toRange(41, 44) },
      ],
      sections: [],
      range: toRange(23, 44),
      titleRange: toRange(23, 28),
    });
    assert.deepEqual([text.slice(23, 28), text.slice(38, 40), text.slice(41, 44)], ['ACOEM', '92', '127']);
  });

  test('Chronic Pain Treatment Guidelines, ranges with an abbreviated end (constructed)', () => {
    const text = 'Decision based on MTUS Chronic Pain Treatment Guidelines Page(s): 300-301 and 617-25.';
    const part = only(only(parse(text).citations).parts);
    assert.equal(part.title, 'Chronic Pain Medical Treatment');
    assert.equal(part.year, undefined);
    assert.deepEqual(part.pages, [
      { from: 300, to: 301, range: toRange(66, 73) },
      { from: 617, to: 625, range: toRange(78, 84) },
    ]);
    assert.deepEqual([text.slice(66, 73), text.slice(78, 84)], ['300-301', '617-25']);
  });

  test('Page(s): with nothing after it, and with the pages after a space (constructed)', () => {
    const empty = at(parse('Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s):').citations, 0);
    assert.deepEqual(numbers(at(empty.parts, 0).pages), []);
    assert.equal(at(empty.parts, 0).title, 'Chronic Pain Medical Treatment');
    const spaced = at(
      parse('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s):  300, 305').citations,
      0,
    );
    assert.deepEqual(numbers(at(spaced.parts, 0).pages), [{ from: 300 }, { from: 305 }]);
  });
});
