// The `imr` settings and the `.imr.json` rule configuration, per document.
//
// Where settings come from:
//  * a client with `workspace.configuration` is asked for the `imr` section, scoped to the document
//    (VS Code resource settings), and the answer is cached per document until the next
//    `workspace/didChangeConfiguration`;
//  * any other client: `initializationOptions` (either `{ imr: {...} }`, `{ settings: { imr: {...} } }` or the
//    section itself), then the `settings` of each `workspace/didChangeConfiguration`.
// Either way the section is made total, with the defaults, by core/service/settings.ts.
// Rule settings for a document = the nearest `.imr.json` above its file, up to its workspace folder
// (server/src/node/config.ts; a file outside every folder: its own folder only), then the
// `imr.rules` setting on top (core/rules/config.ts `mergeConfigs`). A problem in either is shown once as a
// `window/showMessage` warning (it names the config file or the setting, never the letter), and the readable
// part of the configuration is used. In an untrusted workspace (VS Code's Restricted Mode, protocol.ts) no
// `.imr.json` is read until trust is granted.
//
// `generation` counts every change of settings or config files; results cached under an older generation
// (findings, pull diagnostic result ids) are stale.
import { fileURLToPath } from 'node:url';
import { MessageType, ShowMessageNotification, type ClientCapabilities, type Connection } from 'vscode-languageserver';
import {
  mergeConfigs,
  resolveRuleSettings,
  validateConfig,
  type ImrConfig,
  type RuleSetting,
} from '../core/rules/config';
import { defaultSettings, normalizeSettings, SETTINGS_SECTION, type ImrSettings } from '../core/service/settings';
import { clearConfigCache, loadConfigFor } from '../node/config';
import { PDF_SCHEME } from '../protocol';
import { deepestRootOf } from '../node/walker';
import type { Logger } from './log';

export interface DocumentConfiguration {
  settings: ImrSettings;
  /** Effective rule settings: `.imr.json` then `imr.rules`. */
  rules: Map<string, RuleSetting>;
  /** The `.imr.json` that applies, when one was found. */
  configPath?: string;
  /**
   * The file's parsed config. The loader returns the same object while the file is unchanged on disk, so
   * results memoised against it stay valid, and an edit is noticed even by clients that cannot watch files.
   */
  fileConfig: ImrConfig;
  generation: number;
}

/** The file behind a document: a `file:` URI, or a PDF's read-only `imr-pdf:` document (`imr-pdf:/a/b.pdf`). */
export function filePathOf(uri: string): string | undefined {
  const pdfPrefix = `${PDF_SCHEME}:`;
  const fileUri = uri.startsWith(pdfPrefix) ? `file://${uri.slice(pdfPrefix.length)}` : uri;
  if (!fileUri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(fileUri);
  } catch {
    return undefined;
  }
}

const NO_CONFIG: ImrConfig = Object.freeze({});

export class SettingsStore {
  private global: ImrSettings = defaultSettings();
  private readonly perDocument = new Map<string, Promise<ImrSettings>>();
  /** The last settings resolved per document, for features that cannot wait (size limit checks). */
  private readonly resolved = new Map<string, ImrSettings>();
  private readonly shownProblems = new Set<string>();
  private _generation = 0;
  private _trusted = true;

  constructor(
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly capabilities: () => ClientCapabilities,
    /** Workspace folder paths: `.imr.json` is looked for up to the folder holding a document, never above. */
    private readonly folders: () => readonly string[] = () => [],
  ) {}

  get generation(): number {
    return this._generation;
  }

  /** True when the client answers `workspace/configuration`. */
  get pullsConfiguration(): boolean {
    return this.capabilities().workspace?.configuration === true;
  }

  /** Settings from `initializationOptions` or a `didChangeConfiguration` push. */
  setGlobal(section: unknown): void {
    if (section === undefined) return;
    this.global = normalizeSettings(section);
    this.applyLogLevel(this.global);
  }

  /**
   * Asks a client that answers `workspace/configuration` for the unscoped `imr` section: the settings used
   * where no document is concerned (the log level at start-up, fallbacks). Never rejects.
   */
  async refreshGlobal(): Promise<void> {
    if (!this.pullsConfiguration) return;
    try {
      const raw: unknown = await this.connection.workspace.getConfiguration(SETTINGS_SECTION);
      if (raw !== null && raw !== undefined) this.setGlobal(raw);
    } catch {
      this.logger.warn('workspace/configuration failed; keeping the last known settings');
    }
  }

  get globalSettings(): ImrSettings {
    return this.global;
  }

  /** Settings changed somewhere: forget what was asked for, bump the generation. */
  settingsChanged(): void {
    this.perDocument.clear();
    this._generation++;
  }

  /** A `.imr.json` was created, changed or deleted. */
  configFilesChanged(): void {
    clearConfigCache();
    this._generation++;
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
    this.resolved.delete(uri);
  }

  /** False in an untrusted workspace (VS Code's Restricted Mode): no `.imr.json` is read. */
  get trusted(): boolean {
    return this._trusted;
  }

  /** The workspace's trust, from `initializationOptions` or `imr/workspaceTrust`; true when it changed. */
  setTrusted(trusted: boolean): boolean {
    if (trusted === this._trusted) return false;
    this._trusted = trusted;
    return true;
  }

  /** The document's settings as last resolved, without asking the client (else the global ones). */
  settingsNow(uri: string): ImrSettings {
    return this.resolved.get(uri) ?? this.global;
  }

  /** The document's `imr` settings. Never rejects: on any failure, the last known global settings. */
  settingsFor(uri: string): Promise<ImrSettings> {
    if (!this.pullsConfiguration) return Promise.resolve(this.global);
    let pending = this.perDocument.get(uri);
    if (!pending) {
      pending = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw: unknown) => {
          // A client without an `imr` section (no extension, plain editor) answers null: keep pushed settings.
          const settings = raw === null || raw === undefined ? this.global : normalizeSettings(raw);
          this.resolved.set(uri, settings);
          this.applyLogLevel(settings);
          return settings;
        },
        () => {
          this.logger.warn('workspace/configuration failed; using the last known settings');
          this.perDocument.delete(uri);
          return this.global;
        },
      );
      this.perDocument.set(uri, pending);
    }
    return pending;
  }

  /** Settings plus the effective rule settings for a document. */
  async configurationFor(uri: string): Promise<DocumentConfiguration> {
    const generation = this._generation;
    const settings = await this.settingsFor(uri);
    const { config, configPath } = this.fileConfigFor(uri);
    const fromSetting = validateConfig({ rules: settings.rules }, 'Setting imr.');
    this.report(fromSetting.problems);
    const rules = resolveRuleSettings(mergeConfigs(config, fromSetting.config));
    return { settings, rules, configPath, fileConfig: config, generation };
  }

  /** The `.imr.json` that governs a document, read through the shared cache (by path and mtime). */
  fileConfigFor(uri: string): { config: ImrConfig; configPath?: string } {
    const filePath = filePathOf(uri);
    // Untrusted: a `.imr.json` of the workspace is never read (only the user's settings apply).
    if (!filePath || !this._trusted) return { config: NO_CONFIG };
    const loaded = loadConfigFor(filePath, deepestRootOf(filePath, this.folders()));
    this.report(loaded.problems);
    // No file: one shared empty config, so memoised findings stay valid.
    if (!loaded.path) return { config: NO_CONFIG };
    return { config: loaded.config, configPath: loaded.path };
  }

  /** Shows each configuration problem once per server session. Problems name files and settings only. */
  private report(problems: readonly string[]): void {
    for (const problem of problems) {
      if (this.shownProblems.has(problem)) continue;
      this.shownProblems.add(problem);
      try {
        void this.connection.sendNotification(ShowMessageNotification.type, {
          type: MessageType.Warning,
          message: `IMR configuration: ${problem}`,
        });
      } catch {
        // Connection gone.
      }
    }
  }

  private applyLogLevel(settings: ImrSettings): void {
    this.logger.level = settings.logLevel;
  }
}
