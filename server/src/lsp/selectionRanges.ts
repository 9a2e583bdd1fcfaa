// textDocument/selectionRange (smart select / expand selection): the ranges of core/service/selection.ts,
// already in the protocol's shape.
import type { SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import { handler, isCancelledBy, type Feature } from './context';

export const selectionRangesFeature: Feature = {
  name: 'selectionRanges',
  capabilities: () => ({ selectionRangeProvider: true }),
  register(context) {
    context.connection.onSelectionRanges(
      handler(
        context,
        'selectionRange',
        (): SelectionRange[] => [],
        (params: SelectionRangeParams, token) =>
          context.service.selection(params.textDocument.uri, params.positions, isCancelledBy(token)),
      ),
    );
  },
};
