// Typed access to a rule's options. The runner fills in defaults, but a rule called directly (unit tests,
// other tools) may get none, and a hand-built options object may hold the wrong type: fall back to the
// default declared in the rule's metadata rather than trusting either.
import type { RuleContext, RuleMeta } from '../types';

function declaredDefault(meta: RuleMeta, name: string): unknown {
  return meta.options?.[name]?.default;
}

export function booleanOption(context: RuleContext, meta: RuleMeta, name: string): boolean {
  const value = context.options[name];
  if (typeof value === 'boolean') return value;
  return declaredDefault(meta, name) === true;
}

export function stringOption(context: RuleContext, meta: RuleMeta, name: string): string {
  const value = context.options[name];
  if (typeof value === 'string') return value;
  const fallback = declaredDefault(meta, name);
  return typeof fallback === 'string' ? fallback : '';
}

export function stringListOption(context: RuleContext, meta: RuleMeta, name: string): string[] {
  const value = context.options[name];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  const fallback = declaredDefault(meta, name);
  return Array.isArray(fallback) ? (fallback as string[]) : [];
}
