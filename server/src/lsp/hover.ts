// textDocument/hover: abbreviations, decision words, field labels, citations and the rules behind the
// diagnostics at the position (content in hoverContent.ts). Markdown when the client renders it, plain text
// otherwise. The rule findings are the shared, memoised ones of the analysis (the same run diagnostics
// publish), so hovering never parses or checks a document twice.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { findRule } from '../core/rules';
import { handler, openAnalysis, throwIfCancelled, type Feature, type ServerContext } from './context';
import { documentHoverParts, findingPart, rangeContains, type HoverPart } from './hoverContent';

function prefersMarkdown(context: ServerContext): boolean {
  const formats = context.clientCapabilities.textDocument?.hover?.contentFormat;
  return Array.isArray(formats) && formats.includes(MarkupKind.Markdown);
}

/** The hover range: the narrowest part's. */
function narrowest(parts: readonly HoverPart[]): HoverPart['range'] {
  let best = parts[0]!.range;
  const size = (r: HoverPart['range']) => (r.end.line - r.start.line) * 1e6 + (r.end.character - r.start.character);
  for (const p of parts) if (size(p.range) < size(best)) best = p.range;
  return best;
}

export const hoverFeature: Feature = {
  name: 'hover',
  capabilities: () => ({ hoverProvider: true }),
  register(context) {
    context.connection.onHover(
      handler(context, 'hover', (): Hover | null => null, async (params: HoverParams, token): Promise<Hover | null> => {
        const open = openAnalysis(context, params.textDocument.uri);
        if (!open) return null;
        const { analysis } = open;
        const parts = documentHoverParts(analysis.document, analysis.source, params.position);
        throwIfCancelled(token);
        const configuration = await context.settings.configurationFor(params.textDocument.uri);
        throwIfCancelled(token);
        // The document may have changed while the settings were fetched: findings must match the text hovered.
        const current = context.documents.get(params.textDocument.uri);
        if (current && current.version === analysis.version) {
          const findings = context.analyses.findings(analysis, configuration);
          const seen = new Set<string>();
          for (const finding of findings) {
            if (!rangeContains(finding.range, params.position) || seen.has(finding.ruleId)) continue;
            seen.add(finding.ruleId);
            parts.push(findingPart(finding, findRule(finding.ruleId)?.meta));
          }
        }
        if (parts.length === 0) return null;
        const markdown = prefersMarkdown(context);
        const value = markdown ? parts.map((p) => p.markdown).join('\n\n---\n\n') : parts.map((p) => p.plain).join('\n\n');
        return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, range: narrowest(parts) };
      }),
    );
  },
};
