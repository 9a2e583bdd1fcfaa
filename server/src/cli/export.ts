// `imr export`: one row per disputed item over many letters, as JSON or CSV.
import { EXPORT_FORMATS, exportRows, formatRows, type ExportRow } from '../core/exportRows';
import { EXPORT_HELP } from './help';
import { expandInputs } from './inputs';
import { parseJobs, registerTask } from './jobs';
import { loadLetter } from './letters';
import { EXIT, Messages } from './messages';
import { refuseOutputOverInput, writeOutputAndMessages } from './output';
import { runWithProgress } from './progress';
import type { FailedFile } from './results';
import { oneOf, parseCommandArgs, UsageError } from './usage';

export async function runExport(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      jobs: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h' },
    },
    'export',
  );
  if (values.help) {
    process.stdout.write(EXPORT_HELP);
    return EXIT.clean;
  }
  const format = oneOf(values.format, EXPORT_FORMATS, 'json', 'format', 'export');
  const jobs = parseJobs(values.jobs, 'export');
  if (positionals.length === 0) throw new UsageError("no files given. See 'imr export --help'.");

  const messages = new Messages();
  const inputs = await expandInputs(positionals);
  refuseOutputOverInput(values.output, inputs.files);
  for (const f of inputs.failures) messages.error(`${f.path}: ${f.reason}`);
  const rows: ExportRow[] = [];
  const outcomes = await runWithProgress(
    exportFile,
    inputs.files.map((file) => ({ file })),
    jobs,
  );
  for (const outcome of outcomes) {
    if ('reason' in outcome) messages.error(`${outcome.file}: ${outcome.reason}`);
    else rows.push(...outcome.rows);
  }
  messages.flush();

  await writeOutputAndMessages(formatRows(rows, format), values.output, messages);
  return messages.failed ? EXIT.failure : EXIT.clean;
}

/** One letter's rows, or why it has none. */
const exportFile = registerTask(
  'export',
  async ({ file }: { file: string }): Promise<{ rows: ExportRow[] } | FailedFile> => {
    const loaded = await loadLetter(file);
    return 'reason' in loaded ? loaded : { rows: exportRows(file, loaded.document) };
  },
);
