// Code actions as plain data: which quick fixes to offer for the diagnostics a client sends back, which rules
// to offer to disable, and the fix-all of a letter's safe fixes. server/src/lsp/codeActions.ts turns them into
// LSP CodeActions (or Commands for clients without code action literals).
//
// For each of our diagnostics:
//  * one quick fix per fix of its finding: from the diagnostic's own data when it refers to the letter's
//    current version, else the finding at the same range with the same rule and message in a fresh check.
//    Preferred when it is the only fix, or the only safe one (`Uphold`: "Change to Upheld" over "Change to
//    Overturned"). A fix that inserts slots to fill in (`<rationale>`) carries their spans;
//  * one "Disable rule IMR0NN for this workspace" per rule, when the host may write a `.imr.json`.
// And a fix-all applying every safe fix whose edits overlap no other: asked for by kind (on save, "Fix all")
// whenever there is something to fix; in the general list only when it fixes more than one problem.
import { throwIfCancelled, type IsCancelled } from '../cancel';
import { FIX_ALL_KIND, kindAllowed, QUICK_FIX_KIND } from './codeActionKinds';
import type { Range } from '../model';
import { findRule, type Finding, type Fix, type TextEdit } from '../rules';
import { safeFixEdits } from '../rules/fixes';
import { placeholderSpans, type PlaceholderSpan } from '../rules/support/placeholders';
import { sameRange } from '../range';
import type { SourceText } from '../source';

/** A diagnostic the client sent back, as the service reads it. */
export interface DiagnosticRef {
  /** Its rule id or name when it is one of ours; undefined for another tool's diagnostic. */
  code: string | undefined;
  range: Range;
  message: string;
  /** The fixes its data carries, when that data refers to the letter's current version; else undefined. */
  fixes: readonly Fix[] | undefined;
}

export interface CodeActionRequest<D extends DiagnosticRef> {
  diagnostics: readonly D[];
  /** The kinds asked for (LSP `context.only`): undefined for all. */
  only?: readonly string[];
  /** Offer "Disable rule" (the host would write a `.imr.json`; not in an untrusted workspace). */
  offerDisableRule: boolean;
}

export interface QuickFixAction<D> {
  kind: typeof QUICK_FIX_KIND;
  title: string;
  diagnostics: D[];
  isPreferred: boolean;
  edits: TextEdit[];
  /** For each edit, the slots in its `newText` (snippet tab stops); absent when no edit inserts one. */
  placeholders?: PlaceholderSpan[][];
}

export interface DisableRuleAction<D> {
  kind: typeof QUICK_FIX_KIND;
  title: string;
  diagnostics: D[];
  /** The rule id to turn off in the `.imr.json` (the host's command). */
  disableRule: string;
}

export interface FixAllAction {
  kind: typeof FIX_ALL_KIND;
  title: string;
  edits: TextEdit[];
}

export type CodeActionEntry<D> = QuickFixAction<D> | DisableRuleAction<D> | FixAllAction;

/** What the service gives the provider for one letter. */
export interface CodeActionLetter {
  source: SourceText;
  /** The letter's findings under its configuration (memoised by the caller: asked for at most once). */
  findings(): Promise<readonly Finding[]>;
  /** False once the letter has changed since (its fix-all would edit stale text). */
  isCurrent(): boolean;
}

function quickFixes<D extends DiagnosticRef>(diagnostic: D, fixes: readonly Fix[]): QuickFixAction<D>[] {
  const applicable = fixes.filter((f) => f.edits.length > 0);
  const safe = applicable.filter((f) => f.safe);
  return applicable.map((fix) => {
    const placeholders = fix.edits.map((e) => placeholderSpans(e.newText));
    return {
      kind: QUICK_FIX_KIND,
      title: fix.title,
      diagnostics: [diagnostic],
      isPreferred: applicable.length === 1 || (safe.length === 1 && fix.safe),
      edits: fix.edits.map((e) => ({ range: e.range, newText: e.newText })),
      ...(placeholders.some((spans) => spans.length) ? { placeholders } : {}),
    };
  });
}

/** The diagnostic's fixes: its data's when current, else those of the same finding in a fresh check. */
async function fixesOf(diagnostic: DiagnosticRef, ruleId: string, letter: CodeActionLetter): Promise<readonly Fix[]> {
  if (diagnostic.fixes) return diagnostic.fixes;
  const match = (await letter.findings()).find(
    (f) => f.ruleId === ruleId && sameRange(f.range, diagnostic.range) && f.message === diagnostic.message,
  );
  return match?.fixes ?? [];
}

function fixAll(findings: readonly Finding[], source: SourceText, only: readonly string[] | undefined): FixAllAction[] {
  const { edits, fixes } = safeFixEdits(findings, source);
  if (!edits.length || (only === undefined && fixes < 2)) return [];
  const title = fixes === 1 ? 'Fix the safe IMR problem' : `Fix all ${fixes} safe IMR problems`;
  return [{ kind: FIX_ALL_KIND, title, edits }];
}

/** The code actions for `request` on `letter`, in order: quick fixes, then disable-rule, then the fix-all. */
export async function codeActionsFor<D extends DiagnosticRef>(
  request: CodeActionRequest<D>,
  letter: CodeActionLetter,
  isCancelled?: IsCancelled,
): Promise<CodeActionEntry<D>[]> {
  const actions: CodeActionEntry<D>[] = [];
  if (kindAllowed(QUICK_FIX_KIND, request.only)) {
    const byRule = new Map<string, D[]>();
    for (const diagnostic of request.diagnostics) {
      throwIfCancelled(isCancelled);
      const ruleId = diagnostic.code === undefined ? undefined : findRule(diagnostic.code)?.meta.id;
      if (!ruleId) continue;
      actions.push(...quickFixes(diagnostic, await fixesOf(diagnostic, ruleId, letter)));
      byRule.set(ruleId, [...(byRule.get(ruleId) ?? []), diagnostic]);
    }
    for (const [ruleId, diagnostics] of request.offerDisableRule ? byRule : []) {
      const title = `Disable rule ${ruleId} for this workspace`;
      actions.push({ kind: QUICK_FIX_KIND, title, diagnostics, disableRule: ruleId });
    }
  }
  if (kindAllowed(FIX_ALL_KIND, request.only)) {
    const findings = await letter.findings();
    throwIfCancelled(isCancelled);
    if (letter.isCurrent()) actions.push(...fixAll(findings, letter.source, request.only));
  }
  return actions;
}
