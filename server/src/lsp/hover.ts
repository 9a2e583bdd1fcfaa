// textDocument/hover: abbreviations, decision words, field labels, citations and the rules behind the
// diagnostics at the position (content in core/service/hover.ts). Markdown when the client renders it, plain
// text otherwise. The rule findings are the shared, memoised ones of the analysis (the same run diagnostics
// publish: see languageService.ts), so hovering never parses or checks a document twice.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { handler, type Feature, type ServerContext } from './context';

function prefersMarkdown(context: ServerContext): boolean {
  const formats = context.clientCapabilities.textDocument?.hover?.contentFormat;
  return Array.isArray(formats) && formats.includes(MarkupKind.Markdown);
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
        async (params: HoverParams): Promise<Hover | null> => {
          const markdown = prefersMarkdown(context);
          const hover = await context.service.hover(params.textDocument.uri, params.position, { markdown });
          const kind = markdown ? MarkupKind.Markdown : MarkupKind.PlainText;
          return hover ? { contents: { kind, value: hover.value }, range: hover.range } : null;
        },
      ),
    );
  },
};
