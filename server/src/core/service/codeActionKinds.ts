// The code action kinds the server offers. No imports: protocol.ts re-exports them to the VS Code client,
// which asks for the fix-all by this kind.

export const QUICK_FIX_KIND = 'quickfix';
/** A sub-kind of LSP's `source.fixAll`, run by `editor.codeActionsOnSave` and `IMR: Fix All Safe Problems`. */
export const FIX_ALL_KIND = 'source.fixAll.imr';
export const CODE_ACTION_KINDS = [QUICK_FIX_KIND, FIX_ALL_KIND] as const;

/** `only` allows `kind` when it names the kind itself or a parent of it (`source` allows `source.fixAll.imr`). */
export function kindAllowed(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}
