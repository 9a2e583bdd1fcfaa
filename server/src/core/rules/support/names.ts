// How messages name the part of the letter they are about: "item 2 ("Medial branch block at C5-6")".
import type { DisputedItem } from '../../model';

const MAX_QUOTED = 60;

/** Shortens a quoted excerpt so that a message stays one readable line. */
export function quote(text: string, max = MAX_QUOTED): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat}"`;
}

export function itemName(item: DisputedItem): string {
  const subject = item.subject || item.text.text;
  return subject ? `item ${item.index} (${quote(subject)})` : `item ${item.index}`;
}
