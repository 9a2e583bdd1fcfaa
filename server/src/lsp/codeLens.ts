// textDocument/codeLens: the decisions lenses of core/service/lens.ts (one per letter). Each runs the client
// command PICK_ITEM_COMMAND (protocol.ts) with `[uri, items]`: the VS Code client's item picker
// (client/src/pickItem.ts); other editors still show the counts.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { PICK_ITEM_COMMAND } from '../protocol';
import { handler, type Feature } from './context';
import { arrayResult } from './messageWriter';

export const codeLensFeature: Feature = {
  name: 'codeLens',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(context) {
    context.connection.onCodeLens(
      handler(
        context,
        'codeLens',
        (): CodeLens[] => [],
        (params: CodeLensParams) => {
          // One lens per letter: a file of several letters counts each letter's items over its own heading.
          // Encoded lens by lens where the transport allows (a file of thousands of letters: megabytes).
          const { uri } = params.textDocument;
          function* codeLenses(): Iterable<CodeLens> {
            for (const lens of context.service.lenses(uri)) {
              const command = { title: lens.title, command: PICK_ITEM_COMMAND, arguments: [uri, lens.items] };
              yield { range: lens.range, command };
            }
          }
          return arrayResult(codeLenses(), context.encodedResults);
        },
      ),
    );
  },
};
