// textDocument/codeLens: the decisions lens of core/service/lens.ts. Its command `imr.pickItem` (the VS Code
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
          const lens = context.service.lens(params.textDocument.uri);
          if (!lens) return [];
          return [
            {
              range: lens.range,
              command: {
                title: lens.title,
                command: PICK_ITEM_COMMAND,
                arguments: [params.textDocument.uri, lens.items],
              },
            },
          ];
        },
      ),
    );
  },
};
