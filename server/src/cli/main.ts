// The `imr` command line: dispatches to check, outline and export. Never crashes: anything unexpected
// becomes one line on stderr and exit code 2.
import { runCheck } from './check';
import { runExport } from './export';
import { MAIN_HELP } from './help';
import { describeError } from '../node/errors';
import { isWorkerThread, serveTasks } from './jobs';
import { EXIT } from './messages';
import { runOutline } from './outline';
import { printable } from './printable';
import { UsageError } from './usage';
import { VERSION } from './version';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  check: runCheck,
  outline: runOutline,
  export: runExport,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
    if (topic) return topic(['--help']);
    (command === undefined ? process.stderr : process.stdout).write(MAIN_HELP);
    return command === undefined ? EXIT.failure : EXIT.clean;
  }
  if (command === '-v' || command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return EXIT.clean;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`unknown command '${command}'. See 'imr --help'.`);
  return run(rest);
}

// A write to stdout that fails is reported by writeOutput (output.ts), which waits for it, and a closed pipe
// (`imr check … | head`) is no error; without a listener the 'error' event would end the process with a
// stack trace, or (when it exited here) with an exit code that did not yet reflect the findings.
process.stdout.on('error', () => {});

// `--jobs`: in a worker thread this bundle serves the commands' per-file tasks instead.
if (isWorkerThread()) {
  void serveTasks();
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) process.stderr.write(`imr: ${printable(error.message)}\n`);
      else process.stderr.write(`imr: internal error (${describeError(error)}); please report it\n`);
      process.exitCode = EXIT.failure;
    },
  );
}
