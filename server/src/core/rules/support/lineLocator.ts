// Line lookups for rules that read only a few places of a long text: the text's own forward-moving cursor
// (SourceText.cursor). SourceText's `lineAt`/`positionAt` index every line start on first use (a full pass
// and an array as long as the text has lines); the rules need a handful of lines near the top of each
// letter and the positions of rare findings. The cursor lives on the SourceText rather than in a side
// table, so that several rules on one text share it without a WeakMap lookup per rule and per letter.
import type { LineCursor, SourceText } from '../../source';

export type LineLocator = LineCursor;

export function lineLocator(source: SourceText): LineLocator {
  return source.cursor;
}
