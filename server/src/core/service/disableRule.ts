// The `.imr.json` text behind "Disable rule IMR0NN for this workspace": a minimal edit of an existing file
// (jsonc-parser's `modify`, so its comments and layout are kept), or the text of a new one. Pure; where the file
// is and how the edit reaches it is the host's (server/src/lsp/disableRule.ts, server/src/node/config.ts).
import { modify, parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { findRule, type ImrConfig, type TextEdit } from '../rules';
import { SourceText } from '../source';
import { isRecord } from '../values';

/** The edits of `text` (a `.imr.json`) that set `rules.<ruleId>` to `off`; undefined when it already is. */
export function disableRuleEdits(text: string, ruleId: string): TextEdit[] | undefined {
  const errors: ParseError[] = [];
  const current: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  const rules = isRecord(current) ? current.rules : undefined;
  if (isRecord(rules) && rules[ruleId] === 'off') return undefined;
  const source = new SourceText(text);
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: source.eol };
  const edits = modify(text, ['rules', ruleId], 'off', { formattingOptions });
  return edits.map((e) => ({
    range: { start: source.positionAt(e.offset), end: source.positionAt(e.offset + e.length) },
    newText: e.content,
  }));
}

/** A new `.imr.json` turning `ruleId` off, keeping the rules of `seed` (the file it replaces as the nearest). */
export function newConfigText(ruleId: string, seed: ImrConfig['rules'] = {}): string {
  return `${JSON.stringify({ rules: { ...seed, [ruleId]: 'off' } }, null, 2)}\n`;
}

/** The command's arguments, `[rule id or name, document URI]`, as a known rule's id and the URI; else undefined. */
export function disableRuleArgs(args: readonly unknown[]): { ruleId: string; uri: string } | undefined {
  const [rule, uri] = args;
  const ruleId = typeof rule === 'string' ? findRule(rule)?.meta.id : undefined;
  return ruleId !== undefined && typeof uri === 'string' ? { ruleId, uri } : undefined;
}
