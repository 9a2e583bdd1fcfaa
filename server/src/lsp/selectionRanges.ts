// textDocument/selectionRange (smart select / expand selection): the ranges of core/service/selection.ts,
// already in the protocol's shape.
import type { SelectionRange, SelectionRangeParams } from 'vscode-languageserver';
import { selectionsAt } from '../core/service/selection';
import { handler, isCancelledBy, openAnalysis, type Feature } from './context';

export const selectionRangesFeature: Feature = {
  name: 'selectionRanges',
  capabilities: () => ({ selectionRangeProvider: true }),
  register(context) {
    context.connection.onSelectionRanges(
      handler(
        context,
        'selectionRange',
        (): SelectionRange[] => [],
        (params: SelectionRangeParams, token) => {
          const open = openAnalysis(context, params.textDocument.uri);
          if (!open) return [];
          const { document, source } = open.analysis;
          return selectionsAt(
            document,
            params.positions.map((p) => source.clamp(p)),
            isCancelledBy(token),
          );
        },
      ),
    );
  },
};
