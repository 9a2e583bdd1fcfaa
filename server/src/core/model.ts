// The typed model of an IMR Final Determination letter. Pure data: no I/O, no editor types.
// Positions are zero-based lines and UTF-16 characters into the ORIGINAL text (as LSP counts them).

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A piece of the letter: its text with line breaks folded to single spaces, and where it stands. */
export interface Span {
  text: string;
  range: Range;
}

/**
 * Text folded over several source lines (line breaks read as single spaces) that keeps its way back to the
 * source: offsets found in `text` turn into exact ranges in the letter.
 */
export interface FoldedSpan extends Span {
  /** The source range of `text[start, end)`. */
  rangeOf(start: number, end: number): Range;
}

/** L3 covers L3a/L3b/L3-2016; see `LayoutVariant` for which. */
export type Layout = 'L0' | 'L1' | 'L2' | 'L3' | 'unknown';

export type CredentialsForm = 'block' | 'inline' | 'none';

export interface LayoutVariant {
  /** The `Case Number:` header block stands before the first heading (L3-2016). */
  hasHeader: boolean;
  credentialsForm: CredentialsForm;
  /** 1: `ACOEM Chapter n … Page(s)` citations; 2: `<Title> <Year>, Section(s)`; undefined: none seen. */
  citationEra?: 1 | 2;
  /** How the text was extracted, as far as the artefacts tell. */
  extraction: 'doubled' | 'layout' | 'plain';
}

/** The labels of the L3-2016 header block. */
export type L3HeaderFieldName =
  'caseNumber' | 'dateAssigned' | 'decisionDate' | 'priority' | 'dateOfInjury' | 'urDenialDate' | 'applicationReceived';

/** L1 letters read `Dated:` as `decisionDate` and have `noticeOfAssignment` where L3 has `dateAssigned`. */
export type HeaderFieldName = L3HeaderFieldName | 'noticeOfAssignment';

export interface HeaderField {
  name: HeaderFieldName;
  /**
   * The label as written, e.g. `Date of Injury:`; `Application Received:` even when wrapped. For a date read
   * from a sentence, the words that introduce it (`Application for Independent Medical Review was received on`).
   */
  label: string;
  labelRange: Range;
  /** Raw value text; empty when the label has no value. */
  value: string;
  valueRange: Range;
  /** L1: read from a sentence of the procedural paragraph, not from a `Label:`; the value is a date as written. */
  inSentence?: boolean;
}

export interface Header {
  /** L3: the header block. L1: the `Dated:` line (its other dates stand in the procedural paragraph). */
  range: Range;
  fields: Partial<Record<HeaderFieldName, HeaderField>>;
}

export type SectionKind =
  | 'howMade'
  | 'documentsReviewed'
  | 'caseSummary'
  | 'decisions'
  | 'findings'
  | 'qualifications'
  | 'issueAtDispute'
  | 'guidelinesRelied'
  | 'rationale';

export interface Section {
  kind: SectionKind;
  /** The heading as the letter spells it, without page-break characters or outer spaces. */
  title: string;
  headingRange: Range;
  /** From the line after the heading to the last non-blank line before the next heading. Empty body: start == end. */
  bodyRange: Range;
  /** Heading plus body. */
  range: Range;
}

export interface Credentials {
  form: 'block' | 'inline';
  range: Range;
  /** States of licensure, split on commas (block) or the sentence's `licensed to practice in …`. */
  states: Span[];
  /** Certifications/specialties. */
  specialties: Span[];
}

export type DecisionValue = 'Upheld' | 'Overturned';

export interface Decision {
  /** Normalised value, or undefined when the word is not one of the two. */
  value?: DecisionValue;
  /** The word(s) exactly as written, e.g. `Uphold`, `Partially overturned`. */
  raw: string;
  range: Range;
}

/** A partial-authorisation preamble split into its parts (§5 of the format guide). */
export interface PartialAuthorization {
  form: 'remaining-portion' | 'leaving-eligible' | 'no-is';
  originalRequest: Span;
  authorized?: Span;
  /** What the IMR decides on: the remaining portion, or the original request restated. */
  remaining?: Span;
}

export type FieldKind = 'claimsAdministratorGuideline' | 'reviewerGuideline' | 'rationale';

export type Party = 'Claims Administrator' | 'Expert Reviewer';

/** A page or page range an MTUS part cites: `300`, `617-25` (read as 617-625). */
export interface PageRef {
  from: number;
  to?: number;
  /** The number(s) as written. */
  range: Range;
}

/** A section an MTUS part cites, e.g. `Special Studies`, `3.3.1.1 Opioids: Screening`. */
export interface SectionRef {
  /** As written, with the white space after a joining comma read as one space. */
  name: string;
  range: Range;
}

/** One MTUS title cited: era 2 `<Title> <Year>, Section(s): …` or era 1 `ACOEM Chapter n … Page(s): …`. */
export interface MtusPart {
  title: string;
  year?: number;
  chapter?: number;
  pages: PageRef[];
  sections: SectionRef[];
  /** The whole part as written. */
  range: Range;
  /** The title (and year) as written, before `Section(s):` / `Page(s):`; absent when there is none. */
  titleRange?: Range;
}

export interface Citation {
  kind: 'mtus' | 'non-mtus';
  /** The citation text after `Decision based on `, without the final period. */
  text: string;
  /** MTUS parts; empty for non-MTUS. */
  parts: MtusPart[];
  /** `MTUS` or `Non-MTUS Citation` as written, when the citation starts with it. */
  leadRange?: Range;
  /** Non-MTUS: which source family the free text names, when recognisable. */
  source?: 'ODG' | 'ACOEM' | 'other';
  /** Non-MTUS ODG or ACOEM: the source's name as written, e.g. `Official Disability Guidelines (ODG)`. */
  sourceRange?: Range;
  /** Non-MTUS: chapter named after the source when recognisable, e.g. `Knee & Leg`. */
  chapter?: string;
  chapterRange?: Range;
  range: Range;
}

/** What a guideline field says, per the citation grammar (§6). */
export interface GuidelineBody {
  party?: Party;
  /** `… did not cite any medical evidence for its decision`. */
  noEvidence: boolean;
  noEvidenceRange?: Range;
  /** Era 1 `did not base their decision on the MTUS` or era 2 `… outside of the MTUS Guidelines`. */
  outsideMtus: boolean;
  citations: Citation[];
}

export type Polarity = 'positive' | 'negative';

/** The rationale's medical-necessity conclusion (§7). */
export interface NecessityConclusion {
  polarity: Polarity;
  sentence: Span;
}

/** A rationale whose last sentence concludes in utilization-review words ("The request is non-certified."). */
export interface UrWordedConclusion {
  /** What the words say about necessity; undefined for "modified". */
  polarity?: Polarity;
  word: Span;
  sentence: Span;
}

export interface Field {
  kind: FieldKind;
  /** The label as written, e.g. `MAXIMUS guideline:`. */
  label: string;
  labelRange: Range;
  /** The text after the label up to the next label or item. Empty text when the label has none. */
  body: FoldedSpan;
  /** Whole field: label plus body. */
  range: Range;
  /** Guideline fields only. */
  guideline?: GuidelineBody;
  /** Rationale fields only. */
  conclusion?: NecessityConclusion;
  /** Rationale fields only: set when the last sentence concludes in UR words instead of necessity. */
  urConclusion?: UrWordedConclusion;
}

export interface DisputedItem {
  /** 1-based position among the letter's items. */
  index: number;
  /** The item text as written (preamble included), without the decision. */
  text: Span;
  /** What is decided on: the remaining portion or restated request, else the whole text. */
  subject: string;
  partial?: PartialAuthorization;
  decision?: Decision;
  /** Heading line(s) of the item: its text and decision. */
  headingRange: Range;
  /** Whole item: heading plus fields. */
  range: Range;
  claimsAdministratorGuideline?: Field;
  reviewerGuideline?: Field;
  rationale?: Field;
  /** L1: read from the findings list because no item block matched; it has no fields to check. */
  fromFindings?: boolean;
  /** The item's fields in source order (a repeated label starts the next item). */
  fields: Field[];
}

/** L1 only: the numbered findings list (`1) MAXIMUS … has determined the request for <item> is …`). */
export interface Finding {
  number: number;
  item: Span;
  polarity: Polarity;
  /** The decision as worded: `is not medically necessary and appropriate`. */
  wording: Span;
  range: Range;
}

export type ProblemCode =
  'unknown-layout' | 'unverified-layout' | 'no-items' | 'truncated' | 'empty-document' | 'binary-content';

/** Something the parser itself could not make sense of. Rules report content defects; this reports reading ones. */
export interface StructuralProblem {
  code: ProblemCode;
  message: string;
  severity: 'error' | 'warning' | 'information';
  range: Range;
}

/** One letter of a file. A file can hold several: the extraction of a bundle of PDFs, or letters pasted together. */
export interface Letter {
  layout: Layout;
  variant: LayoutVariant;
  header?: Header;
  sections: Section[];
  credentials?: Credentials;
  /** Numbered from 1 within the letter. */
  items: DisputedItem[];
  /** L1 only: the list at the top and its repeat under the decision heading. */
  findings?: { summary: Finding[]; repeated: Finding[] };
  problems: StructuralProblem[];
  /** From the start of the letter's first line to where the next letter starts, or to the end of the file. */
  range: Range;
}

/**
 * The parsed file. With one letter (the common case) its fields are that letter's and `letters` holds it
 * alone. With several, `layout`, `variant`, `header` and `credentials` are the first letter's, while
 * `sections`, `items`, `findings` and `problems` hold every letter's in source order; per-letter views
 * come from `letters`.
 */
export interface ImrDocument extends Letter {
  /**
   * The letters in source order, as `parse` gives them; read them with `lettersOf` (core/letters.ts), which
   * takes a document built without them (by hand, in a test) as one letter.
   */
  letters?: Letter[];
  /** Number of lines of the original text (LSP counting). */
  lineCount: number;
  /** The whole document's range. */
  range: Range;
}
