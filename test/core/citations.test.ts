import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseGuidelineBody } from '../../server/src/core/citations';
import { MTUS_TITLES, lookupMtusTitle, odgChapterRegion } from '../../server/src/core/guidelines';
import type { GuidelineBody, PageRef, Range, SectionRef } from '../../server/src/core/model';

// Offsets map to line 0 so every range can be checked against the offsets it was made from.
const toRange = (start: number, end: number): Range => ({
  start: { line: 0, character: start },
  end: { line: 0, character: end },
});
const parse = (text: string): GuidelineBody => parseGuidelineBody(text, toRange);
/** The [start, end) offsets a range made by `toRange` stands for. */
const offsets = (r: Range): [number, number] => [r.start.character, r.end.character];
const names = (sections: readonly SectionRef[]) => sections.map((s) => s.name);
const numbers = (pages: readonly PageRef[]) => pages.map(({ from, to }) => (to === undefined ? { from } : { from, to }));

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
    assert.equal(text.slice(112, 200), body.citations[0]!.text);
  });

  test('era 1: did not base their decision on the MTUS (seed 000)', () => {
    const text =
      'The Claims Administrator did not base their decision on the MTUS. ' +
      'Decision based on Non-MTUS Citation ODG Low Back Lumbar & Thoracic (Acute & Chronic).';
    const body = parse(text);
    assert.equal(body.outsideMtus, true);
    assert.equal(body.party, 'Claims Administrator');
    const [citation] = body.citations;
    assert.equal(citation!.kind, 'non-mtus');
    assert.equal(citation!.source, 'ODG');
    assert.equal(citation!.chapter, 'Low Back Lumbar & Thoracic (Acute & Chronic)');
    assert.deepEqual(citation!.range, toRange(84, 150));
    assert.deepEqual(citation!.leadRange, toRange(84, 101));
    assert.equal(text.slice(...offsets(citation!.leadRange!)), 'Non-MTUS Citation');
    assert.equal(text.slice(...offsets(citation!.sourceRange!)), 'ODG');
    assert.equal(text.slice(...offsets(citation!.chapterRange!)), 'Low Back Lumbar & Thoracic (Acute & Chronic)');
  });
});

describe('MTUS era 1 (seeds)', () => {
  test('ACOEM chapter with title and page, then a non-MTUS sentence (seed 001)', () => {
    const text =
      'Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300. Decision based on Non-MTUS ' +
      'Citation Official Disability Guidelines (ODG) Low Back, Facet Joint Diagnostic Blocks (therapeutic ' +
      'injections), pages 412-418.';
    const body = parse(text);
    assert.equal(body.citations.length, 2);
    const [mtus, odg] = body.citations;
    assert.equal(mtus!.kind, 'mtus');
    assert.equal(mtus!.text, 'MTUS ACOEM Chapter 12 Low Back Complaints Page(s): 300');
    assert.deepEqual(mtus!.range, toRange(18, 72));
    assert.deepEqual(mtus!.leadRange, toRange(18, 22));
    assert.deepEqual(mtus!.parts, [
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
    assert.equal(odg!.kind, 'non-mtus');
    assert.equal(odg!.source, 'ODG');
    assert.equal(odg!.chapter, 'Low Back');
    assert.deepEqual(odg!.range, toRange(92, 226));
    assert.equal(text.slice(92, 226), odg!.text);
    assert.equal(text.slice(...offsets(odg!.sourceRange!)), 'Official Disability Guidelines (ODG)');
    assert.equal(text.slice(...offsets(odg!.chapterRange!)), 'Low Back');
  });

  test('chapter 8 (seed 003)', () => {
    const text = 'Decision based on MTUS ACOEM Chapter 8 Neck and Upper Back Complaints Page(s): 174.';
    const [citation] = parse(text).citations;
    assert.deepEqual(citation!.parts, [
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
    const [part] = parse(text).citations[0]!.parts;
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
    const [part] = parse(text).citations[0]!.parts;
    assert.equal(part!.title, 'Chronic Pain Medical Treatment');
    assert.equal(part!.year, undefined);
    assert.deepEqual(part!.pages, [
      { from: 300, to: 301, range: toRange(66, 73) },
      { from: 617, to: 625, range: toRange(78, 84) },
    ]);
    assert.deepEqual([text.slice(66, 73), text.slice(78, 84)], ['300-301', '617-25']);
  });

  test('Page(s): with nothing after it, and with the pages after a space (constructed)', () => {
    const empty = parse('Decision based on MTUS Chronic Pain Medical Treatment Guidelines Page(s):').citations[0]!;
    assert.deepEqual(numbers(empty.parts[0]!.pages), []);
    assert.equal(empty.parts[0]!.title, 'Chronic Pain Medical Treatment');
    const spaced = parse('Decision based on MTUS ACOEM Chapter 12 Low Back Complaints Page(s):  300, 305').citations[0]!;
    assert.deepEqual(numbers(spaced.parts[0]!.pages), [{ from: 300 }, { from: 305 }]);
  });
});

describe('MTUS era 2', () => {
  test('title and year only (CM16-0219557)', () => {
    const body = parse('Decision based on MTUS Low Back Complaints 2004.');
    assert.deepEqual(body.citations, [
      {
        kind: 'mtus',
        text: 'MTUS Low Back Complaints 2004',
        parts: [{ title: 'Low Back Complaints', year: 2004, pages: [], sections: [], range: toRange(23, 47), titleRange: toRange(23, 47) }],
        leadRange: toRange(18, 22),
        range: toRange(18, 47),
      },
    ]);
  });

  test('`Guidelines` after the year (constructed)', () => {
    const [part] = parse(
      'Decision based on MTUS Chronic Pain Medical Treatment 2016 Guidelines, Section(s): Opioids, criteria for use.',
    ).citations[0]!.parts;
    assert.equal(part!.title, 'Chronic Pain Medical Treatment');
    assert.equal(part!.year, 2016);
    assert.deepEqual(names(part!.sections), ['Opioids, criteria for use']);
  });

  test('sections containing commas stay whole (CM17-0019171)', () => {
    const [part] = parse(
      'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs (non-steroidal ' +
        'anti-inflammatory drugs), NSAIDs, GI symptoms & cardiovascular risk, NSAIDs, hypertension and renal ' +
        'function, NSAIDs, specific drug list & adverse effects.',
    ).citations[0]!.parts;
    assert.deepEqual(names(part!.sections), [
      'NSAIDs (non-steroidal anti-inflammatory drugs)',
      'NSAIDs, GI symptoms & cardiovascular risk',
      'NSAIDs, hypertension and renal function',
      'NSAIDs, specific drug list & adverse effects',
    ]);
  });

  test('lowercase continuation vs capitalised new section', () => {
    const sectionsOf = (text: string) => names(parse(text).citations[0]!.parts[0]!.sections);
    // CM16-0231745
    assert.deepEqual(
      sectionsOf('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): TENS, chronic pain (transcutaneous electrical nerve stimulation).'),
      ['TENS, chronic pain (transcutaneous electrical nerve stimulation)'],
    );
    // CM16-0237163
    assert.deepEqual(
      sectionsOf('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for pain), Cyclobenzaprine (Flexeril).'),
      ['Muscle relaxants (for pain)', 'Cyclobenzaprine (Flexeril)'],
    );
    // CM17-0003192: a one-word section followed by a capitalised one
    assert.deepEqual(
      sectionsOf('Decision based on MTUS Elbow Complaints 2007, Section(s): Recommendations, Radial Head Fracture.'),
      ['Recommendations', 'Radial Head Fracture'],
    );
    // CM17-0020243: typos are kept as written
    assert.deepEqual(
      sectionsOf('Decision based on MTUS Low Back Complaints 2004, Section(s): Diagnositc Criteria, Special Studies.'),
      ['Diagnositc Criteria', 'Special Studies'],
    );
  });

  test('numbered opioid sections split only before a section number (CM17-0016311)', () => {
    const text =
      'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Tramadol (Ultram), and Opioid ' +
      'Treatment 2016, Section(s): 3.3.1.1 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for ' +
      'Risk of Addiction or Adverse Events, Prior to Chronic Opioid Treatment: Screening for Drug Misuse/Abuse, ' +
      '3.3.1.2 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse ' +
      'Events, Prior to Chronic Opioid Treatment: Screening for Alcohol Misuse/Abuse.';
    const { parts } = parse(text).citations[0]!;
    assert.equal(parts.length, 2);
    assert.deepEqual(names(parts[0]!.sections), ['Tramadol (Ultram)']);
    assert.equal(parts[1]!.title, 'Opioid Treatment');
    assert.equal(parts[1]!.year, 2016);
    assert.deepEqual(names(parts[1]!.sections), [
      '3.3.1.1 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse ' +
        'Events, Prior to Chronic Opioid Treatment: Screening for Drug Misuse/Abuse',
      '3.3.1.2 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse ' +
        'Events, Prior to Chronic Opioid Treatment: Screening for Alcohol Misuse/Abuse',
    ]);
  });

  test('single numbered section (CM17-0012593)', () => {
    const [part] = parse(
      'Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.9 Opioids for Chronic Pain and Chronic ' +
        'Opioid Treatment: Maintenance of Chronic Opioid Treatment.',
    ).citations[0]!.parts;
    assert.deepEqual(names(part!.sections), [
      '3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment',
    ]);
  });

  test('parts joined with ", and"; a page number as section (CM17-0002324)', () => {
    const text =
      'Decision based on MTUS Elbow Complaints 2007, Section(s): 326, and Chronic Pain Medical Treatment 2016, ' +
      'Section(s): Physical medicine treatment.';
    const [citation] = parse(text).citations;
    assert.deepEqual(citation!.parts, [
      {
        title: 'Elbow Complaints',
        year: 2007,
        pages: [{ from: 326, range: toRange(58, 61) }],
        sections: [{ name: '326', range: toRange(58, 61) }],
        range: toRange(23, 61),
        titleRange: toRange(23, 44),
      },
      {
        title: 'Chronic Pain Medical Treatment',
        year: 2016,
        pages: [],
        sections: [{ name: 'Physical medicine treatment', range: toRange(116, 143) }],
        range: toRange(67, 143),
        titleRange: toRange(67, 102),
      },
    ]);
    assert.equal(text.slice(23, 61), 'Elbow Complaints 2007, Section(s): 326');
    assert.equal(text.slice(23, 44), 'Elbow Complaints 2007');
    assert.equal(text.slice(67, 102), 'Chronic Pain Medical Treatment 2016');
    assert.equal(text.slice(116, 143), 'Physical medicine treatment');
    assert.equal(citation!.range.end.character, 143);
  });

  test('", and" inside `Forearm, Wrist, and Hand Complaints` does not split (CM16-0230548)', () => {
    const { parts } = parse(
      'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies, and Forearm, ' +
        'Wrist, and Hand Complaints 2004, Section(s): Special Studies.',
    ).citations[0]!;
    assert.deepEqual(
      parts.map((p) => [p.title, p.year, names(p.sections)]),
      [
        ['Neck and Upper Back Complaints', 2004, ['Special Studies']],
        ['Forearm, Wrist, and Hand Complaints', 2004, ['Special Studies']],
      ],
    );
  });

  test('three parts, the last with two sections (CM16-0234464)', () => {
    const { parts } = parse(
      'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Initial Care, and Shoulder ' +
        'Complaints 2004, Section(s): Initial Care, and Low Back Complaints 2004, Section(s): Initial Care, ' +
        'Physical Methods.',
    ).citations[0]!;
    assert.deepEqual(
      parts.map((p) => [p.title, p.sections.map((s) => s.name), ...offsets(p.range)]),
      [
        ['Neck and Upper Back Complaints', ['Initial Care'], 23, 84],
        ['Shoulder Complaints', ['Initial Care'], 90, 140],
        ['Low Back Complaints', ['Initial Care', 'Physical Methods'], 146, 214],
      ],
    );
  });

  test('parts without sections joined with ", and" (CM17-0006045)', () => {
    const { parts } = parse(
      'Decision based on MTUS Postsurgical Treatment 2009, and Chronic Pain Medical Treatment 2016.',
    ).citations[0]!;
    assert.deepEqual(
      parts.map((p) => [p.title, p.year, names(p.sections)]),
      [
        ['Postsurgical Treatment', 2009, []],
        ['Chronic Pain Medical Treatment', 2016, []],
      ],
    );
  });
});

describe('non-MTUS citations', () => {
  const describeText = (free: string) => {
    const [citation] = parse(`Decision based on Non-MTUS Citation ${free}`).citations;
    return [citation!.source, citation!.chapter];
  };

  test('ODG spellings and chapters', () => {
    assert.deepEqual(describeText('Official Disability Guidelines: Low Back - Lumbar & Thoracic (Acute & Chronic) Chapter (Online Version).'), ['ODG', 'Low Back - Lumbar & Thoracic (Acute & Chronic)']); // CM16-0245295
    assert.deepEqual(describeText('Official Disability Guidelines (ODG) Knee & Leg Chapter, MRI.'), ['ODG', 'Knee & Leg']); // CM17-0008633
    assert.deepEqual(describeText('Official Disability Guidelines (ODG) Pain (Chronic), Diclofenac.'), ['ODG', 'Pain (Chronic)']); // CM17-0013320
    assert.deepEqual(describeText('Official Disability Guidelines: Carpal Tunnel Syndrome (Acute & Chronic) Electrodiagnostic testing.'), ['ODG', 'Carpal Tunnel Syndrome (Acute & Chronic)']); // CM16-0235991
    assert.deepEqual(describeText('Official Disability Guidelines (ODG) Preface/Physical therapy.'), ['ODG', 'Preface']); // CM17-0006045
    assert.deepEqual(describeText('ODG- pain chapter and pg 92.'), ['ODG', 'pain']); // seed 000
    assert.deepEqual(describeText('Official Disability Guidelines-Low Back, Facet Joint Diagnostic Blocks.'), ['ODG', 'Low Back']); // seed 001
    assert.deepEqual(describeText('Official Disability Guidelines (ODG), 2016, Neck and Upper Back, Indications for imaging.'), ['ODG', 'Neck and Upper Back']); // CM17-0005924
    assert.deepEqual(describeText('Official Disability Guidelines (ODG) Chapter: Low Back-Lumbar & Thoracic (Acute & Chronic) 12/20/2016 MRI.'), ['ODG', 'Low Back-Lumbar & Thoracic (Acute & Chronic)']); // CM17-0021791
    assert.deepEqual(describeText('ODG Hip & Pelvis.'), ['ODG', 'Hip & Pelvis']); // CM16-0248655
  });

  test('ODG without a recognisable chapter stays undefined', () => {
    assert.deepEqual(describeText('Official Disability Guidelines (ODG).'), ['ODG', undefined]); // CM16-0236380
    assert.deepEqual(describeText('Official Disability Guidelines (ODG) MRI shoulder.'), ['ODG', undefined]); // CM16-0233794
    assert.deepEqual(describeText('Official Disability Guidelines (ODG), Physical Therapy Guidelines.'), ['ODG', undefined]); // CM16-0235869
  });

  test('ACOEM and other sources', () => {
    assert.deepEqual(describeText('ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Low Back Disorders, pg. 607.'), ['ACOEM', undefined]); // CM16-0219557
    assert.deepEqual(describeText('ACOEM guidelines and the Official Disability Guidelines.'), ['ACOEM', undefined]); // CM16-0244053: first named wins
    assert.deepEqual(describeText("Green's Operative Hand Surgery, 6th ed Chapter 17: Distal Radius Fractures."), ['other', undefined]); // CM17-0015218
    assert.deepEqual(describeText('Centers for Medicare and Medicaid services, Physician Fee Schedule Search.'), ['other', undefined]); // CM17-0007142
  });

  test('missing final period (seed 003)', () => {
    const text =
      'The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation ' +
      '(ODG) Official Disability Guidelines ACOEM';
    const [citation] = parse(text).citations;
    assert.equal(citation!.text, 'Non-MTUS Citation (ODG) Official Disability Guidelines ACOEM');
    assert.equal(citation!.source, 'ODG');
    assert.equal(citation!.chapter, undefined);
    assert.deepEqual(citation!.range, toRange(84, text.length));
  });

  test('a URL keeps its inner periods; only the final period goes (CM17-0011730)', () => {
    const [citation] = parse(
      'Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low Back/Intra-operative monitoring ' +
        'and Other Medical Treatment Guidelines http://www.aetna.com/cpb/medical/data/100_199/0181.html.',
    ).citations;
    assert.ok(citation!.text.endsWith('0181.html'));
    assert.equal(citation!.chapter, 'Low Back');
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
    assert.deepEqual(parse('lorem ipsum, and 12-3 Page(s): (ODG'), { noEvidence: false, outsideMtus: false, citations: [] });
    const dangling = parse('Decision based on');
    assert.deepEqual(dangling.citations, [
      { kind: 'non-mtus', text: '', parts: [], range: toRange(17, 17) },
    ]);
    assert.deepEqual(parse('Decision based on MTUS.').citations[0]!.parts, []);
  });
});

describe('tables', () => {
  test('MTUS_TITLES holds every §6 title with year, chapter and region', () => {
    const byTitle = (title: string, year: number) => MTUS_TITLES.find((t) => t.title === title && t.year === year);
    assert.deepEqual(byTitle('Low Back Complaints', 2004), { title: 'Low Back Complaints', year: 2004, chapter: 12, region: 'lumbar' });
    assert.deepEqual(byTitle('Neck and Upper Back Complaints', 2004), { title: 'Neck and Upper Back Complaints', year: 2004, chapter: 8, region: 'cervical' });
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
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const FRAGMENTS = [
    'Decision based on ', 'MTUS ', 'Non-MTUS Citation ', ', and ', ', ', 'Section(s): ', 'Page(s): ', 'ACOEM ',
    'Chapter 12 ', 'Low Back Complaints 2004', 'Forearm, Wrist, and Hand Complaints', ' 2016', '300-29', '617-25',
    ' and ', '.', ' ', '  ', '(ODG) ', 'Official Disability Guidelines ', 'Knee & Leg', '(Acute & Chronic)',
    'The Expert Reviewer ', 'did not cite any medical evidence for its decision', 'outside of the MTUS Guidelines',
    '3.3.9 Opioids: x', 'é', '\u2013', '\f', '\n', '999999999', 'Guidelines', ':', '(', ')',
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
        if (r) assert.ok(from <= r.start.character && r.start.character <= r.end.character && r.end.character <= to, what);
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

  test('megabyte inputs finish quickly (no catastrophic backtracking)', () => {
    const spaces = ' '.repeat(1_000_000);
    const inputs = [
      spaces,
      `Decision based on Non-MTUS Citation ODG Low Back${spaces}x`,
      `Decision based on MTUS Low Back Complaints${spaces}x`,
      `Decision based on MTUS ${', and Low Back Complaints 2004'.repeat(30_000)}`,
      `Decision based on MTUS Low Back Complaints 2004, Section(s): ${'NSAIDs, a, '.repeat(90_000)}`,
      `Decision based on MTUS ACOEM Page(s): ${'1-2, '.repeat(200_000)}`,
      'Decision based on MTUS '.repeat(40_000),
      `The The ${spaces}Claims${spaces}`,
    ];
    for (const text of inputs) {
      const started = performance.now();
      checkInvariants(text);
      assert.ok(performance.now() - started < 2000, `slow on input starting ${JSON.stringify(text.slice(0, 40))}`);
    }
  });
});
