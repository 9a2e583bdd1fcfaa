// All of a text's lines at once, as parse once read them: the reference the line tests state their
// expectations on (parse itself reads a letter's lines at a time, through LineReader).
import { LineReader, type Line } from '../../server/src/core/text/lines';

export interface SourceLines {
  /** Non-blank logical lines, in order. */
  lines: Line[];
  /** Number of lines in the original text, counted as LSP does (\r\n, \r and \n end a line). */
  lineCount: number;
  /** Length of the last source line, for the end of the document range. */
  lastLineLength: number;
  doubled: boolean;
}

export function readLines(text: string): SourceLines {
  // A plain reading tells doubled text (rare: the seeds), which is then read again with its doubling undone.
  const plain = readAll(new LineReader(text, false));
  return plain.reader.doubledEvidence ? readAll(new LineReader(text, true)).source : plain.source;
}

function readAll(reader: LineReader): { source: SourceLines; reader: LineReader } {
  const lines: Line[] = [];
  for (let line = reader.next(); line; line = reader.next()) lines.push(line);
  const { lineCount, lastLineLength, doubled } = reader;
  return { source: { lines, lineCount, lastLineLength, doubled }, reader };
}
