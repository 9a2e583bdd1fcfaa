// textDocument/codeLens: the decisions lenses of core/service/lens.ts (one per letter). Its command `imr.pickItem` (the VS Code
// client's quick pick, client/src/extension.ts) gets `[uri, items]`, items = `PickableItem[]`
// (server/src/protocol.ts); other editors still show the counts.
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { handler, type Feature } from './context';

export const PICK_ITEM_COMMAND = 'imr.pickItem';

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
          return context.service.lenses(params.textDocument.uri).map((lens) => ({
            range: lens.range,
            command: {
              title: lens.title,
              command: PICK_ITEM_COMMAND,
              arguments: [params.textDocument.uri, lens.items],
            },
          }));
        },
      ),
    );
  },
};
