// Checks the TextMate grammar without vscode-textmate: every rule is a single-line `match` whose regex is
// also valid JavaScript, so a tiny tokenizer below can replay TextMate's choice (the earliest match on the
// line wins; on a tie, the first rule listed) and the tests can check which rule claims which text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { corpusLetters, corpusSkip } from './support/corpus';

interface RawRule {
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  name?: string;
  include?: string;
  captures?: Record<string, { name?: string }>;
  patterns?: RawRule[];
}

interface RawGrammar {
  scopeName: string;
  comment?: string;
  patterns: RawRule[];
  repository: Record<string, RawRule>;
}

// Tests run from the project root (scripts/run-tests.mjs).
const grammarPath = resolve(process.cwd(), 'syntaxes/imr.tmLanguage.json');

const grammar = JSON.parse(readFileSync(grammarPath, 'utf8')) as RawGrammar;

interface Rule {
  key: string;
  regex: RegExp;
  name?: string;
  captures: Record<string, string | undefined>;
}

/** The top-level rules in order, each compiled as a JS RegExp with match indices. */
const rules: Rule[] = grammar.patterns.map((pattern) => {
  const key = pattern.include!.replace(/^#/, '');
  const raw = grammar.repository[key]!;
  const captures: Record<string, string | undefined> = {};
  for (const [group, capture] of Object.entries(raw.captures ?? {})) captures[group] = capture.name;
  return { key, regex: new RegExp(raw.match!, 'gd'), name: raw.name, captures };
});

interface Token {
  rule: string;
  scope: string;
  text: string;
  start: number;
}

/** Replays TextMate on one line for a grammar made only of top-level `match` rules. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  while (position <= line.length) {
    let best: { rule: Rule; match: RegExpExecArray } | undefined;
    for (const rule of rules) {
      rule.regex.lastIndex = position;
      const match = rule.regex.exec(line);
      if (match && (!best || match.index < best.match.index)) best = { rule, match };
    }
    if (!best) break;
    const { rule, match } = best;
    if (rule.name) tokens.push({ rule: rule.key, scope: rule.name, text: match[0], start: match.index });
    for (const [group, scope] of Object.entries(rule.captures)) {
      const span = match.indices![Number(group)];
      if (scope && span) tokens.push({ rule: rule.key, scope, text: line.slice(span[0], span[1]), start: span[0] });
    }
    position = match.index + Math.max(match[0].length, 1);
  }
  return tokens;
}

/** `[rule, text]` for every scoped token of a line, in order. */
function claims(line: string): Array<[string, string]> {
  return tokenize(line)
    .filter((t) => !t.scope.startsWith('punctuation.'))
    .sort((a, b) => a.start - b.start)
    .map((t) => [t.rule, t.text]);
}

function scopeOf(line: string, text: string): string | undefined {
  return tokenize(line).find((t) => t.text === text)?.scope;
}

function allRawRules(): Array<[string, RawRule]> {
  const found: Array<[string, RawRule]> = [];
  const walk = (where: string, rule: RawRule) => {
    found.push([where, rule]);
    rule.patterns?.forEach((inner, i) => walk(`${where}.patterns[${i}]`, inner));
  };
  grammar.patterns.forEach((rule, i) => walk(`patterns[${i}]`, rule));
  for (const [key, rule] of Object.entries(grammar.repository)) walk(key, rule);
  return found;
}

test('the grammar parses and names itself text.imr', () => {
  assert.equal(grammar.scopeName, 'text.imr');
  assert.match(grammar.comment ?? '', /markup\.deleted/);
  assert.ok(grammar.patterns.length > 0);
});

test('every regex compiles as a JavaScript RegExp', () => {
  let count = 0;
  for (const [where, rule] of allRawRules()) {
    for (const field of ['match', 'begin', 'end', 'while'] as const) {
      const source = rule[field];
      if (source === undefined) continue;
      assert.doesNotThrow(() => new RegExp(source), `${where}.${field}`);
      count++;
    }
  }
  assert.ok(count >= 15, `only ${count} regexes`);
});

test('includes and repository agree; all rules are single-line matches', () => {
  const included = grammar.patterns.map((p) => p.include);
  for (const include of included) assert.ok(include && grammar.repository[include.slice(1)], `${include} missing`);
  for (const key of Object.keys(grammar.repository)) {
    assert.ok(included.includes(`#${key}`), `${key} is never included`);
    const rule = grammar.repository[key]!;
    assert.ok(rule.match && !rule.begin, `${key}: the JS replay only handles match rules`);
  }
});

test('scope names are standard and end in .imr', () => {
  const roots = /^(comment|constant|entity|keyword|markup|meta|punctuation|storage|string|support|variable)\./;
  for (const [where, rule] of allRawRules()) {
    const names = [rule.name, ...Object.values(rule.captures ?? {}).map((c) => c.name)].filter(Boolean) as string[];
    for (const scope of names.flatMap((n) => n.split(' '))) {
      assert.match(scope, roots, `${where}: ${scope}`);
      assert.ok(scope.endsWith('.imr'), `${where}: ${scope}`);
      assert.ok(!scope.startsWith('invalid'), `${where}: ${scope}`);
    }
  }
});

test('section headings in every layout, with leading spaces or a form feed', () => {
  const headings = [
    'HOW THE IMR FINAL DETERMINATION WAS MADE',
    'CLINICAL CASE SUMMARY',
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'DOCUMENTS REVIEWED',
    'IMR DECISION(S) AND RATIONALE(S)',
    'Notice of Independent Medical Review Determination',
    'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
    'MAXIMUS FEDERAL SERVICES, INC.',
    'MEDICAL PROFESSIONAL REVIEW',
  ];
  for (const heading of headings) {
    for (const line of [heading, ` ${heading} `, `                 ${heading}`, `\f${heading}`]) {
      assert.deepEqual(claims(line), [['section-headings', heading]], JSON.stringify(line));
      assert.equal(scopeOf(line, heading), 'markup.heading.imr entity.name.section.imr');
    }
  }
  // A heading is a whole line: the same words inside prose are not one.
  assert.deepEqual(claims('The CLINICAL CASE SUMMARY above'), []);
  assert.deepEqual(claims('Medical Qualifications of the Expert Reviewer:'), [['l1-headings', 'Medical Qualifications of the Expert Reviewer:']]);
  assert.deepEqual(claims('Case Summary: Disclaimer: The following'), [['l1-headings', 'Case Summary:']]);
});

test('L0 labels, including the wrapped long ones', () => {
  for (const label of [
    'ISSUE AT DISPUTE:',
    'CASE SUMMARY:',
    'DOCUMENTS REVIEWED FOR DETERMINATION:',
    'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL',
    'REVIEWER AND WHY:',
    'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT',
    'MEDICALLY NECESSARY:',
    'MEDICAL REVIEWER QUALIFICATIONS:',
  ]) {
    assert.deepEqual(claims(label), [['l0-labels', label]], label);
  }
});

test('header block, plain-text form (CM17-0020384 lines 1-18)', () => {
  for (const label of ['Case Number:', 'Date Assigned:', 'Decision Date:', 'Priority:', 'Date of Injury:', 'UR Denial Date:', 'Application', 'Received:']) {
    assert.deepEqual(claims(label), [['header-labels', label]], label);
    assert.equal(scopeOf(label, label), 'variable.other.header-label.imr');
  }
  assert.deepEqual(claims('CM17-0020384'), [['case-number', 'CM17-0020384']]);
  assert.equal(scopeOf('CM17-0020384', 'CM17-0020384'), 'string.unquoted.case-number.imr');
  assert.deepEqual(claims('02/06/2017'), [['date-numeric', '02/06/2017']]);
  assert.equal(scopeOf('02/06/2017', '02/06/2017'), 'constant.numeric.date.imr');
  assert.deepEqual(claims('Standard'), [['priority-value', 'Standard']]);
});

test('header block, layout form (CM16-0238035 lines 1-5)', () => {
  assert.deepEqual(claims('Case Number:          CM16-0238035'), [
    ['header-labels', 'Case Number:'],
    ['case-number', 'CM16-0238035'],
  ]);
  assert.deepEqual(claims('Date Assigned:        12/14/2016                      Date of Injury:      10/10/2016'), [
    ['header-labels', 'Date Assigned:'],
    ['date-numeric', '12/14/2016'],
    ['header-labels', 'Date of Injury:'],
    ['date-numeric', '10/10/2016'],
  ]);
  assert.deepEqual(claims('Priority:             Standard                        Application          12/12/2016'), [
    ['header-labels', 'Priority:'],
    ['priority-value', 'Standard'],
    ['header-labels', 'Application'],
    ['date-numeric', '12/12/2016'],
  ]);
  assert.deepEqual(claims('                                                      Received:'), [['header-labels', 'Received:']]);
  // `Application` in prose is no label.
  assert.deepEqual(claims('The Application was received late.'), []);
});

test('field labels, with a form feed before them (CM17-0020384 line 52)', () => {
  assert.deepEqual(claims('\fClaims Administrator guideline: Decision based on MTUS Forearm, Wrist, and Hand'), [
    ['field-labels', 'Claims Administrator guideline:'],
    ['citation-lead', 'Decision based on'],
    ['citation-lead', 'MTUS'],
  ]);
  assert.deepEqual(claims('MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.'), [
    ['field-labels', 'MAXIMUS guideline:'],
  ]);
  assert.deepEqual(claims('Decision rationale: As the requested surgical intervention is not medically necessary per the'), [
    ['field-labels', 'Decision rationale:'],
    ['necessity-negative', 'not medically necessary'],
  ]);
  assert.equal(scopeOf('Decision rationale: x', 'Decision rationale:'), 'entity.other.attribute-name.field-label.imr');
});

test('L1 field labels [unverified layout]', () => {
  assert.deepEqual(claims('1) Regarding the request for MRI of the lumbar spine:'), [
    ['l1-field-labels', '1)'],
    ['l1-field-labels', 'Regarding the request for'],
  ]);
  assert.deepEqual(claims('Section of the Medical Treatment Utilization Schedule (MTUS) used by the Claims Administrator:'), [
    ['l1-field-labels', 'Section of the Medical Treatment Utilization Schedule (MTUS) used by the Claims Administrator:'],
  ]);
  assert.deepEqual(claims('Rationale for the Decision:'), [['l1-field-labels', 'Rationale for the Decision:']]);
  assert.deepEqual(claims('Dated: 9/3/2013'), [
    ['header-labels', 'Dated:'],
    ['date-numeric', '9/3/2013'],
  ]);
});

test('credentials block (CM16-0238035 lines 17-19)', () => {
  assert.deepEqual(claims('State(s) of Licensure: California,Texas'), [
    ['credentials', 'State(s) of Licensure:'],
    ['credentials', 'California,Texas'],
  ]);
  assert.deepEqual(claims('Certification(s)/Specialty: Orthopedic Surgery, Sports Medicinea'), [
    ['credentials', 'Certification(s)/Specialty:'],
    ['credentials', 'Orthopedic Surgery, Sports Medicinea'],
  ]);
  assert.equal(scopeOf('State(s) of Licensure: Arizona, California ', 'Arizona, California'), 'string.unquoted.credentials.imr');
});

test('decisions: at the end of an item line, after the last colon, or alone', () => {
  const upheld = 'keyword.other.decision.upheld.imr markup.deleted.imr';
  const overturned = 'keyword.other.decision.overturned.imr markup.inserted.imr';
  assert.notEqual(upheld, overturned);
  assert.deepEqual(claims('Labs to include: EKG: Upheld'), [['decision-upheld', 'Upheld']]);
  assert.equal(scopeOf('Labs to include: EKG: Upheld', 'Upheld'), upheld);
  assert.equal(scopeOf('Lumbar MMB/Facet Blocks L3-S1 Bilaterally:  Upheld ', 'Upheld'), upheld);
  assert.equal(scopeOf('portion of the original request, EMG of the right upper extremity is: Overturned', 'Overturned'), overturned);
  assert.equal(scopeOf('Upheld', 'Upheld'), upheld);
  assert.equal(scopeOf('\fOverturned', 'Overturned'), overturned);
  assert.equal(scopeOf('Medical Clearance: Upheld', ':'), 'punctuation.separator.decision.imr');
  // Not decisions: prose, and words that follow the decision.
  assert.deepEqual(claims('The UR decision was Upheld by the reviewer.'), []);
  assert.deepEqual(claims('The request was Overturned'), []);
  assert.deepEqual(claims('Upheld: yes'), []);
});

test('citations: lead-ins, MTUS titles, Section(s) and Page(s)', () => {
  assert.deepEqual(claims('MAXIMUS guideline: Decision based on MTUS Shoulder Complaints 2004, Section(s):'), [
    ['field-labels', 'MAXIMUS guideline:'],
    ['citation-lead', 'Decision based on'],
    ['citation-lead', 'MTUS'],
    ['mtus-title', 'Shoulder Complaints'],
    ['mtus-title', '2004'],
    ['citation-parts', 'Section(s):'],
  ]);
  const nonMtus = 'recommendation(s) outside of the MTUS Guidelines. Decision based on Non-MTUS Citation';
  assert.deepEqual(claims(nonMtus), [
    ['citation-lead', 'Decision based on'],
    ['citation-lead', 'Non-MTUS Citation'],
  ]);
  assert.equal(scopeOf(nonMtus, 'Non-MTUS Citation'), 'support.function.citation.non-mtus.imr');
  assert.equal(scopeOf('Decision based on MTUS', 'MTUS'), 'support.type.citation.mtus.imr');
  assert.deepEqual(claims('Non-MTUS Citation Official Disability Guidelines (ODG).'), [['citation-lead', 'Non-MTUS Citation']]);
  // Era 1 (seed 001 lines 101-103).
  assert.deepEqual(claims('MAXIMUS guideline: Decision based on MTUS ACOEM Chapter 12 Low Back Complaints'), [
    ['field-labels', 'MAXIMUS guideline:'],
    ['citation-lead', 'Decision based on'],
    ['citation-lead', 'MTUS'],
    ['mtus-title', 'Chapter 12'],
    ['mtus-title', 'Low Back Complaints'],
  ]);
  assert.deepEqual(claims('Page(s): 300.  Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Low'), [
    ['citation-parts', 'Page(s):'],
    ['citation-lead', 'Decision based on'],
    ['citation-lead', 'Non-MTUS Citation'],
  ]);
  assert.deepEqual(claims('Complaints 2004, Section(s): Diagnostic Criteria.'), [['citation-parts', 'Section(s):']]);
  // A title in prose without a year or chapter stays plain.
  assert.deepEqual(claims('per the Low Back Complaints chapter'), []);
  // The year often wraps to the next line.
  assert.deepEqual(claims('Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment'), [
    ['field-labels', 'Claims Administrator guideline:'],
    ['citation-lead', 'Decision based on'],
    ['citation-lead', 'MTUS'],
    ['mtus-title', 'Chronic Pain Medical Treatment'],
  ]);
  assert.deepEqual(claims('2016, Section(s): Topical analgesics.'), [
    ['mtus-year-wrapped', '2016'],
    ['citation-parts', 'Section(s):'],
  ]);
  assert.equal(scopeOf('2016.', '2016'), 'constant.numeric.year.imr');
  assert.deepEqual(claims('2016, the claims administrator failed to approve a request'), []);
});

test('medical-necessity phrases take the decision colours', () => {
  const negative = 'meta.necessity.negative.imr markup.deleted.imr';
  const positive = 'meta.necessity.positive.imr markup.inserted.imr';
  const cases: Array<[string, string, string]> = [
    ['request is not medically necessary.', 'not medically necessary', negative],
    ['is determined to not be medically necessary.', 'not be medically necessary', negative],
    ['it is not considered medically necessary.', 'not considered medically necessary', negative],
    ['the request cannot be deemed medically necessary', 'cannot be deemed medically necessary', negative],
    ['the request is notmedically necessary', 'notmedically necessary', negative],
    ['Baclofen is not a medical necessity.', 'not a medical necessity', negative],
    ['the medical necessity of this request is not established.', 'medical necessity of this request is not established', negative],
    ['The Lumbar MMB/Facet Blocks L3-S1', '', ''],
    ['Therefore, the request is medically necessary.', 'is medically necessary', positive],
    ['deem the request for home health to be medically necessary.', 'be medically necessary', positive],
    ['is medically necessary and appropriate.', 'is medically necessary', positive],
  ];
  for (const [line, phrase, scope] of cases) {
    const found = tokenize(line).filter((t) => t.rule.startsWith('necessity-'));
    if (!phrase) {
      assert.deepEqual(found, [], line);
      continue;
    }
    assert.deepEqual(
      found.map((t) => [t.text, t.scope]),
      [[phrase, scope]],
      line,
    );
  }
});

test('dates: numeric and written, but not doses or ranges', () => {
  const dateTexts = (line: string) => tokenize(line).filter((t) => t.scope === 'constant.numeric.date.imr').map((t) => t.text);
  assert.deepEqual(dateTexts('sustained an industrial injury on 10-20-16. The documentation on 1-12-17 noted'), ['10-20-16', '1-12-17']);
  assert.deepEqual(dateTexts('This 50 year-old patient sustained an injury on 8/31/07 while employed by .'), ['8/31/07']);
  assert.deepEqual(dateTexts('(updated 11/23/16) and November 13, 2013.'), ['11/23/16', 'November 13, 2013']);
  assert.deepEqual(dateTexts('Trezix capsule 320.5/30/16mg #5 and Norco 5/325mg, 1-2 tabs every 4-6 hours, 8/10 pain'), []);
  assert.deepEqual(dateTexts('a claim from 10/10/'), []);
  assert.deepEqual(dateTexts('13/01/2016 and 01/32/2016'), []);
});

test('regexes stay fast on long, repetitive lines', () => {
  const nasty = [' '.repeat(20000) + 'x', ':'.repeat(20000), '1/'.repeat(10000), 'not '.repeat(5000), 'Section of the Medical Treatment Utilization Schedule '.repeat(400)];
  for (const line of nasty) {
    const started = performance.now();
    tokenize(line);
    assert.ok(performance.now() - started < 2000, `slow on ${JSON.stringify(line.slice(0, 20))}…`);
  }
});

test('every 2016 letter: 247 decisions (214 Upheld, 33 Overturned), 741 field labels, 351 headings', { skip: corpusSkip() }, () => {
  const counts = new Map<string, number>();
  for (const { text } of corpusLetters(['text'])) {
    for (const line of text.split('\n')) {
      for (const token of tokenize(line)) counts.set(token.rule + ':' + token.scope, (counts.get(token.rule + ':' + token.scope) ?? 0) + 1);
    }
  }
  assert.equal(counts.get('decision-upheld:keyword.other.decision.upheld.imr markup.deleted.imr'), 214);
  assert.equal(counts.get('decision-overturned:keyword.other.decision.overturned.imr markup.inserted.imr'), 33);
  assert.equal(counts.get('field-labels:entity.other.attribute-name.field-label.imr'), 741);
  assert.equal(counts.get('section-headings:markup.heading.imr entity.name.section.imr'), 351);
  assert.equal(counts.get('case-number:string.unquoted.case-number.imr'), 117);
  assert.equal(counts.get('header-labels:variable.other.header-label.imr'), 8 * 117);
});

test('language-configuration.json: no comments, two bracket kinds, words that keep IMR tokens whole', () => {
  const config = JSON.parse(readFileSync(resolve(process.cwd(), 'language-configuration.json'), 'utf8')) as {
    comments?: unknown;
    brackets: string[][];
    autoClosingPairs: Array<{ open: string; close: string }>;
    wordPattern: string;
  };
  assert.equal(config.comments, undefined, 'letters have no comments');
  assert.deepEqual(config.brackets, [['(', ')'], ['[', ']']]);
  assert.deepEqual(config.autoClosingPairs.map((p) => p.open + p.close), ['()', '[]', '""']);
  // VS Code compiles the word pattern without the `u` flag and adds `g`.
  const words = (text: string) => text.match(new RegExp(config.wordPattern, 'g'));
  for (const word of ['L5-S1', 'PT/PTT', '10/325mg', '10/20/2016', '10-20-16', 'CM17-0020384', '#60', 'P&S', 'CA-MTUS', "patient's"]) {
    assert.deepEqual(words(word), [word], word);
  }
  assert.deepEqual(words('Norco 5/325mg #60, (PR-2) and MRI.'), ['Norco', '5/325mg', '#60', 'PR-2', 'and', 'MRI']);
  assert.deepEqual(words('Orthopédie'), ['Orthopédie']);
});
