// L1 and L0 letters (format guide §9). Work in progress: items are read by a later change.
import type { DisputedItem, ImrDocument } from '../model';
import type { Line } from '../text/lines';
import type { SectionLines } from './sections';

export function parseL1(_lines: readonly Line[], _sections: readonly SectionLines[]): { items: DisputedItem[]; findings: ImrDocument['findings'] } {
  return { items: [], findings: undefined };
}

export function parseL0Items(_sections: readonly SectionLines[]): DisputedItem[] {
  return [];
}
