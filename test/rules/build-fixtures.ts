// Rebuilds the IMR001–IMR008 rule fixtures from real letters of the corpus, one planted defect each, with
// marker lines and their spans placed by searching the edited text (never from what the rules report).
// Run: npx tsx test/rules/build-fixtures.ts (needs ../shared/corpus). Review the diff before committing.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from '../../server/src/core/parse';
import type { DisputedItem, Field, ImrDocument } from '../../server/src/core/model';
import { corpusPath } from '../support/corpus';
import { at, defined } from '../support/elements';

const OUT = path.join(__dirname, '..', 'fixtures', 'rules');

interface Letter {
  lines: string[];
  doc: ImrDocument;
  /** Markers to put after a line, keyed by the line's text identity (resolved when writing). */
  marks: { find: (line: string, index: number) => boolean; id: string; span: Span }[];
  eol: string;
}

function letter(rel: string): Letter {
  const text = readFileSync(corpusPath(rel), 'utf8');
  return { lines: text.split('\n'), doc: parse(text), marks: [], eol: '\n' };
}

function item(l: Letter, index: number): DisputedItem {
  const it = l.doc.items[index - 1];
  if (!it) throw new Error(`no item ${index}`);
  return it;
}

function field(it: DisputedItem, kind: Field['kind']): Field {
  const f = it.fields.find((x) => x.kind === kind);
  if (!f) throw new Error(`item ${it.index} has no ${kind}`);
  return f;
}

/** Lines of the ORIGINAL text to drop (all edits are planned on the original, then applied bottom-up). */
type Edit = { from: number; to: number; replacement: string[] };

function apply(l: Letter, edits: Edit[]): void {
  for (const e of [...edits].sort((a, b) => b.from - a.from))
    l.lines.splice(e.from, e.to - e.from + 1, ...e.replacement);
}

function removeField(f: Field): Edit {
  return { from: f.range.start.line, to: f.range.end.line, replacement: [] };
}

function emptyField(l: Letter, f: Field): Edit {
  const first = at(l.lines, f.range.start.line);
  const label = first.slice(0, first.indexOf(f.label) + f.label.length);
  return { from: f.range.start.line, to: f.range.end.line, replacement: [label] };
}

function replaceInLine(l: Letter, line: number, from: string, to: string): Edit {
  const text = at(l.lines, line);
  if (!text.includes(from)) throw new Error(`line ${line + 1} has no "${from}"`);
  return { from: line, to: line, replacement: [text.replace(from, to)] };
}

/**
 * What a finding covers, found in the marked line: the whole string, or only its [bracketed] part, the rest
 * being context; or [first, n, last] for a span from the [bracket] of `first` to the end of `last`, which
 * starts the line n lines further down.
 */
type Span = string | [first: string, below: number, last: string];

/** Marks the first line (after edits) containing `needle` with a finding of rule `id` over `span`. */
function mark(l: Letter, needle: string, id: string, span: Span): void {
  l.marks.push({ find: (line) => line.includes(needle), id, span });
}

/** The marker for a span found in `lines[row]` (test/fixtures/rules/README.md). */
function marker(lines: string[], row: number, id: string, span: Span): string {
  const locate = (spec: string): [start: number, length: number] => {
    const open = spec.indexOf('[');
    const close = spec.indexOf(']');
    const context = spec.replace('[', '').replace(']', '');
    const found = at(lines, row).indexOf(context);
    if (found < 0) throw new Error(`line ${row + 1} has no "${context}"`);
    return open < 0 ? [found, context.length] : [found + open, close - open - 1];
  };
  if (typeof span === 'string') {
    const [start, length] = locate(span);
    return `~~> ${id} @${start + 1}-${start + length}`;
  }
  const [first, below, last] = span;
  const [start] = locate(first.includes('[') ? first : `[${first}]`);
  if (!lines[row + below]?.startsWith(last)) throw new Error(`line ${row + below + 1} does not start with "${last}"`);
  return `~~> ${id} @${start + 1}-+${below}:${last.length}`;
}

function write(name: string, l: Letter): void {
  const out: string[] = [];
  const pending = l.marks.map((m) => ({ ...m, done: false }));
  l.lines.forEach((line, i) => {
    out.push(line);
    for (const m of pending) {
      if (!m.done && m.find(line, i)) {
        out.push(marker(l.lines, i, m.id, m.span));
        m.done = true;
      }
    }
  });
  const missed = pending.filter((m) => !m.done);
  if (missed.length) throw new Error(`${name}: a marker found no line`);
  writeFileSync(path.join(OUT, name), out.join(l.eol));
  console.log('wrote', name);
}

const builders: Record<string, () => Letter> = {
  // IMR001
  'IMR001-missing-rationale.txt': () => {
    const l = letter('dwc-2016/text/CM17-0020243.txt');
    apply(l, [removeField(field(item(l, 1), 'rationale'))]);
    mark(l, 'Lumbar MRI scan: Upheld', 'IMR001', 'Lumbar MRI scan: Upheld');
    return l;
  },
  'IMR001-empty-rationale.txt': () => {
    const l = letter('dwc-2016/text/CM17-0019120.txt');
    apply(l, [emptyField(l, field(item(l, 1), 'rationale'))]);
    mark(l, 'Decision rationale:', 'IMR001', 'Decision rationale:');
    return l;
  },
  'IMR001-missing-rationale-doubled.txt': () => {
    const l = letter('seeds/003_4eeb92eb9dbe0eac.txt');
    const f = field(item(l, 1), 'rationale');
    // Doubled text: drop the field's lines and their empty partners.
    apply(l, [{ from: f.range.start.line, to: f.range.end.line + 1, replacement: [] }]);
    mark(l, 'a represented  employee', 'IMR014', 'represented[  ]employee'); // another rule's finding: a redaction gap in the seed
    mark(
      l,
      'Cervical medial branch neurotomy',
      'IMR001',
      'Cervical medial branch neurotomy at bilateral C2 C3 C4:  Overturned',
    );
    return l;
  },
  'IMR001-clean-lone-decision.txt': () => letter('dwc-2016/layout/CM16-0238676.txt'),
  // IMR002
  'IMR002-missing-maximus-guideline.txt': () => {
    const l = letter('dwc-2016/text/CM17-0005412.txt');
    apply(l, [removeField(field(item(l, 1), 'reviewerGuideline'))]);
    mark(
      l,
      'Lorzone 750mg one by mouth three times a day #45: Upheld',
      'IMR002',
      'Lorzone 750mg one by mouth three times a day #45: Upheld',
    );
    return l;
  },
  'IMR002-empty-maximus-guideline.txt': () => {
    const l = letter('dwc-2016/layout/CM16-0230548.txt');
    apply(l, [emptyField(l, field(item(l, 2), 'reviewerGuideline'))]);
    l.marks.push({ find: (line) => line.trim() === 'MAXIMUS guideline:', id: 'IMR002', span: 'MAXIMUS guideline:' });
    return l;
  },
  'IMR002-no-evidence-cited.txt': () => {
    const l = letter('dwc-2016/text/CM16-0245796.txt');
    const f = field(item(l, 1), 'reviewerGuideline');
    apply(l, [
      {
        from: f.range.start.line,
        to: f.range.end.line,
        replacement: ['MAXIMUS guideline: The Expert Reviewer did not cite any medical evidence for its decision.'],
      },
    ]);
    mark(l, 'MAXIMUS guideline: The Expert Reviewer did not cite', 'IMR002', 'MAXIMUS guideline:');
    return l;
  },
  'IMR002-clean-ancillary-add-ons.txt': () => letter('dwc-2016/text/CM17-0002892.txt'),
  // IMR003
  'IMR003-uphold.txt': () => {
    const l = letter('dwc-2016/text/CM17-0020243.txt');
    const it = item(l, 1);
    apply(l, [replaceInLine(l, defined(it.decision).range.start.line, ': Upheld', ': Uphold')]);
    mark(l, 'Lumbar MRI scan: Uphold', 'IMR003', ': [Uphold]');
    return l;
  },
  'IMR003-denied.txt': () => {
    const l = letter('dwc-2016/layout/CM17-0019171.txt');
    const it = item(l, 1);
    apply(l, [replaceInLine(l, defined(it.decision).range.start.line, ': Upheld', ': Denied')]);
    mark(l, ': Denied', 'IMR003', ': [Denied]');
    return l;
  },
  'IMR003-no-decision.txt': () => {
    const l = letter('dwc-2016/text/CM17-0005412.txt');
    const it = item(l, 1);
    apply(l, [replaceInLine(l, defined(it.decision).range.start.line, ': Upheld', '')]);
    mark(
      l,
      'Lorzone 750mg one by mouth three times a day #45',
      'IMR003',
      'Lorzone 750mg one by mouth three times a day #45',
    );
    return l;
  },
  'IMR003-lowercase-crlf.txt': () => {
    const l = letter('dwc-2016/text/CM17-0008241.txt');
    const it = item(l, 1);
    apply(l, [replaceInLine(l, defined(it.decision).range.start.line, ': Upheld', ': upheld')]);
    mark(l, ': upheld', 'IMR003', ': [upheld]');
    l.eol = '\r\n';
    return l;
  },
  'IMR003-clean-partial-authorization.txt': () => letter('dwc-2016/text/CM16-0233904.txt'),
  // IMR004
  'IMR004-flipped-decision.txt': () => {
    const l = letter('dwc-2016/text/CM17-0019120.txt');
    const it = item(l, 2);
    apply(l, [replaceInLine(l, defined(it.decision).range.start.line, ': Overturned', ': Upheld')]);
    mark(l, 'warrants further evaluation with MRI. Therefore, this request', 'IMR004', [
      'MRI. [Therefore, this request',
      1,
      'necessary.',
    ]);
    return l;
  },
  'IMR004-clean-nonstandard-conclusions.txt': () => letter('dwc-2016/layout/CM16-0249726.txt'),
  'IMR004-clean-cannot-be-deemed.txt': () => letter('dwc-2016/text/CM17-0019171.txt'),
  // IMR005
  'IMR005-hedged-conclusion.txt': () => {
    const l = letter('dwc-2016/text/CM17-0009840.txt');
    const row = l.lines.findIndex((x) => x.includes('MRI of Right shoulder is medically necessary.'));
    apply(l, [
      replaceInLine(
        l,
        row,
        'MRI of Right shoulder is medically necessary.',
        'It would be reasonable to support an MRI of the right shoulder.',
      ),
    ]);
    mark(l, 'Decision rationale:', 'IMR005', 'Decision rationale:');
    return l;
  },
  'IMR005-clean-opioid-boilerplate.txt': () => letter('dwc-2016/text/CM17-0012593.txt'),
  // IMR006
  'IMR006-missing-case-summary.txt': () => {
    const l = letter('dwc-2016/text/CM17-0020243.txt');
    const row = l.lines.indexOf('CLINICAL CASE SUMMARY');
    apply(l, [{ from: row, to: row, replacement: [] }]);
    mark(l, 'IMR ISSUES, DECISIONS AND RATIONALES', 'IMR006', 'IMR ISSUES, DECISIONS AND RATIONALES');
    return l;
  },
  'IMR006-section-out-of-order.txt': () => {
    const l = letter('dwc-2016/layout/CM17-0005412.txt');
    const summary = defined(l.doc.sections.find((s) => s.kind === 'caseSummary'));
    const howMade = defined(l.doc.sections.find((s) => s.kind === 'howMade'));
    const block = l.lines.slice(summary.range.start.line, summary.range.end.line + 1);
    apply(l, [
      { from: summary.range.start.line, to: summary.range.end.line, replacement: [] },
      {
        from: howMade.range.start.line,
        to: howMade.range.start.line,
        replacement: [...block, '', at(l.lines, howMade.range.start.line)],
      },
    ]);
    mark(l, 'CLINICAL CASE SUMMARY', 'IMR006', 'CLINICAL CASE SUMMARY');
    return l;
  },
  'IMR006-clean-doubled-seed.txt': () => {
    const l = letter('seeds/000_a23c1bfa7502e53c.txt');
    // Another rule's findings: the seed's reviewer cites ODG only.
    mark(
      l,
      'Decision based on Non-MTUS Citation ODG- pain management and pg 92.',
      'IMR009',
      'Non-MTUS Citation ODG- pain management and pg 92',
    );
    mark(
      l,
      'Decision based on Non-MTUS Citation ODG- neck pain and MBB- pg 26.',
      'IMR009',
      'Non-MTUS Citation ODG- neck pain and MBB- pg 26',
    );
    mark(
      l,
      'MTUS. Decision based on Non-MTUS Citation ODG- pain chapter and pg 92.',
      'IMR009',
      'Non-MTUS Citation ODG- pain chapter and pg 92',
    );
    // …and utilization review cites a low back chapter for a cervical block (format guide §12).
    mark(l, 'MTUS. Decision based on Non-MTUS Citation ODG Low Back Lumbar & Thoracic', 'IMR013', [
      'Non-MTUS Citation ODG Low Back',
      2,
      'Chronic)',
    ]);
    return l;
  },
  // IMR007
  'IMR007-missing-credentials.txt': () => {
    const l = letter('dwc-2016/text/CM17-0008241.txt');
    const c = defined(l.doc.credentials);
    apply(l, [{ from: c.range.start.line, to: c.range.end.line, replacement: [] }]);
    mark(l, 'HOW THE IMR FINAL DETERMINATION WAS MADE', 'IMR007', 'HOW THE IMR FINAL DETERMINATION WAS MADE');
    return l;
  },
  'IMR007-no-specialty.txt': () => {
    const l = letter('dwc-2016/layout/CM17-0020243.txt');
    const row = l.lines.findIndex((x) => x.startsWith('Certification(s)/Specialty:'));
    apply(l, [{ from: row, to: row, replacement: ['Certification(s)/Specialty:'] }]);
    mark(l, 'The Expert Reviewer has the following credentials:', 'IMR007', [
      'The Expert Reviewer has the following credentials:',
      2,
      'Certification(s)/Specialty:',
    ]);
    return l;
  },
  'IMR007-clean-inline-credentials.txt': () => {
    const l = letter('seeds/001_5b4dca91092a81f1.txt');
    mark(l, 'while employed by .', 'IMR014', 'employed by[ ].'); // another rule's finding: a redaction gap in the seed
    return l;
  },
  // IMR008
  'IMR008-missing-claims-administrator-guideline.txt': () => {
    const l = letter('dwc-2016/text/CM16-0230548.txt');
    const it = item(l, 1);
    apply(l, [removeField(field(it, 'claimsAdministratorGuideline'))]);
    mark(l, at(l.lines, it.headingRange.start.line), 'IMR008', at(l.lines, it.headingRange.start.line));
    return l;
  },
  'IMR008-empty-claims-administrator-guideline.txt': () => {
    const l = letter('dwc-2016/layout/CM17-0005412.txt');
    apply(l, [emptyField(l, field(item(l, 1), 'claimsAdministratorGuideline'))]);
    mark(l, 'Claims Administrator guideline:', 'IMR008', 'Claims Administrator guideline:');
    return l;
  },
  'IMR008-clean-no-evidence-cited.txt': () => letter('dwc-2016/text/CM16-0221706.txt'),
};

const only = process.argv.slice(2);
for (const [name, build] of Object.entries(builders)) {
  if (only.length && !only.some((o) => name.includes(o))) continue;
  write(name, build());
}
