// `imr check`: every rule over every letter, reported as text, JSON or SARIF.
import { check, type ImrConfig } from '../core/rules';
import { fixAllSafe } from '../core/rules/fixes';
import { ConfigChooser } from './config';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';
import { CHECK_HELP } from './help';
import { expandInputs } from './inputs';
import { parseJobs, registerTask } from './jobs';
import { BINARY_REASON, internalError, isBinary } from './letters';
import { EXIT, Messages } from './messages';
import { refuseOutputOverInput, writeOutputAndMessages } from './output';
import { runWithProgress } from './progress';
import { readLetter } from '../node/letterReader';
import { replaceLetter } from '../node/letterWriter';
import type { FailedFile, FileResult } from './results';
import { oneOf, parseCommandArgs, UsageError } from './usage';

const FORMATS = ['text', 'json', 'sarif'] as const;

export async function runCheck(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      format: { type: 'string', short: 'f' },
      config: { type: 'string', short: 'c' },
      quiet: { type: 'boolean', short: 'q' },
      output: { type: 'string', short: 'o' },
      fix: { type: 'boolean' },
      jobs: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h' },
    },
    'check',
  );
  if (values.help) {
    process.stdout.write(CHECK_HELP);
    return EXIT.clean;
  }
  const format = oneOf(values.format, FORMATS, 'text', 'format', 'check');
  const jobs = parseJobs(values.jobs, 'check');
  if (positionals.length === 0) throw new UsageError("no files given. See 'imr check --help'.");

  const messages = new Messages();
  const configs = await ConfigChooser.create(values.config, messages);
  const inputs = await expandInputs(positionals);
  refuseOutputOverInput(values.output, inputs.files);
  const results: FileResult[] = [];
  const failed: FailedFile[] = [];
  for (const f of inputs.failures) {
    messages.error(`${f.path}: ${f.reason}`);
    failed.push({ file: f.path, reason: f.reason, ...(f.pattern ? { pattern: true } : {}) });
  }
  const tasks = inputs.files.map((file) => ({ file, config: configs.forFile(file), fix: values.fix === true }));
  const outcomes: CheckOutcome[] = await runWithProgress(checkFile, tasks, jobs);
  for (const outcome of outcomes) {
    for (const warning of outcome.warnings ?? []) messages.warn(warning);
    if ('reason' in outcome) {
      failed.push(outcome);
      messages.error(`${outcome.file}: ${outcome.reason}`);
    } else {
      results.push(
        values.quiet
          ? { file: outcome.file, findings: outcome.findings.filter((f) => f.severity === 'error') }
          : outcome,
      );
    }
  }
  messages.flush();

  const text =
    format === 'json' ? formatJson(results) : format === 'sarif' ? formatSarif(results, failed) : formatText(results);
  await writeOutputAndMessages(text, values.output, messages);

  if (messages.failed) return EXIT.failure;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT.errors : EXIT.clean;
}

interface CheckTask {
  file: string;
  config: ImrConfig;
  fix: boolean;
}

type CheckOutcome = (FileResult | FailedFile) & { warnings?: string[] };

/** One file, never throwing: its findings, or why it was skipped. With `fix`, safe fixes are written first. */
const checkFile = registerTask('check', async ({ file, config, fix }: CheckTask): Promise<CheckOutcome> => {
  const read = await readLetter(file);
  if (!read.ok) return { file, reason: read.reason };
  try {
    const { document, findings } = check(read.text, config);
    if (isBinary(document)) return { file, reason: BINARY_REASON };
    if (!fix) return { file, findings };
    const fixed = fixAllSafe(read.text, (text) => check(text, config).findings, findings);
    if (fixed.fixed === 0) return { file, findings };
    if (read.encoding === 'pdf')
      return {
        file,
        findings,
        warnings: [`${file}: not fixed: a PDF is read-only; fix the document it was made from`],
      };
    // Never rewrite a byte outside a fix: a file that would not read back the same is left alone.
    if (read.unwritable !== undefined) {
      return {
        file,
        findings,
        warnings: [`${file}: not fixed: ${read.unwritable}, and rewriting it would change those bytes`],
      };
    }
    const notWritten = await replaceLetter(file, read.text, fixed.text, read.encoding);
    if (notWritten !== undefined) return { file, findings, warnings: [`${file}: not fixed: ${notWritten}`] };
    return { file, findings: fixed.findings };
  } catch (error) {
    return { file, reason: internalError(error) };
  }
});
