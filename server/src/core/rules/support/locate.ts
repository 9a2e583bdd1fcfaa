// Names where a raw-text finding stands ("in the rationale of item 2 ("…")", "in CLINICAL CASE SUMMARY"),
// for rules that scan the text rather than the model. Queries must come in increasing order: the cursors
// only move forward, so naming n findings costs O(n + sections + items + the items' text).
import type { DisputedItem, ImrDocument, Position, Range, Section } from '../../model';
import { comparePositions } from '../../range';
import { itemInSentence } from '../messages';

/** Half-open: the range's end is outside. */
function contains(range: Range, p: Position): boolean {
  return comparePositions(range.start, p) <= 0 && comparePositions(p, range.end) < 0;
}

const FIELD_NAMES = {
  claimsAdministratorGuideline: 'Claims Administrator guideline',
  reviewerGuideline: 'MAXIMUS guideline',
  rationale: 'rationale',
} as const;

export class Locator {
  private section = 0;
  private item = 0;
  /** The current item as named in a sentence, made once: naming reads the item's whole text. */
  private named?: { item: DisputedItem; name: string };

  constructor(private readonly document: ImrDocument) {}

  /** Where `p` stands, as a phrase to follow "… ": never empty. */
  describe(p: Position): string {
    const items = this.document.items;
    let item: DisputedItem | undefined = items[this.item];
    while (item && comparePositions(p, item.range.end) >= 0) item = items[++this.item];
    if (item && contains(item.range, p)) {
      const field = item.fields.find((f) => contains(f.range, p));
      if (this.named?.item !== item) this.named = { item, name: itemInSentence(item) };
      return field ? `in the ${FIELD_NAMES[field.kind]} of ${this.named.name}` : `in the heading of ${this.named.name}`;
    }
    const sections = this.document.sections;
    let section: Section | undefined = sections[this.section];
    while (section && comparePositions(p, section.range.end) >= 0) section = sections[++this.section];
    if (section && contains(section.range, p)) return `in ${section.title}`;
    const first = sections[0];
    return first && comparePositions(p, first.range.start) < 0 ? 'before the first heading' : 'outside any section';
  }
}
