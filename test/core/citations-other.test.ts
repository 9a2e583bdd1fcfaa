// parseGuidelineBody(): non-MTUS citations, body shapes, tables and robustness.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MTUS_TITLES, lookupMtusTitle, odgChapterRegion } from '../../server/src/core/guidelines';
import type { Range } from '../../server/src/core/model';
import { toRange, parse, offsets } from './citations-helpers';
import { hostileCitationInputs } from '../support/hostileInputs';
import { at, only } from '../support/elements';

describe('non-MTUS citations', () => {
  const describeText = (free: string) => {
    const citation = only(parse(`Decision based on Non-MTUS Citation ${free}`).citations);
    return [citation.source, citation.chapter];
  };

  test('ODG spellings and chapters', () => {
    assert.deepEqual(
      describeText(
        'Official Disability Guidelines: Low Back - Lumbar & Thoracic (Acute & Chronic) Chapter (Online Version).',
      ),
      ['ODG', 'Low Back - Lumbar & Thoracic (Acute & Chronic)'],
    ); // CM16-0245295
    assert.deepEqual(describeText('Official Disability Guidelines (ODG) Knee & Leg Chapter, MRI.'), [
      'ODG',
      'Knee & Leg',
    ]); // CM17-0008633
    assert.deepEqual(describeText('Official Disability Guidelines (ODG) Pain (Chronic), Diclofenac.'), [
      'ODG',
      'Pain (Chronic)',
    ]); // CM17-0013320
    assert.deepEqual(
      describeText(
        'Official Disability Guidelines: Carpal Tunnel Syndrome (Acute & Chronic) Electrodiagnostic testing.',
      ),
      ['ODG', 'Carpal Tunnel Syndrome (Acute & Chronic)'],
    ); // CM16-0235991
    assert.deepEqual(describeText('Official Disability Guidelines (ODG) Preface/Physical therapy.'), [
      'ODG',
      'Preface',
    ]); // CM17-0006045
    assert.deepEqual(describeText('ODG- pain chapter and pg 92.'), ['ODG', 'pain']); // seed 000
    assert.deepEqual(describeText('Official Disability Guidelines-Low Back, Facet Joint Diagnostic Blocks.'), [
      'ODG',
      'Low Back',
    ]); // seed 001
    assert.deepEqual(
      describeText('Official Disability Guidelines (ODG), 2016, Neck and Upper Back, Indications for imaging.'),
      ['ODG', 'Neck and Upper Back'],
    ); // CM17-0005924
    assert.deepEqual(
      describeText(
        'Official Disability Guidelines (ODG) Chapter: Low Back-Lumbar & Thoracic (Acute & Chronic) 12/20/2016 MRI.',
      ),
      ['ODG', 'Low Back-Lumbar & Thoracic (Acute & Chronic)'],
    ); // CM17-0021791
    assert.deepEqual(describeText('ODG Hip & Pelvis.'), ['ODG', 'Hip & Pelvis']); // CM16-0248655
  });

  test('ODG without a recognisable chapter stays undefined', () => {
    assert.deepEqual(describeText('Official Disability Guidelines (ODG).'), ['ODG', undefined]); // CM16-0236380
    assert.deepEqual(describeText('Official Disability Guidelines (ODG) MRI shoulder.'), ['ODG', undefined]); // CM16-0233794
    assert.deepEqual(describeText('Official Disability Guidelines (ODG), Physical Therapy Guidelines.'), [
      'ODG',
      undefined,
    ]); // CM16-0235869
  });

  test('ACOEM and other sources', () => {
    assert.deepEqual(
      describeText('ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607.'),
      ['ACOEM', undefined],
    ); // CM16-0219557
    assert.deepEqual(describeText('ACOEM guidelines and the Official Disability Guidelines.'), ['ACOEM', undefined]); // CM16-0244053: first named wins
    assert.deepEqual(describeText("Green's Operative Hand Surgery, 6th ed Chapter 17: Distal Radius Fractures."), [
      'other',
      undefined,
    ]); // CM17-0015218
    assert.deepEqual(describeText('Centers for Medicare and Medicaid services, Physician Fee Schedule Search.'), [
      'other',
      undefined,
    ]); // CM17-0007142
  });

  test('missing final period (seed 003)', () => {
    const text =
      'The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation ' +
      '(ODG) Official Disability Guidelines ACOEM';
    const citation = only(parse(text).citations);
    assert.equal(citation.text, 'Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM');
    assert.equal(citation.source, 'ODG');
    assert.equal(citation.chapter, undefined);
    assert.deepEqual(citation.range, toRange(84, text.length));
  });

  test('a URL keeps its inner periods; only the final period goes (CM17-0011730)', () => {
    const citation = only(
      parse(
        'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back/Intra-operative monitoring ' +
          'and Other Medical Treatment Guidelines http://www.aetna.com/cpb/medical/data/100_199/0181.html.',
      ).citations,
    );
    assert.ok(citation.text.endsWith('0181.html'));
    assert.equal(citation.chapter, 'Low Back');
  });
});

describe('body shapes', () => {
  test('two "Decision based on" sentences: MTUS then non-MTUS (CM16-0249320)', () => {
    const text =
      'Decision based on MTUS Knee Complaints 2004, Section(s): Special Studies. Decision based on Non-MTUS ' +
      'Citation Official Disability Guidelines, Knee and Leg Chapter, MRIs (magnetic resonance imaging).';
    const body = parse(text);
    assert.deepEqual(
      body.citations.map((c) => [c.kind, ...offsets(c.range), c.source, c.chapter]),
      [
        ['mtus', 18, 72, undefined, undefined],
        ['non-mtus', 92, text.length - 1, 'ODG', 'Knee and Leg'],
      ],
    );
    assert.equal(body.party, undefined);
    assert.equal(body.outsideMtus, false);
  });

  test('empty string', () => {
    assert.deepEqual(parse(''), { noEvidence: false, outsideMtus: false, citations: [] });
  });

  test('garbage', () => {
    assert.deepEqual(parse('lorem ipsum, and 12-3 Page(s): (ODG'), {
      noEvidence: false,
      outsideMtus: false,
      citations: [],
    });
    const dangling = parse('Decision based on');
    assert.deepEqual(dangling.citations, [{ kind: 'non-mtus', text: '', parts: [], range: toRange(17, 17) }]);
    assert.deepEqual(at(parse('Decision based on MTUS.').citations, 0).parts, []);
  });
});

describe('tables', () => {
  test('MTUS_TITLES holds every §6 title with year, chapter and region', () => {
    const byTitle = (title: string, year: number) => MTUS_TITLES.find((t) => t.title === title && t.year === year);
    assert.deepEqual(byTitle('Low Back Complaints', 2004), {
      title: 'Low Back Complaints',
      year: 2004,
      chapter: 12,
      region: 'lumbar',
    });
    assert.deepEqual(byTitle('Neck and Upper Back Complaints', 2004), {
      title: 'Neck and Upper Back Complaints',
      year: 2004,
      chapter: 8,
      region: 'cervical',
    });
    assert.equal(byTitle('Chronic Pain Medical Treatment', 2009)?.region, 'general');
    assert.equal(byTitle('Chronic Pain Medical Treatment', 2016)?.chapter, undefined);
    assert.equal(byTitle('Forearm, Wrist, and Hand Complaints', 2004)?.region, 'wrist-hand');
    assert.equal(byTitle('Stress-Related Conditions', 2004)?.region, 'mental');
    assert.equal(MTUS_TITLES.length, 15);
  });

  test('lookupMtusTitle by title and year, or by era-1 chapter', () => {
    assert.equal(lookupMtusTitle({ title: 'Knee Complaints', year: 2004 })?.region, 'knee');
    assert.equal(lookupMtusTitle({ title: 'ACOEM', chapter: 12 })?.title, 'Low Back Complaints');
    assert.equal(lookupMtusTitle({ title: 'Hip Complaints', year: 2004 }), undefined);
  });

  test('odgChapterRegion', () => {
    assert.equal(odgChapterRegion('Low Back - Lumbar & Thoracic (Acute & Chronic)'), 'lumbar');
    assert.equal(odgChapterRegion('Neck & Upper Back'), 'cervical');
    assert.equal(odgChapterRegion('Knee and leg'), 'knee');
    assert.equal(odgChapterRegion('Forearm, Wrist, and hand'), 'wrist-hand');
    assert.equal(odgChapterRegion('Carpal Tunnel Syndrome (Acute & Chronic)'), 'wrist-hand');
    assert.equal(odgChapterRegion('Pain (Chronic)'), 'general');
    assert.equal(odgChapterRegion('Mental Illness and Stress'), 'mental');
    assert.equal(odgChapterRegion('Hip & Pelvis'), undefined);
    assert.equal(odgChapterRegion('Headache'), undefined);
  });
});

describe('robustness', () => {
  // Deterministic PRNG (mulberry32) so failures reproduce.
  const random = (() => {
    let seed = 0x1f2e3d4c;
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  })();
  const pick = <T>(items: readonly T[]): T => at(items, Math.floor(random() * items.length));
  const FRAGMENTS = [
    'Decision based on ',
    'MTUS ',
    'Non-MTUS Citation ',
    ', and ',
    ', ',
    'Section(s): ',
    'Page(s): ',
    'ACOEM ',
    'Chapter 12 ',
    'Low Back Complaints 2004',
    'Forearm, Wrist, and Hand Complaints',
    ' 2016',
    '300-29',
    '617-25',
    ' and ',
    '.',
    ' ',
    '  ',
    '(ODG) ',
    'Official Disability Guidelines ',
    'Knee & Leg',
    '(Acute & Chronic)',
    'The Expert Reviewer ',
    'did not cite any medical evidence for its decision',
    'outside of the MTUS Guidelines',
    '3.3.9 Opioids: x',
    'é',
    '\u2013',
    '\f',
    '\n',
    '999999999',
    'Guidelines',
    ':',
    '(',
    ')',
  ];
  const REAL = [
    'Decision based on MTUS Elbow Complaints 2007, Section(s): 326, and Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment.',
    'The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation ODG- neck pain and MBB- pg 26.',
    'Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300. Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back, Facet Joint Diagnostic Blocks (therapeutic injections), pages 412-418.',
  ];

  const mutate = (text: string): string => {
    let out = text;
    for (let n = Math.floor(random() * 4); n >= 0; n--) {
      const at = Math.floor(random() * (out.length + 1));
      const len = Math.floor(random() * 12);
      const op = random();
      if (op < 0.33) out = out.slice(0, at) + out.slice(at + len);
      else if (op < 0.66) out = out.slice(0, at) + pick(FRAGMENTS) + out.slice(at);
      else out = out.slice(0, at) + out.slice(at, at + len).repeat(3) + out.slice(at + len);
    }
    return out;
  };

  const checkInvariants = (text: string) => {
    const body = parse(text);
    for (const c of body.citations) {
      const [start, end] = offsets(c.range);
      if (!(start >= 0 && start <= end && end <= text.length)) {
        assert.fail(`citation out of bounds in ${JSON.stringify(text.slice(0, 200))}`);
      }
      assert.equal(text.slice(start, end), c.text);
      const within = (r: Range | undefined, [from, to]: [number, number], what: string) => {
        if (r)
          assert.ok(from <= r.start.character && r.start.character <= r.end.character && r.end.character <= to, what);
      };
      for (const r of [c.leadRange, c.sourceRange, c.chapterRange]) within(r, [start, end], 'citation piece bounds');
      for (const p of c.parts) {
        within(p.range, [start, end], 'part bounds');
        within(p.titleRange, offsets(p.range), 'title bounds');
        for (const s of p.sections) within(s.range, offsets(p.range), 'section bounds');
        for (const g of p.pages) within(g.range, offsets(p.range), 'page bounds');
      }
    }
    if (body.noEvidenceRange) assert.ok(body.noEvidenceRange.end.character <= text.length);
  };

  test('random strings, fragment soups and mutated real bodies never throw and stay in bounds', () => {
    for (let i = 0; i < 5000; i++) {
      let soup = '';
      for (let n = Math.floor(random() * 12); n > 0; n--) soup += pick(FRAGMENTS);
      checkInvariants(soup);
      checkInvariants(mutate(pick(REAL)));
      let chars = '';
      for (let n = Math.floor(random() * 40); n > 0; n--) chars += String.fromCharCode(Math.floor(random() * 0x10000));
      checkInvariants(chars);
    }
  });

  // Their speed is judged in `npm run bench` (hostile input row); the timeout only stops a hang.
  test('megabyte inputs keep the invariants (no catastrophic backtracking)', { timeout: 120_000 }, () => {
    for (const [, text] of hostileCitationInputs()) checkInvariants(text);
  });
});
