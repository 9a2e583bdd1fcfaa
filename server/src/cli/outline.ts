// `imr outline <file>`: the letter's tree as indented text, or as JSON data.
import { outline, type OutlineNode } from '../core/outline';
import { OUTLINE_HELP } from './help';
import { loadLetter } from './letters';
import { EXIT, Messages } from './messages';
import { refuseOutputOverInput, writeOutputAndMessages } from './output';
import { printable } from './printable';
import { oneOf, parseCommandArgs, UsageError } from './usage';

const FORMATS = ['text', 'json'] as const;

export async function runOutline(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h' },
    },
    'outline',
  );
  if (values.help) {
    process.stdout.write(OUTLINE_HELP);
    return EXIT.clean;
  }
  const format = oneOf(values.format, FORMATS, 'text', 'format', 'outline');
  const [file] = positionals;
  if (positionals.length !== 1 || file === undefined) {
    throw new UsageError(`outline takes exactly one file (got ${positionals.length}). See 'imr outline --help'.`);
  }

  refuseOutputOverInput(values.output, [file]);
  const messages = new Messages();
  const loaded = await loadLetter(file);
  if ('reason' in loaded) {
    messages.error(`${loaded.file}: ${loaded.reason}`);
    messages.flush();
    return EXIT.failure;
  }
  const tree = outline(loaded.document);
  const text = format === 'json' ? JSON.stringify(tree, null, 2) + '\n' : renderOutline(tree);
  await writeOutputAndMessages(text, values.output, messages);
  return messages.failed ? EXIT.failure : EXIT.clean;
}

/**
 * One node per line: its 1-based line number, then the name indented by depth, then ` — detail`.
 *   48    EMG/NCS of the right upper extremity was … EMG of the right upper extremity — Overturned · Non-MTUS ODG
 */
export function renderOutline(nodes: readonly OutlineNode[]): string {
  const lines: string[] = [];
  const width = String(maxLine(nodes) + 1).length;
  const walk = (list: readonly OutlineNode[], depth: number) => {
    for (const node of list) {
      const number = String(node.selectionRange.start.line + 1).padStart(width);
      const text = `${node.name}${node.detail ? ` — ${node.detail}` : ''}`;
      lines.push(`${number}  ${'  '.repeat(depth)}${printable(text)}`);
      walk(node.children, depth + 1);
    }
  };
  walk(nodes, 0);
  return lines.length ? lines.join('\n') + '\n' : '(nothing recognised)\n';
}

function maxLine(nodes: readonly OutlineNode[]): number {
  let max = 0;
  for (const n of nodes) max = Math.max(max, n.selectionRange.start.line, maxLine(n.children));
  return max;
}
