// Rule configuration shared by `.imr.json` and the VS Code setting `imr.rules`, keyed by rule id or name.
// Pure: the text comes in, settings and readable problems go out. Nothing here throws on bad input: a
// bad entry is reported and ignored, so a typo in one rule's setting never disables the others.
// Bounded: at most MAX_REPORTED_PROBLEMS problems are listed (then a count of the rest), option phrases are
// limited in number and length, and keys are read as own data only (`__proto__`, `toString` are unknown
// keys like any other, never applied).
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { RULES } from './catalog';
import { isRecord } from '../values';
import type { Rule, RuleOption, Severity, SeverityOrOff } from './types';

export type RuleConfigValue = SeverityOrOff | ({ severity?: SeverityOrOff } & Record<string, unknown>);

export interface ImrConfig {
  /** Keyed by rule id (`IMR001`) or name (`missing-rationale`); validated configs use ids. */
  rules?: Record<string, RuleConfigValue>;
}

export interface RuleSetting {
  severity: SeverityOrOff;
  /** True when the user set the severity, so it overrides a finding's own severity. */
  configured: boolean;
  /** The rule's options, defaults filled in. */
  options: Record<string, unknown>;
}

export interface ConfigResult {
  config: ImrConfig;
  /** One readable sentence per ignored entry or syntax error. */
  problems: string[];
}

export const SEVERITIES: readonly SeverityOrOff[] = ['off', 'error', 'warning', 'information', 'hint'];

/** Top-level keys a config file may hold besides `rules` (editors add `$schema`). */
const ALLOWED_TOP_LEVEL = new Set(['rules', '$schema']);

/** Problems listed per configuration; the rest are counted in one more line. */
export const MAX_REPORTED_PROBLEMS = 10;
/** A list option (`extraKeywords`) keeps at most this many phrases… */
export const MAX_OPTION_PHRASES = 100;
/** …each at most this long; a text option is at most this long too. */
export const MAX_OPTION_TEXT_LENGTH = 200;

/** Collects problems, keeping the first MAX_REPORTED_PROBLEMS and counting the others. */
class Problems {
  readonly listed: string[] = [];
  private omitted = 0;

  push(text: string): void {
    if (this.listed.length < MAX_REPORTED_PROBLEMS) this.listed.push(text);
    else this.omitted++;
  }

  list(where: string): string[] {
    if (this.omitted === 0) return this.listed;
    // `where` is a file (`.imr.json: `) or a key path (`Setting imr.`): a path ends with a colon here.
    const prefix = where === '' || where.endsWith(' ') ? where : `${where.replace(/\.$/, '')}: `;
    return [
      ...this.listed,
      `${prefix}and ${this.omitted} more problem${this.omitted === 1 ? '' : 's'} like these; those entries are ignored too.`,
    ];
  }
}

/** A key as messages show it: one line, at most 40 characters. */
function keyLabel(key: string): string {
  const line = key.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\ufffd');
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

export function isSeverityOrOff(value: unknown): value is SeverityOrOff {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

function ruleFor(key: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === key || r.meta.name === key);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

function optionTypeMatches(option: RuleOption, value: unknown): boolean {
  if (option.type === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (option.type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return typeof value === option.type;
}

const SEVERITY_LIST = SEVERITIES.join(', ');

/** A list or text option cut to its limits, with a problem for what was dropped. */
function withinLimits(option: RuleOption, value: unknown, label: string, problems: Problems): unknown {
  if (option.type === 'string' && typeof value === 'string' && value.length > MAX_OPTION_TEXT_LENGTH) {
    problems.push(`${label}: longer than ${MAX_OPTION_TEXT_LENGTH} characters; the default is used.`);
    return undefined;
  }
  if (option.type !== 'string[]' || !Array.isArray(value)) return value;
  let phrases = value as string[];
  if (phrases.length > MAX_OPTION_PHRASES) {
    problems.push(`${label}: ${phrases.length} phrases; only the first ${MAX_OPTION_PHRASES} are used.`);
    phrases = phrases.slice(0, MAX_OPTION_PHRASES);
  }
  const long = phrases.filter((p) => p.length > MAX_OPTION_TEXT_LENGTH).length;
  if (long > 0) {
    problems.push(
      `${label}: ${long} phrase${long === 1 ? ' is' : 's are'} longer than ${MAX_OPTION_TEXT_LENGTH} characters and ignored.`,
    );
    phrases = phrases.filter((p) => p.length <= MAX_OPTION_TEXT_LENGTH);
  }
  return phrases;
}

/** One rule's value: a severity, or `{ severity?, ...options }` checked against the rule's options. */
function validateRuleValue(
  rule: Rule,
  key: string,
  value: unknown,
  where: string,
  problems: Problems,
): RuleConfigValue | undefined {
  const label = `${where}rules.${keyLabel(key)}`;
  if (typeof value === 'string') {
    if (isSeverityOrOff(value)) return value;
    problems.push(
      `${label}: ${describe(value)} is not a severity (use one of ${SEVERITY_LIST}); the setting is ignored.`,
    );
    return undefined;
  }
  if (!isRecord(value)) {
    problems.push(
      `${label}: expected a severity (${SEVERITY_LIST}) or an object, got ${describe(value)}; the setting is ignored.`,
    );
    return undefined;
  }
  const out: { severity?: SeverityOrOff } & Record<string, unknown> = {};
  for (const [name, v] of Object.entries(value)) {
    if (name === 'severity') {
      if (isSeverityOrOff(v)) out.severity = v;
      else
        problems.push(
          `${label}.severity: ${describe(v)} is not a severity (use one of ${SEVERITY_LIST}); the rule keeps its default severity.`,
        );
      continue;
    }
    const options = rule.meta.options ?? {};
    // Own options only: `toString` or `constructor` is an unknown name, not Object.prototype's.
    const option = Object.hasOwn(options, name) ? options[name] : undefined;
    if (!option) {
      const known = Object.keys(options);
      const hint = known.length ? `its options are: severity, ${known.join(', ')}` : 'it takes only severity';
      problems.push(
        `${label}.${keyLabel(name)}: ${rule.meta.id} ${rule.meta.name} has no option "${keyLabel(name)}" (${hint}); it is ignored.`,
      );
      continue;
    }
    if (!optionTypeMatches(option, v)) {
      problems.push(
        `${label}.${name}: expected ${option.type === 'string[]' ? 'a list of strings' : `a ${option.type}`}, got ${describe(v)}; the default is used.`,
      );
      continue;
    }
    const limited = withinLimits(option, v, `${label}.${name}`, problems);
    if (limited !== undefined) out[name] = limited;
  }
  return out;
}

/**
 * Checks an already-parsed value (a `.imr.json` document, or `{ rules: <imr.rules setting> }`). Keys by name
 * become ids, so that merging sees one key per rule. `where` prefixes messages, e.g. `.imr.json: `.
 */
export function validateConfig(value: unknown, where = ''): ConfigResult {
  const problems = new Problems();
  const config = validateInto(value, where, problems);
  return { config, problems: problems.list(where) };
}

function validateInto(value: unknown, where: string, problems: Problems): ImrConfig {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    problems.push(
      `${where}the configuration must be an object like { "rules": { … } }, got ${describe(value)}; defaults are used.`,
    );
    return {};
  }
  for (const key of Object.keys(value)) {
    if (!ALLOWED_TOP_LEVEL.has(key))
      problems.push(`${where}unknown setting "${keyLabel(key)}" is ignored (only "rules" is read).`);
  }
  const rules = Object.hasOwn(value, 'rules') ? value.rules : undefined;
  if (rules === undefined) return {};
  if (!isRecord(rules)) {
    problems.push(
      `${where}"rules" must be an object keyed by rule id or name, got ${describe(rules)}; defaults are used.`,
    );
    return {};
  }
  const out: Record<string, RuleConfigValue> = {};
  const seenAs = new Map<string, string>();
  for (const [key, v] of Object.entries(rules)) {
    const rule = ruleFor(key);
    if (!rule) {
      problems.push(`${where}rules.${keyLabel(key)}: no rule has this id or name; it is ignored.`);
      continue;
    }
    const checked = validateRuleValue(rule, key, v, where, problems);
    if (checked === undefined) continue;
    const earlier = seenAs.get(rule.meta.id);
    if (earlier !== undefined) {
      problems.push(
        `${where}rules.${keyLabel(key)}: ${rule.meta.id} is also configured as "${keyLabel(earlier)}"; the later entry wins.`,
      );
    }
    seenAs.set(rule.meta.id, key);
    out[rule.meta.id] = checked;
  }
  return { rules: out };
}

/** Deeper than any configuration goes (rules → rule → option → phrase list). */
const MAX_VALUE_DEPTH = 8;

/**
 * A parse tree as plain data, every key an own property (jsonc-parser's `parse` assigns `obj[key] = value`,
 * which for `__proto__` sets the prototype instead). Values nested deeper than any setting read as null.
 */
function plainValue(node: Node | undefined, depth = 0): unknown {
  if (!node) return undefined;
  if (node.type === 'object' || node.type === 'array') {
    if (depth >= MAX_VALUE_DEPTH) return null;
    if (node.type === 'array') return (node.children ?? []).map((child) => plainValue(child, depth + 1));
    const out: Record<string, unknown> = {};
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (typeof keyNode?.value !== 'string') continue;
      Object.defineProperty(out, keyNode.value, {
        value: plainValue(valueNode, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return node.value;
}

/** Offset → "line L, column C" (1-based), for syntax errors. */
function lineAndColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

const MAX_SYNTAX_PROBLEMS = 5;

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace was expected',
  CloseBracketExpected: 'a closing bracket was expected',
  EndOfFileExpected: 'text after the end of the JSON value',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

/**
 * Reads `.imr.json` text: JSON with comments and trailing commas. Syntax errors are reported with their
 * position; what could still be read is used (jsonc-parser recovers), so one stray comma costs nothing.
 */
export function parseConfigText(text: string, where = ''): ConfigResult {
  if (typeof text !== 'string')
    return { config: {}, problems: [`${where}the configuration is not text; defaults are used.`] };
  if (text.trim() === '') return { config: {}, problems: [] };
  const errors: ParseError[] = [];
  let value: unknown;
  try {
    value = plainValue(parseTree(text, errors, { allowTrailingComma: true, disallowComments: false }));
  } catch {
    return { config: {}, problems: [`${where}the configuration could not be read as JSON; defaults are used.`] };
  }
  // The recovering parser can report one mistake several times over: keep distinct messages, at most a few.
  const syntax = errors.map((e) => {
    const code = printParseErrorCode(e.error);
    return `${where}invalid JSON at ${lineAndColumn(text, e.offset)}: ${SYNTAX_WORDS[code] ?? code}.`;
  });
  const problems = [...new Set(syntax)].slice(0, MAX_SYNTAX_PROBLEMS);
  const checked = validateConfig(value, where);
  return { config: checked.config, problems: [...problems, ...checked.problems] };
}

function asObject(value: RuleConfigValue): { severity?: SeverityOrOff } & Record<string, unknown> {
  return typeof value === 'string' ? { severity: value } : value;
}

/**
 * Later configs win, property by property: a file's `{ "severity": "warning", "max": 3 }` followed by a
 * setting of `"error"` gives `{ severity: "error", max: 3 }`. Keys by name are folded onto ids.
 */
export function mergeConfigs(...configs: ReadonlyArray<ImrConfig | undefined>): ImrConfig {
  const rules: Record<string, { severity?: SeverityOrOff } & Record<string, unknown>> = {};
  let any = false;
  for (const config of configs) {
    if (!config?.rules || !isRecord(config.rules)) continue;
    for (const [key, value] of Object.entries(config.rules)) {
      const rule = ruleFor(key);
      if (!rule || (typeof value !== 'string' && !isRecord(value))) continue;
      any = true;
      rules[rule.meta.id] = { ...rules[rule.meta.id], ...asObject(value) };
    }
  }
  return any ? { rules } : {};
}

function defaultOptions(rule: Rule): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(rule.meta.options ?? {})) {
    options[name] = Array.isArray(option.default) ? [...option.default] : option.default;
  }
  return options;
}

/**
 * Every rule's effective setting, keyed by id. Invalid entries are skipped silently here (validation has
 * already reported them), so a config that did not pass through `validateConfig` is still safe.
 */
export function resolveRuleSettings(config: ImrConfig = {}): Map<string, RuleSetting> {
  const byId = new Map<string, RuleConfigValue>();
  if (config.rules && isRecord(config.rules)) {
    for (const [key, value] of Object.entries(config.rules)) {
      const rule = ruleFor(key);
      if (rule) byId.set(rule.meta.id, value);
    }
  }
  const settings = new Map<string, RuleSetting>();
  for (const rule of RULES) {
    const options = defaultOptions(rule);
    let severity: SeverityOrOff = rule.meta.defaultSeverity;
    let configured = false;
    const raw = byId.get(rule.meta.id);
    const value = raw === undefined ? undefined : validateRuleValue(rule, rule.meta.id, raw, '', new Problems());
    if (value !== undefined) {
      const object = asObject(value);
      if (object.severity !== undefined) {
        severity = object.severity;
        configured = true;
      }
      for (const [name, v] of Object.entries(object)) if (name !== 'severity') options[name] = v;
    }
    settings.set(rule.meta.id, { severity, configured, options });
  }
  return settings;
}

export type { Severity };
