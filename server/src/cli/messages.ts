// One-line messages on stderr. Never document text: paths, error codes and counts only.
import { printable } from './printable';

/** The command's own diagnostics (unreadable files, bad paths), in the order they happened. */
export class Messages {
  readonly lines: string[] = [];
  /** True once anything made the run incomplete: exit code 2. */
  failed = false;

  error(text: string): void {
    this.lines.push(`imr: ${printable(text)}`);
    this.failed = true;
  }

  warn(text: string): void {
    this.lines.push(`imr: warning: ${printable(text)}`);
  }

  flush(): void {
    for (const line of this.lines.splice(0)) process.stderr.write(`${line}\n`);
  }
}

/** Exit codes: 0 clean, 1 error-level findings (check only), 2 usage or input failure. */
export const EXIT = { clean: 0, errors: 1, failure: 2 } as const;
