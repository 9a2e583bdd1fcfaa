// Which configuration each file is checked with: the `.imr.json` found by walking up from the file to the
// working directory (never above it; a file outside it gets its own folder's only), or the one file named
// by --config for all of them.
import { stat } from 'node:fs/promises';
import type { ImrConfig } from '../core/rules';
import { loadConfigFile, loadConfigFor, type LoadedConfig } from '../node/config';
import { describeError } from '../node/errors';
import type { Messages } from './messages';
import { UsageError } from './usage';

export class ConfigChooser {
  private readonly reported = new Set<string>();

  private constructor(
    private readonly forced: LoadedConfig | undefined,
    private readonly messages: Messages,
  ) {}

  /** A --config file that is missing or unreadable is a usage error; problems inside it are only warned about. */
  static async create(forcedPath: string | undefined, messages: Messages): Promise<ConfigChooser> {
    if (forcedPath === undefined) return new ConfigChooser(undefined, messages);
    try {
      if (!(await stat(forcedPath)).isFile()) throw new UsageError(`--config ${forcedPath}: not a file`);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`--config ${forcedPath}: cannot be read (${describeError(error)})`);
    }
    return new ConfigChooser(loadConfigFile(forcedPath), messages);
  }

  /** The configuration for one letter. Each config problem (which names its file) is warned about once. */
  forFile(file: string): ImrConfig {
    const found = this.forced ?? loadConfigFor(file, process.cwd());
    for (const problem of found.problems) {
      if (!this.reported.has(problem)) {
        this.reported.add(problem);
        this.messages.warn(problem);
      }
    }
    return found.config;
  }
}
