// What a hover says at a position of a parsed letter, as plain data: pure, no connection (lsp/hover.ts
// fetches the findings and serves it).
//
// Parts, most specific first, all that apply at the position:
//  1. an abbreviation (glossary `termAt`), `[unverified]` when the glossary marks it recalled;
//  2. a decision word: what Upheld / Overturned means for the worker (DECISION_EXPLANATIONS);
//  3. a field label: what the field holds;
//  4. a guideline citation: the source and each MTUS title explained (describe* helpers) with the parsed
//     title, year, chapter, sections and pages, or the non-MTUS source family and chapter;
//  5. the rules whose findings cover the position: id, name, description and rationale.
import { lookupMtusTitle } from '../guidelines';
import { DECISION_EXPLANATIONS, describeMtusPart, describeNonMtusSource } from '../descriptions';
import { termAt, type GlossaryEntry } from '../glossary';
import type { Citation, Field, FieldKind, ImrDocument, MtusPart, Position, Range } from '../model';
import { comparePositions, containsPosition } from '../range';
import { findRule, type Finding, type RuleMeta } from '../rules';
import type { SourceText } from '../source';
import { escapeMarkdown } from '../text/markdown';

interface HoverPart {
  /** Markdown. */
  markdown: string;
  /** The same without markup. */
  plain: string;
  range: Range;
}

function termPart(entry: GlossaryEntry, line: number, start: number, end: number): HoverPart {
  const markdown = [
    `**${escapeMarkdown(entry.term)}** — ${escapeMarkdown(entry.meaning)}${entry.unverified ? ' *[unverified]*' : ''}`,
  ];
  const plain = [`${entry.term} — ${entry.meaning}${entry.unverified ? ' [unverified]' : ''}`];
  if (entry.note) {
    markdown.push(escapeMarkdown(entry.note));
    plain.push(entry.note);
  }
  return {
    markdown: markdown.join('\n\n'),
    plain: plain.join('\n'),
    range: { start: { line, character: start }, end: { line, character: end } },
  };
}

const FIELD_HELP: Record<FieldKind, string> = {
  claimsAdministratorGuideline:
    'What the claims administrator’s utilization review (UR) relied on when it denied or modified the request.',
  reviewerGuideline:
    'What the IMR expert reviewer relied on. The MTUS comes first; a source outside the MTUS needs a reason (Labor Code 4610.5(c)(2), 8 CCR 9792.21.1).',
  rationale:
    'The expert reviewer’s reasons for the decision. It should end by stating whether the request is medically necessary, in agreement with the decision.',
};

const PARTY_OF_FIELD: Partial<Record<FieldKind, string>> = {
  claimsAdministratorGuideline: 'Cited by the claims administrator (utilization review)',
  reviewerGuideline: 'Cited by the IMR expert reviewer',
};

function fieldPart(field: Field): HoverPart {
  const name = field.label.replace(/\s+/g, ' ').trim();
  return {
    markdown: `**${escapeMarkdown(name)}** ${escapeMarkdown(FIELD_HELP[field.kind])}`,
    plain: `${name} ${FIELD_HELP[field.kind]}`,
    range: field.labelRange,
  };
}

function pagesText(part: MtusPart): string {
  return part.pages.map((p) => (p.to === undefined ? `${p.from}` : `${p.from}–${p.to}`)).join(', ');
}

/** `Low Back Complaints 2004`, `ACOEM Chapter 12 Low Back Complaints`. */
function partTitle(part: MtusPart): string {
  const chapter = part.chapter !== undefined && part.year === undefined ? `ACOEM Chapter ${part.chapter} ` : '';
  return `${chapter}${part.title}${part.year !== undefined ? ` ${part.year}` : ''}`.trim() || 'ACOEM';
}

/** One line per fact: `Title: …`, `Year: …`, `Sections: …`, `Pages: …`. */
function partFacts(part: MtusPart): Array<[string, string]> {
  const facts: Array<[string, string]> = [];
  facts.push(['Title', part.title || 'ACOEM']);
  if (part.year !== undefined) facts.push(['Year', String(part.year)]);
  const known = lookupMtusTitle(part);
  const chapter = part.chapter ?? known?.chapter;
  if (chapter !== undefined) facts.push(['ACOEM chapter', String(chapter)]);
  if (part.sections.length)
    facts.push([
      part.sections.length === 1 ? 'Section' : 'Sections',
      part.sections.map((s) => s.name.replace(/\s+/g, ' ')).join('; '),
    ]);
  if (part.pages.length)
    facts.push([part.pages.length === 1 && part.pages[0]?.to === undefined ? 'Page' : 'Pages', pagesText(part)]);
  return facts;
}

function citationPart(citation: Citation, field: Field): HoverPart {
  const party = PARTY_OF_FIELD[field.kind];
  const md: string[] = [];
  const plain: string[] = [];
  if (citation.kind === 'mtus') {
    md.push(
      `**MTUS citation** — Medical Treatment Utilization Schedule (8 CCR 9792.20 ff.), the guideline that is presumed correct`,
    );
    plain.push(
      'MTUS citation — Medical Treatment Utilization Schedule (8 CCR 9792.20 ff.), the guideline that is presumed correct',
    );
    if (party) {
      md.push(`*${party}.*`);
      plain.push(`${party}.`);
    }
    for (const part of citation.parts) {
      const description = describeMtusPart(part);
      md.push(
        `**${escapeMarkdown(partTitle(part))}**${description ? ` — ${escapeMarkdown(description)}` : ' — not a known MTUS title'}`,
      );
      plain.push(`${partTitle(part)}${description ? ` — ${description}` : ' — not a known MTUS title'}`);
      const facts = partFacts(part);
      md.push(facts.map(([k, v]) => `- ${k}: ${escapeMarkdown(v)}`).join('\n'));
      plain.push(facts.map(([k, v]) => `  ${k}: ${v}`).join('\n'));
    }
    if (citation.parts.length === 0) {
      md.push('No MTUS title could be read from this citation.');
      plain.push('No MTUS title could be read from this citation.');
    }
  } else {
    const source = citation.source ?? 'other';
    const name = source === 'other' ? 'another source' : source;
    md.push(`**Non-MTUS citation** (${name})`);
    plain.push(`Non-MTUS citation (${name})`);
    if (party) {
      md.push(`*${party}.*`);
      plain.push(`${party}.`);
    }
    md.push(escapeMarkdown(describeNonMtusSource(source)));
    plain.push(describeNonMtusSource(source));
    if (citation.chapter) {
      md.push(`- Chapter: ${escapeMarkdown(citation.chapter.replace(/\s+/g, ' '))}`);
      plain.push(`  Chapter: ${citation.chapter.replace(/\s+/g, ' ')}`);
    }
  }
  return { markdown: md.join('\n\n'), plain: plain.join('\n'), range: citation.range };
}

function decisionPart(raw: string, value: 'Upheld' | 'Overturned' | undefined, range: Range): HoverPart {
  if (value) {
    const text = DECISION_EXPLANATIONS[value];
    const colon = text.indexOf(':');
    const md = colon > 0 ? `**${text.slice(0, colon)}**${escapeMarkdown(text.slice(colon))}` : escapeMarkdown(text);
    return { markdown: md, plain: text, range };
  }
  const written = raw.replace(/\s+/g, ' ').trim();
  const text = `“${written}” is not an IMR decision. Each disputed item is either Upheld (UR's denial stands: not medically necessary) or Overturned (medically necessary, to be authorised); no item is partially overturned.`;
  return { markdown: escapeMarkdown(text), plain: text, range };
}

function findingPart(finding: Finding, meta: RuleMeta | undefined): HoverPart {
  const head = `${finding.ruleId} ${finding.ruleName}`;
  const severity = finding.severity;
  const md = [`**${head}** (${severity}) — ${escapeMarkdown(meta?.description ?? finding.message)}`];
  const plain = [`${head} (${severity}) — ${meta?.description ?? finding.message}`];
  if (meta?.rationale) {
    md.push(`Why: ${escapeMarkdown(meta.rationale)}`);
    plain.push(`Why: ${meta.rationale}`);
  }
  return { markdown: md.join('\n\n'), plain: plain.join('\n'), range: finding.range };
}

/** The parts that apply at `position`, findings excluded. */
function documentHoverParts(doc: ImrDocument, source: SourceText, position: Position): HoverPart[] {
  const parts: HoverPart[] = [];
  const lineText = source.lineAt(position.line);
  const term = termAt(lineText, position.character);
  if (term) parts.push(termPart(term.entry, position.line, term.start, term.end));

  for (const item of doc.items) {
    if (comparePositions(position, item.range.start) < 0 && comparePositions(position, item.headingRange.start) < 0)
      continue;
    if (comparePositions(position, item.range.end) > 0 && comparePositions(position, item.headingRange.end) > 0)
      continue;
    if (item.decision && containsPosition(item.decision.range, position)) {
      parts.push(decisionPart(item.decision.raw, item.decision.value, item.decision.range));
    }
    for (const field of item.fields) {
      if (containsPosition(field.labelRange, position)) parts.push(fieldPart(field));
      if (!field.guideline) continue;
      for (const citation of field.guideline.citations) {
        if (containsPosition(citation.range, position)) parts.push(citationPart(citation, field));
      }
    }
  }
  return parts;
}

export interface HoverResult {
  /** Markdown or plain text, as asked. */
  value: string;
  /** The narrowest part's range. */
  range: Range;
}

/**
 * The hover at `position`: the letter's parts, then the rules whose `findings` cover it (one part per rule),
 * or undefined when nothing applies.
 */
export function hoverAt(
  doc: ImrDocument,
  source: SourceText,
  position: Position,
  options: { findings?: readonly Finding[]; markdown: boolean },
): HoverResult | undefined {
  const parts = documentHoverParts(doc, source, position);
  const seen = new Set<string>();
  for (const finding of options.findings ?? []) {
    if (!containsPosition(finding.range, position) || seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    parts.push(findingPart(finding, findRule(finding.ruleId)?.meta));
  }
  const range = narrowest(parts);
  if (!range) return undefined;
  const value = options.markdown
    ? parts.map((p) => p.markdown).join('\n\n---\n\n')
    : parts.map((p) => p.plain).join('\n\n');
  return { value, range };
}

/** The narrowest range of the parts (the first of equals); none without parts. */
function narrowest(parts: readonly HoverPart[]): Range | undefined {
  let best: Range | undefined;
  const size = (r: Range) => (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
  for (const p of parts) if (!best || size(p.range) < size(best)) best = p.range;
  return best;
}
