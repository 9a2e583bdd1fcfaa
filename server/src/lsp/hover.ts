// textDocument/hover: abbreviations, decision words, field labels, citations and the rules behind the
// diagnostics at the position (content in core/service/hover.ts). Markdown when the client renders it, plain
// text otherwise. The rule findings are the shared, memoised ones of the analysis (the same run diagnostics
// publish), so hovering never parses or checks a document twice.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { Finding } from '../core/rules';
import { hoverAt } from '../core/service/hover';
import type { Analysis } from './analysis';
import { handler, openAnalysis, throwIfCancelled, type Feature, type ServerContext } from './context';

function prefersMarkdown(context: ServerContext): boolean {
  const formats = context.clientCapabilities.textDocument?.hover?.contentFormat;
  return Array.isArray(formats) && formats.includes(MarkupKind.Markdown);
}

/** The findings of the analysis, unless the document changed while the settings were fetched. */
async function currentFindings(context: ServerContext, uri: string, analysis: Analysis): Promise<readonly Finding[]> {
  const configuration = await context.settings.configurationFor(uri);
  const current = context.documents.get(uri);
  return current && current.version === analysis.version ? context.analyses.findings(analysis, configuration) : [];
}

export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register(context) {
    context.connection.onHover(
      handler(
        context,
        'hover',
        (): Hover | null => null,
        async (params: HoverParams, token): Promise<Hover | null> => {
          const open = openAnalysis(context, params.textDocument.uri);
          if (!open) return null;
          const findings = await currentFindings(context, params.textDocument.uri, open.analysis);
          throwIfCancelled(token);
          const markdown = prefersMarkdown(context);
          const hover = hoverAt(
            open.analysis.document,
            open.analysis.source,
            open.analysis.source.clamp(params.position),
            { findings, markdown },
          );
          return hover
            ? {
                contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hover.value },
                range: hover.range,
              }
            : null;
        },
      ),
    );
  },
};
