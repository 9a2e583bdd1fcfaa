// textDocument/codeLens: the decisions lenses of core/service/lens.ts (one per letter). Each runs the client
// command PICK_ITEM_COMMAND (protocol.ts) with `[uri, items]`: the VS Code client's item picker
// (client/src/pickItem.ts); other editors still show the counts.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { DecisionLens } from '../core/service/lens';
import { PICK_ITEM_COMMAND } from '../protocol';
import { handler, type Feature } from './context';
import { arrayResult } from './messageWriter';

function toCodeLens(uri: string, lens: DecisionLens): CodeLens {
  return {
    range: lens.range,
    command: { title: lens.title, command: PICK_ITEM_COMMAND, arguments: [uri, lens.items] },
  };
}

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
          // Encoded lens by lens where the transport allows (a file of thousands of letters: megabytes of JSON).
          const { uri } = params.textDocument;
          return arrayResult(
            context.service.lenses(uri).map((lens) => toCodeLens(uri, lens)),
            context.encodedResults,
          );
        },
      ),
    );
  },
};
