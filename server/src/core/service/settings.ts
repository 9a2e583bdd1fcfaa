// The `imr` editor settings as the server uses them: what a client sends, in whatever shape, made total, with
// the defaults. Where they come from and when they are asked for is lsp/settings.ts's business.
import type { RuleConfigValue } from '../rules/config';
import { isRecord } from '../values';

/** `imr.logLevel`, from the quietest to the most verbose. */
export const LOG_LEVELS = ['off', 'error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = 'error';

export function isLogLevel(value: unknown): value is LogLevel {
  return LOG_LEVELS.some((level) => level === value);
}

export interface ImrSettings {
  /** `imr.rules`: rule id or name → severity or `{ severity, ...options }`. */
  rules: Record<string, RuleConfigValue>;
  /** `imr.maxDocumentSize`: above this many characters a document gets a partial outline only (largeDocuments.ts). */
  maxDocumentSize: number;
  /** `imr.maxLineLength`: a document with a longer line gets the outline only. */
  maxLineLength: number;
  diagnostics: {
    /** `imr.diagnostics.debounceMs`: wait after the last change before re-checking (push diagnostics). */
    debounceMs: number;
  };
  /** `imr.logLevel`. */
  logLevel: LogLevel;
}

/**
 * 2 MB (characters; a letter is 5–20 kB). Measured, so that no request takes much over a second on a shared
 * machine: a hostile 2.5 MB text takes a second for semantic tokens, real letters 0.6 s to check at 5 MB.
 */
export const DEFAULT_MAX_DOCUMENT_SIZE = 2_000_000;
/** Characters: ten whole letters on one line; the corpus's longest line is 348. */
export const DEFAULT_MAX_LINE_LENGTH = 200_000;
export const DEFAULT_DEBOUNCE_MS = 200;
/** A longer debounce is taken as this one: a check a minute after the last change at most. */
export const MAX_DEBOUNCE_MS = 60_000;

export function defaultSettings(): ImrSettings {
  return {
    rules: {},
    maxDocumentSize: DEFAULT_MAX_DOCUMENT_SIZE,
    maxLineLength: DEFAULT_MAX_LINE_LENGTH,
    diagnostics: { debounceMs: DEFAULT_DEBOUNCE_MS },
    logLevel: DEFAULT_LOG_LEVEL,
  };
}

/** Reads `key` from a settings object that may be nested (`{ diagnostics: { debounceMs } }`) or dotted. */
function pick(raw: Record<string, unknown>, key: string): unknown {
  if (key in raw) return raw[key];
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  const head = raw[key.slice(0, dot)];
  return isRecord(head) ? pick(head, key.slice(dot + 1)) : undefined;
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/** The `imr` section as sent by a client, made total: anything missing or of the wrong type is the default. */
export function normalizeSettings(raw: unknown): ImrSettings {
  const settings = defaultSettings();
  if (!isRecord(raw)) return settings;
  const rules = pick(raw, 'rules');
  // Each rule's value is checked where it is used (core/rules/config.ts validateConfig names the bad ones).
  if (isRecord(rules)) settings.rules = rules as Record<string, RuleConfigValue>;
  const max = pick(raw, 'maxDocumentSize');
  if (isPositive(max)) settings.maxDocumentSize = max;
  const maxLine = pick(raw, 'maxLineLength');
  if (isPositive(maxLine)) settings.maxLineLength = maxLine;
  const debounce = pick(raw, 'diagnostics.debounceMs');
  if (typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0)
    settings.diagnostics.debounceMs = Math.min(debounce, MAX_DEBOUNCE_MS);
  const level = pick(raw, 'logLevel');
  if (isLogLevel(level)) settings.logLevel = level;
  return settings;
}

/**
 * False only when the client says the workspace is not trusted: `initializationOptions.workspaceTrusted` is
 * `false` (protocol.ts `TrustInitializationOptions`).
 */
export function workspaceTrustedOf(initializationOptions: unknown): boolean {
  return !isRecord(initializationOptions) || initializationOptions.workspaceTrusted !== false;
}

/** The settings' section: `imr.rules`, `imr.maxDocumentSize`, … */
export const SETTINGS_SECTION = 'imr';

const SETTING_NAMES = Object.keys(defaultSettings());

/** The `imr` section inside what a client sends as `initializationOptions` or `didChangeConfiguration.settings`. */
export function imrSection(payload: unknown): unknown {
  if (!isRecord(payload)) return undefined;
  const own = payload[SETTINGS_SECTION];
  if (isRecord(own)) return own;
  const nested = isRecord(payload.settings) ? payload.settings[SETTINGS_SECTION] : undefined;
  if (isRecord(nested)) return nested;
  // The section itself (a client configured with `settings = { rules = ... }`).
  if (SETTING_NAMES.some((name) => name in payload)) return payload;
  return undefined;
}
