// textDocument/foldingRange: the folds of core/service/folding.ts, all of kind Region, shaped by the
// client's `lineFoldingOnly`, `collapsedText` and `rangeLimit`.
import {
  FoldingRangeKind,
  type ClientCapabilities,
  type FoldingRange,
  type FoldingRangeParams,
} from 'vscode-languageserver';
import type { FoldingOptions, FoldingRange as ServiceFoldingRange } from '../core/service/folding';
import { handler, isCancelledBy, type Feature } from './context';

/** The client's folding capabilities as the service's options. */
export function foldingOptions(capabilities: ClientCapabilities): FoldingOptions {
  const caps = capabilities.textDocument?.foldingRange;
  return {
    lineFoldingOnly: caps?.lineFoldingOnly === true,
    collapsedText: caps?.foldingRange?.collapsedText === true,
    rangeLimit: caps?.rangeLimit,
  };
}

/** Every fold is a region. */
export const toFoldingRange = (fold: ServiceFoldingRange): FoldingRange => ({ ...fold, kind: FoldingRangeKind.Region });

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
          const options = foldingOptions(context.clientCapabilities);
          return context.service.folding(params.textDocument.uri, options, isCancelledBy(token)).map(toFoldingRange);
        },
      ),
    );
  },
};
