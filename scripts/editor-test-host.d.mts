// Types of editor-test-host.mjs for the TypeScript tests that import it.
export type EditorTestHost = { host: 'code-server' | 'electron' } | { error: string };
export function editorTestHost(env: Record<string, string | undefined>): EditorTestHost;
export function loadHostEnv(env: NodeJS.ProcessEnv): string | undefined;
