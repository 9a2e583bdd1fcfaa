// The IMR TextMate grammar run by the engine VS Code uses: vscode-textmate with Oniguruma (onig.wasm from
// node_modules), so the tests see the scopes an editor would paint.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, parseRawGrammar, Registry, type IGrammar, type StateStack } from 'vscode-textmate';
import { ROOT } from './corpus';
import { only } from './elements';

export const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'imr.tmLanguage.json');
export const ROOT_SCOPE = 'text.imr';

/** A painted stretch of a line: its start column, its text and its scopes below the root, joined by spaces. */
export type Scoped = [start: number, text: string, scopes: string];

let grammar: Promise<IGrammar> | undefined;

/** The grammar, loaded once per process. */
export function loadGrammar(): Promise<IGrammar> {
  grammar ??= (async () => {
    await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources) => oniguruma.createOnigScanner(sources),
        createOnigString: (text) => oniguruma.createOnigString(text),
      }),
      loadGrammar: async (scopeName) =>
        scopeName === ROOT_SCOPE ? parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
    });
    const loaded = await registry.loadGrammar(ROOT_SCOPE);
    if (!loaded) throw new Error(`${GRAMMAR_PATH} did not load`);
    return loaded;
  })();
  return grammar;
}

/** Tokenizes lines in order, carrying the rule state from line to line as an editor does. */
export function tokenizeLines(g: IGrammar, lines: readonly string[]): Scoped[][] {
  let state: StateStack = INITIAL;
  return lines.map((line) => {
    const result = g.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens
      .map((t): Scoped => [
        t.startIndex,
        line.slice(t.startIndex, Math.min(t.endIndex, line.length)),
        t.scopes.filter((s) => s !== ROOT_SCOPE).join(' '),
      ])
      .filter(([, text, scopes]) => scopes !== '' && text !== '');
  });
}

/** The painted stretches of one line, tokenized on its own. */
export function paint(g: IGrammar, line: string): Scoped[] {
  return only(tokenizeLines(g, [line]));
}
