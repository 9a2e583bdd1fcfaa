// Placeholder entry; the client change replaces it.
export function activate(): void {}
export function deactivate(): void {}
