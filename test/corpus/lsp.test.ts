// The protocol features over every corpus letter, through a real server: document symbols and code lens
// counts against the format guide's corpus counts (§3: 247 items in the 117 letters, 214 Upheld and 33
// Overturned; 94 all-Upheld, 18 all-Overturned and 5 mixed letters), and semantic tokens well formed in
// every form. The exact protocol tests run on shipped letters in test/lsp/.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { SymbolKind, type CodeLens, type DocumentSymbol, type SemanticTokens } from 'vscode-languageserver-protocol';
import { LspHarness, serverForSuite, VSCODE_CAPABILITIES } from '../lsp/harness';
import { assertSymbolsWellFormed, assertTokensWellFormed, decode } from '../lsp/wellFormed';
import { corpusLetters, corpusSkip } from '../support/corpus';
import { defined, only } from '../support/elements';

describe('protocol features over the corpus', () => {
  const skip = corpusSkip();
  const server = serverForSuite({ capabilities: VSCODE_CAPABILITIES, settings: {}, skip });
  let lsp: LspHarness;
  before(() => {
    if (!skip) lsp = server.lsp;
  });

  async function withLetter<T>(text: string, name: string, request: (uri: string) => Promise<T>): Promise<T> {
    const uri = await server.openLetter(text, path.basename(name));
    try {
      return await request(uri);
    } finally {
      await lsp.close(uri);
    }
  }

  test(
    'every text/ letter: well-formed symbols, one Upheld/Overturned item symbol per decided item',
    { skip },
    async () => {
      const letters = corpusLetters(['text']);
      assert.equal(letters.length, 117);
      let items = 0;
      for (const { name, text } of letters) {
        const symbols = await withLetter(text, name, (uri) =>
          lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }),
        );
        assertSymbolsWellFormed(symbols, name);
        const decisions = symbols.find((s) => s.name === 'IMR ISSUES, DECISIONS AND RATIONALES');
        assert.ok(decisions, `${name}: no decisions section symbol`);
        for (const item of decisions.children ?? []) {
          assert.equal(item.kind, SymbolKind.Event, `${name}: ${item.name}`);
          assert.match(item.detail ?? '', /^(Upheld|Overturned) · /, `${name}: ${item.name}`);
          items++;
        }
      }
      assert.equal(items, 247);
    },
  );

  test('every text/ letter: the lens counts add up to the corpus counts of the format guide', { skip }, async () => {
    let upheld = 0;
    let overturned = 0;
    const letters = { allUpheld: 0, allOverturned: 0, mixed: 0 };
    for (const { name, text } of corpusLetters(['text'])) {
      const lenses = await withLetter(text, name, (uri) =>
        lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } }),
      );
      const command = defined(only(lenses, name).command, `${name}: a command on the lens`);
      const m = /^(\d+) disputed items? · (\d+) upheld · (\d+) overturned$/.exec(command.title);
      assert.ok(m, `${name}: ${command.title}`);
      const [total, u, o] = [Number(m[1]), Number(m[2]), Number(m[3])];
      assert.equal(u + o, total, name);
      assert.equal((defined(command.arguments)[1] as unknown[]).length, total, name);
      upheld += u;
      overturned += o;
      if (o === 0) letters.allUpheld++;
      else if (u === 0) letters.allOverturned++;
      else letters.mixed++;
    }
    assert.deepEqual([upheld, overturned], [214, 33]);
    assert.deepEqual(letters, { allUpheld: 94, allOverturned: 18, mixed: 5 });
  });

  test(
    'semantic tokens of every letter, every form: sorted, single-line, non-overlapping, one per decision',
    { skip },
    async () => {
      const provider = defined(lsp.initializeResult.capabilities.semanticTokensProvider, 'a semantic tokens provider');
      let decisions = 0;
      for (const { name, text } of corpusLetters()) {
        const result = await withLetter(text, name, (uri) =>
          lsp.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } }),
        );
        const tokens = decode(result.data, provider.legend);
        assertTokensWellFormed(tokens, text.split(/\r\n|\r|\n/), name);
        decisions += tokens.filter((t) => t.modifiers.includes('upheld') || t.modifiers.includes('overturned')).length;
      }
      // 247 items in each of text/ and layout/, plus 5 in the seeds.
      assert.equal(decisions, 247 * 2 + 5);
    },
  );
});
