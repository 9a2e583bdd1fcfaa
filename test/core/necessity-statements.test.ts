// isNegativeNecessity, UR vocabulary in a conclusion, and robustness of the necessity reader (format guide
// §7): no input throws, and long inputs take linear time. Conclusions themselves: necessity.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  findNecessityConclusion,
  findUrVocabularyConclusion,
  isNegativeNecessity,
} from '../../server/src/core/necessity';
import type { Polarity } from '../../server/src/core/model';
import { necessityFiller } from '../support/hostileInputs';

// ---- isNegativeNecessity ----

test('isNegativeNecessity reads the main necessity statement', () => {
  const cases: [string, boolean][] = [
    ['As the request does not exceed guideline limits, it is medically necessary.', false],
    ['Medical necessity has not been established.', true],
    ['Medical necessity has been established.', false],
    ['As the guidelines do not address this, medical necessity is established.', false],
    ['There is no indication that the request is medically necessary.', true],
    ['It is deemed that the request for EMG/NCV is medically necessary based on the records provided.', false],
    ['The request is medically unnecessary.', true],
    ['The request isn’t medically necessary.', true],
    ['The request is not, in my opinion, medically necessary.', true],
    ['The requested Diclofenac ER 100mg #60 is not seen as medically necessary.', true],
    ['This request will be considered not medically necessary.', true],
    ['The EMG/NCS is supported by Guidelines and is medically necessary.', false],
    ['The request is not supported.', true], // no cue: any negation counts
    ['The request is supported.', false],
  ];
  for (const [sentence, negative] of cases) assert.equal(isNegativeNecessity(sentence), negative, sentence);
});

// ---- UR vocabulary ----

test('findUrVocabularyConclusion flags a UR word in the concluding sentence', () => {
  const rationale = 'The guidelines do not support the request. As such, the request is non-certified.';
  const start = rationale.indexOf('non-certified');
  const sentenceStart = rationale.indexOf('As such');
  assert.deepEqual(findUrVocabularyConclusion(rationale), {
    word: 'non-certified',
    start,
    end: start + 13,
    polarity: 'negative',
    sentenceStart,
    sentenceEnd: rationale.length,
  });
  const denied = 'There were no red flags. Based on the above, the request was denied.';
  assert.equal(findUrVocabularyConclusion(denied)?.word, 'denied');
});

test('a UR word states a polarity: negated by "not" or a detached "non", none for "modified"', () => {
  const cases: [string, string, Polarity | undefined][] = [
    ['Therefore, the request is non-certified.', 'non-certified', 'negative'],
    ['Therefore, the request is noncertified.', 'noncertified', 'negative'],
    ['Therefore, the request is non certified.', 'non certified', 'negative'],
    ['Therefore, the request is non- certified.', 'non- certified', 'negative'],
    ['Therefore, the request is non\u2013certified.', 'non\u2013certified', 'negative'],
    ['Therefore, the request is certified.', 'certified', 'positive'],
    ['Therefore, the request is not certified.', 'certified', 'negative'],
    ['Therefore, the request is hereby denied.', 'denied', 'negative'],
    ['Therefore, the request is modified.', 'modified', undefined],
  ];
  for (const [sentence, word, polarity] of cases) {
    const found = findUrVocabularyConclusion(`No function was regained. ${sentence}`);
    assert.equal(found?.word, word, sentence);
    assert.equal(found?.polarity, polarity, sentence);
  }
});

test('findUrVocabularyConclusion ignores UR words in the history or beside a necessity conclusion', () => {
  // History in the middle, standard conclusion at the end (wording of CM17-0010006 line 57).
  assert.equal(
    findUrVocabularyConclusion(
      'This request was previously non-certified on 01/13/2017. As such, this request is not medically necessary.',
    ),
    undefined,
  );
  assert.equal(
    findUrVocabularyConclusion('The patient improved. The request was previously non-certified.'),
    undefined,
  );
  assert.equal(
    findUrVocabularyConclusion('The request was modified by the Claims Administrator to 6 visits.'),
    undefined,
  );
  assert.equal(findUrVocabularyConclusion('As such, the request is not medically necessary and is denied.'), undefined);
  assert.equal(findUrVocabularyConclusion(''), undefined);
});

// ---- robustness ----

test('no input throws, and offsets stay inside the input', () => {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pieces = [
    '.',
    ' ',
    '  ',
    '?',
    '!',
    '"',
    '’',
    ',',
    ';',
    'not',
    'necessary',
    'necessity',
    'medically',
    'appropriate',
    'Dr',
    'e.g',
    'No',
    '#60',
    '0.5',
    'A',
    'is',
    'that',
    'if',
    'non-certified',
    'was',
    '\f',
    '\n',
    'é',
    '\u0000',
    '\ud800',
    'Tapering opioids',
    'n’t',
    '-',
    'un',
  ];
  const inputs = ['', '.', '. . .', 'necessary', 'Necessary.', ' necessary .', '"."', 'medically', '...necessary!!'];
  for (let n = 0; n < 2000; n++) {
    let s = '';
    const length = Math.floor(random() * 40);
    for (let k = 0; k < length; k++) s += pieces[Math.floor(random() * pieces.length)] + (random() < 0.5 ? ' ' : '');
    inputs.push(s);
  }
  for (const input of inputs) {
    const match = findNecessityConclusion(input);
    if (match)
      assert.ok(match.start >= 0 && match.start < match.end && match.end <= input.length, JSON.stringify(input));
    const ur = findUrVocabularyConclusion(input);
    if (ur) assert.equal(input.slice(ur.start, ur.end), ur.word);
    isNegativeNecessity(input);
  }
});

// Their speed is judged in `npm run bench` (hostile input row); the timeout only stops a hang.
test('a conclusion after 1.5 MB of text is found', { timeout: 120_000 }, () => {
  const filler = necessityFiller();
  const match = findNecessityConclusion(`${filler}Therefore, the request is not medically necessary.`);
  assert.equal(match?.polarity, 'negative');
  assert.equal(findNecessityConclusion(filler), undefined);
});
