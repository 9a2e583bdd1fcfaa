// textDocument/foldingRange: the folds of core/service/folding.ts, all of kind Region, shaped by the
// client's `lineFoldingOnly`, `collapsedText` and `rangeLimit`.
import {
  FoldingRangeKind,
  type ClientCapabilities,
  type FoldingRange,
  type FoldingRangeParams,
} from 'vscode-languageserver';
import { foldingRanges, foldsOf, type Fold } from '../core/service/folding';
import { handler, isCancelledBy, openAnalysis, type Feature } from './context';

export function toFoldingRanges(folds: readonly Fold[], capabilities: ClientCapabilities): FoldingRange[] {
  const caps = capabilities.textDocument?.foldingRange;
  const options = {
    lineFoldingOnly: caps?.lineFoldingOnly === true,
    collapsedText: caps?.foldingRange?.collapsedText === true,
    rangeLimit: caps?.rangeLimit,
  };
  return foldingRanges(folds, options).map((range) => ({ ...range, kind: FoldingRangeKind.Region }));
}

export const foldingFeature: Feature = {
  name: 'folding',
  capabilities: () => ({ foldingRangeProvider: true }),
  register(context) {
    context.connection.onFoldingRanges(
      handler(
        context,
        'foldingRange',
        (): FoldingRange[] => [],
        (params: FoldingRangeParams, token) => {
          const open = openAnalysis(context, params.textDocument.uri);
          return open
            ? toFoldingRanges(foldsOf(open.analysis.document, isCancelledBy(token)), context.clientCapabilities)
            : [];
        },
      ),
    );
  },
};
