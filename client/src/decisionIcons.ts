// The icon of each decision, one set for the gutter and the Determinations view, so that a reader learns one
// set of symbols: a badge (a rounded square, unlike the circles and triangles of diagnostics and breakpoints)
// filled blue with a bar for Upheld (the denial stands), filled green with a check for Overturned, outlined
// with a question mark for a decision word that is neither, dashed and empty for no decision. Shapes differ,
// so colour is never the only cue. Each has a light-theme and a dark-theme drawing (VS Code uses the light
// one for light and high-contrast light themes, the dark one for dark and high-contrast dark themes). Pure
// (no `vscode` import), so that the choice is unit-tested.
import type { ItemDecision, PickableItem } from '../../server/src/protocol';

export type DecisionIcon = 'upheld' | 'overturned' | 'invalid' | 'missing';

export const DECISION_ICON: Record<ItemDecision, DecisionIcon> = {
  Upheld: 'upheld',
  Overturned: 'overturned',
  invalid: 'invalid',
  missing: 'missing',
};

export const DECISION_ICONS: readonly DecisionIcon[] = ['upheld', 'overturned', 'invalid', 'missing'];

/** The icon's drawings, relative to the extension's folder. */
export function decisionIconFiles(icon: DecisionIcon): { light: string; dark: string } {
  return { light: `media/decisions/${icon}-light.svg`, dark: `media/decisions/${icon}-dark.svg` };
}

/** An item's gutter icon: the line it stands on and what its hover says. */
export interface DecisionMark {
  line: number;
  hover: string;
}

/** The items' icons by shape, each on the last line of its item's heading (where the decision stands). */
export function decisionMarks(items: readonly PickableItem[]): Record<DecisionIcon, DecisionMark[]> {
  const marks: Record<DecisionIcon, DecisionMark[]> = { upheld: [], overturned: [], invalid: [], missing: [] };
  for (const item of items)
    marks[DECISION_ICON[item.decision]].push({
      line: item.range.end.line,
      hover: `${item.label}: ${item.description}`,
    });
  return marks;
}
