// `imr export`: one row per disputed item, as JSON and as RFC 4180 CSV.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvField, toCsv } from '../../server/src/core/text/csv';
import { FIXTURES, imr, lines } from './helpers';
import { fixtureText, JOINED_FIXTURES, joinLetters } from '../support/joined';

const MRI = `${FIXTURES}/letters/mri-shoulder.txt`;
const TWO = `${FIXTURES}/letters/two-items.txt`;
const HEADER =
  'file,caseNumber,decisionDate,layout,index,item,subject,decision,conclusion,reviewerBasis,reviewerCitations,claimsAdministratorBasis,claimsAdministratorCitations,letter';

test('JSON row of a real one-item letter (CM16-0233794): case number, item, decision, citations', () => {
  const run = imr(['export', MRI]);
  assert.equal(run.status, 0);
  assert.equal(run.stderr, '');
  assert.deepEqual(JSON.parse(run.stdout), [
    {
      file: MRI,
      caseNumber: 'CM16-0233794',
      decisionDate: '01/06/2017',
      layout: 'L3',
      index: 1,
      item: 'MRI of the Left shoulder without contrast',
      subject: 'MRI of the Left shoulder without contrast',
      decision: 'Upheld',
      conclusion: 'negative',
      reviewerBasis: 'MTUS and Non-MTUS',
      reviewerCitations: [
        'MTUS Shoulder Complaints 2004 (Special Studies)',
        'Non-MTUS Official Disability Guidelines (ODG) MRI shoulder',
      ],
      claimsAdministratorBasis: 'MTUS and Non-MTUS',
      claimsAdministratorCitations: ['MTUS Shoulder Complaints 2004 (Special Studies)', 'Non-MTUS ODG Shoulder'],
      letter: 1,
    },
  ]);
  // Existing consumers read the keys in this order: `letter` was appended, never inserted.
  const [row] = JSON.parse(run.stdout) as Record<string, unknown>[];
  assert.deepEqual(Object.keys(row ?? {}), HEADER.split(','));
});

test('JSON rows of a header-less letter: no case number, a colon in the item, no evidence cited', () => {
  const rows = JSON.parse(imr(['export', '--format', 'json', TWO]).stdout) as Record<string, unknown>[];
  assert.deepEqual(
    rows.map((r: Record<string, unknown>) => [
      r.caseNumber,
      r.index,
      r.item,
      r.decision,
      r.conclusion,
      r.reviewerBasis,
      r.reviewerCitations,
      r.claimsAdministratorBasis,
    ]),
    [
      [null, 1, 'Labs to include: EKG', 'Upheld', 'negative', 'no evidence cited', [], 'no evidence cited'],
      [
        null,
        2,
        'Lidocaine 5% patch, "as needed", #30',
        'Overturned',
        'positive',
        'MTUS and Non-MTUS',
        ['MTUS Chronic Pain Medical Treatment 2016 (Topical analgesics)', 'Non-MTUS ODG Pain (Chronic)'],
        'MTUS',
      ],
    ],
  );
});

test('CSV: header row, CRLF line ends, quoted commas and quotes, citations joined with "; "', () => {
  const run = imr(['export', '-f', 'csv', TWO, MRI]);
  assert.equal(run.status, 0);
  assert.ok(run.stdout.endsWith('\r\n'));
  const rows = run.stdout.split('\r\n');
  assert.equal(rows.pop(), '');
  assert.ok(
    rows.every((r) => !r.includes('\n')),
    'no bare LF',
  );
  assert.deepEqual(rows, [
    HEADER,
    `${TWO},,,L3,1,Labs to include: EKG,Labs to include: EKG,Upheld,negative,no evidence cited,,no evidence cited,,1`,
    `${TWO},,,L3,2,"Lidocaine 5% patch, ""as needed"", #30","Lidocaine 5% patch, ""as needed"", #30",Overturned,positive,MTUS and Non-MTUS,` +
      'MTUS Chronic Pain Medical Treatment 2016 (Topical analgesics); Non-MTUS ODG Pain (Chronic),MTUS,MTUS Chronic Pain Medical Treatment 2016 (Lidoderm (lidocaine patch)),1',
    `${MRI},CM16-0233794,01/06/2017,L3,1,MRI of the Left shoulder without contrast,MRI of the Left shoulder without contrast,Upheld,negative,MTUS and Non-MTUS,` +
      'MTUS Shoulder Complaints 2004 (Special Studies); Non-MTUS Official Disability Guidelines (ODG) MRI shoulder,MTUS and Non-MTUS,MTUS Shoulder Complaints 2004 (Special Studies); Non-MTUS ODG Shoulder,1',
  ]);
});

test('csvField quotes only what RFC 4180 requires', () => {
  assert.equal(csvField('plain text; with semicolons'), 'plain text; with semicolons');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "no"'), '"say ""no"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  assert.equal(csvField('cr\r'), '"cr\r"');
  assert.equal(csvField(''), '');
  assert.equal(toCsv(['a', 'b'], [['1', 'x,y']]), 'a,b\r\n1,"x,y"\r\n');
});

test('csvField: a field a spreadsheet would run as a formula starts with an apostrophe; numbers stay numbers', () => {
  assert.equal(csvField('=HYPERLINK("http://example.invalid","x")'), `"'=HYPERLINK(""http://example.invalid"",""x"")"`);
  assert.equal(csvField('@SUM(A1:A2)'), "'@SUM(A1:A2)");
  assert.equal(csvField('+1+cmd|x'), "'+1+cmd|x");
  assert.equal(csvField('- neck pain'), "'- neck pain");
  assert.equal(csvField('\tTab first'), "'\tTab first");
  assert.equal(csvField('-12'), '-12');
  assert.equal(csvField('+3.5'), '+3.5');
  assert.equal(csvField('a=b'), 'a=b');
});

test('an unreadable file among others: one stderr line, the others exported, exit 2; --output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-export-'));
  try {
    const out = join(dir, 'items.csv');
    const run = imr([
      'export',
      '--format',
      'csv',
      '--output',
      out,
      `${FIXTURES}/bad/binary.txt`,
      `${FIXTURES}/letters`,
    ]);
    assert.equal(run.status, 2);
    assert.equal(run.stdout, '');
    assert.deepEqual(lines(run.stderr), [
      'imr: test/cli/fixtures/bad/binary.txt: looks binary, not a letter in text form; skipped',
    ]);
    const rows = readFileSync(out, 'utf8').split('\r\n');
    assert.equal(rows[0], HEADER);
    assert.equal(rows.length, 1 + 3 + 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a letter without items gives no rows; bad format is a usage error', () => {
  const empty = imr(['export', `${FIXTURES}/unknown-layout.txt`]);
  assert.equal(empty.status, 0);
  assert.equal(empty.stdout, '[]\n');
  const bad = imr(['export', '-f', 'xlsx', MRI]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^imr: --format must be one of json, csv \(got 'xlsx'\)/);
});

test('a file of three letters (a bundle): each row carries its own letter number, case number, date and index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'imr-export-bundle-'));
  try {
    const file = join(dir, 'bundle.txt');
    const letters = ['C-layout.txt', 'A-plain.txt', 'B-plain.txt'].map((n) => fixtureText(JOINED_FIXTURES, n));
    writeFileSync(file, joinLetters(letters, 'bundle').text);
    const run = imr(['export', '--format', 'csv', file]);
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.deepEqual(
      run.stdout
        .split('\r\n')
        .slice(0, -1)
        .map((l) => [...l.split(',').slice(1, 5), l.split(',').at(-1)].join(',')),
      [
        'caseNumber,decisionDate,layout,index,letter',
        'CM16-0303030,01/05/2017,L3,1,1',
        'CM17-0101010,03/24/2017,L3,1,2',
        'CM17-0202020,04/02/2017,L3,1,3',
        'CM17-0202020,04/02/2017,L3,2,3',
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
