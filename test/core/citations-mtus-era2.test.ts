// parseGuidelineBody(): MTUS era-2 citations.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { toRange, parse, offsets, names } from './citations-helpers';
import { at, only } from '../support/elements';

describe('MTUS era 2', () => {
  test('title and year only (CM16-0219557)', () => {
    const body = parse('Decision based on MTUS Low Back Complaints 2004.');
    assert.deepEqual(body.citations, [
      {
        kind: 'mtus',
        text: 'MTUS Low Back Complaints 2004',
        parts: [
          {
            title: 'Low Back Complaints',
            year: 2004,
            pages: [],
            sections: [],
            range: toRange(23, 47),
            titleRange: toRange(23, 47),
          },
        ],
        leadRange: toRange(18, 22),
        range: toRange(18, 47),
      },
    ]);
  });

  test('`Guidelines` after the year (constructed)', () => {
    const part = only(
      only(
        parse(
          'Decision based on MTUS Chronic Pain Medical Treatment 2016 Guidelines, Section(s): Opioids, criteria for use.',
        ).citations,
      ).parts,
    );
    assert.equal(part.title, 'Chronic Pain Medical Treatment');
    assert.equal(part.year, 2016);
    assert.deepEqual(names(part.sections), ['Opioids, criteria for use']);
  });

  test('sections containing commas stay whole (CM17-0019171)', () => {
    const part = only(
      only(
        parse(
          'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): NSAIDs (non-steroidal ' +
            'anti-inflammatory drugs), NSAIDs, GI symptoms & cardiovascular risk, NSAIDs, hypertension and renal ' +
            'function, NSAIDs, specific drug list & adverse effects.',
        ).citations,
      ).parts,
    );
    assert.deepEqual(names(part.sections), [
      'NSAIDs (non-steroidal anti-inflammatory drugs)',
      'NSAIDs, GI symptoms & cardiovascular risk',
      'NSAIDs, hypertension and renal function',
      'NSAIDs, specific drug list & adverse effects',
    ]);
  });

  test('lowercase continuation vs capitalised new section', () => {
    const sectionsOf = (text: string) => names(at(at(parse(text).citations, 0).parts, 0).sections);
    // CM16-0231745
    assert.deepEqual(
      sectionsOf(
        'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): TENS, chronic pain (transcutaneous electrical nerve stimulation).',
      ),
      ['TENS, chronic pain (transcutaneous electrical nerve stimulation)'],
    );
    // CM16-0237163
    assert.deepEqual(
      sectionsOf(
        'Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Muscle relaxants (for pain), Cyclobenzaprine (Flexeril).',
      ),
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
    const { parts } = only(parse(text).citations);
    assert.equal(parts.length, 2);
    assert.deepEqual(names(at(parts, 0).sections), ['Tramadol (Ultram)']);
    assert.equal(at(parts, 1).title, 'Opioid Treatment');
    assert.equal(at(parts, 1).year, 2016);
    assert.deepEqual(names(at(parts, 1).sections), [
      '3.3.1.1 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse ' +
        'Events, Prior to Chronic Opioid Treatment: Screening for Drug Misuse/Abuse',
      '3.3.1.2 Opioids for Chronic Pain and Chronic Opioid Treatment: Screening for Risk of Addiction or Adverse ' +
        'Events, Prior to Chronic Opioid Treatment: Screening for Alcohol Misuse/Abuse',
    ]);
  });

  test('single numbered section (CM17-0012593)', () => {
    const part = only(
      only(
        parse(
          'Decision based on MTUS Opioid Treatment 2016, Section(s): 3.3.9 Opioids for Chronic Pain and Chronic ' +
            'Opioid Treatment: Maintenance of Chronic Opioid Treatment.',
        ).citations,
      ).parts,
    );
    assert.deepEqual(names(part.sections), [
      '3.3.9 Opioids for Chronic Pain and Chronic Opioid Treatment: Maintenance of Chronic Opioid Treatment',
    ]);
  });

  test('parts joined with ", and"; a page number as section (CM17-0002324)', () => {
    const text =
      'Decision based on MTUS Elbow Complaints 2007, Section(s): 326, and Chronic Pain Medical Treatment 2016, ' +
      'Section(s): Physical medicine treatment.';
    const citation = only(parse(text).citations);
    assert.deepEqual(citation.parts, [
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
    assert.equal(citation.range.end.character, 143);
  });

  test('", and" inside `Forearm, Wrist, and Hand Complaints` does not split (CM16-0230548)', () => {
    const { parts } = only(
      parse(
        'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Special Studies, and Forearm, ' +
          'Wrist, and Hand Complaints 2004, Section(s): Special Studies.',
      ).citations,
    );
    assert.deepEqual(
      parts.map((p) => [p.title, p.year, names(p.sections)]),
      [
        ['Neck and Upper Back Complaints', 2004, ['Special Studies']],
        ['Forearm, Wrist, and Hand Complaints', 2004, ['Special Studies']],
      ],
    );
  });

  test('three parts, the last with two sections (CM16-0234464)', () => {
    const { parts } = only(
      parse(
        'Decision based on MTUS Neck and Upper Back Complaints 2004, Section(s): Initial Care, and Shoulder ' +
          'Complaints 2004, Section(s): Initial Care, and Low Back Complaints 2004, Section(s): Initial Care, ' +
          'Physical Methods.',
      ).citations,
    );
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
    const { parts } = only(
      parse('Decision based on MTUS Postsurgical Treatment 2009, and Chronic Pain Medical Treatment 2016.').citations,
    );
    assert.deepEqual(
      parts.map((p) => [p.title, p.year, names(p.sections)]),
      [
        ['Postsurgical Treatment', 2009, []],
        ['Chronic Pain Medical Treatment', 2016, []],
      ],
    );
  });
});
