// textDocument/completion: decisions after an item's colon, item labels and section headings at a line start,
// citations in guideline fields and a whole-item snippet (contexts in core/service/completion.ts). The snippet is sent
// as a snippet only to clients that support them, else as plain text; documentation is Markdown only for
// clients that render it.
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type CompletionParams,
} from 'vscode-languageserver';
import { handler, type Feature, type ServerContext } from './context';
import { COMPLETION_TRIGGERS, type CompletionEntry, type CompletionKind } from '../core/service/completion';
import { escapeMarkdown } from '../core/text/markdown';

const KINDS: Record<CompletionKind, CompletionItemKind> = {
  decision: CompletionItemKind.EnumMember,
  label: CompletionItemKind.Property,
  heading: CompletionItemKind.Module,
  citation: CompletionItemKind.Keyword,
  title: CompletionItemKind.Reference,
  chapter: CompletionItemKind.Reference,
  sentence: CompletionItemKind.Text,
  snippet: CompletionItemKind.Snippet,
};

/** What the client takes: snippets, and Markdown documentation. */
interface ItemFormats {
  snippets: boolean;
  markdown: boolean;
}

function itemFormats(context: ServerContext): ItemFormats {
  const caps = context.clientCapabilities.textDocument?.completion?.completionItem;
  return {
    snippets: caps?.snippetSupport === true,
    markdown: caps?.documentationFormat?.includes(MarkupKind.Markdown) === true,
  };
}

function documentationOf(text: string, { markdown }: ItemFormats): CompletionItem['documentation'] {
  return markdown ? { kind: MarkupKind.Markdown, value: escapeMarkdown(text) } : text;
}

function toItem(entry: CompletionEntry, index: number, formats: ItemFormats): CompletionItem {
  const snippet = formats.snippets ? entry.snippet : undefined;
  const item: CompletionItem = {
    label: entry.label,
    kind: KINDS[entry.kind],
    sortText: String(index).padStart(4, '0'),
    filterText: entry.filterText,
    textEdit: { range: entry.range, newText: snippet ?? entry.newText },
    insertTextFormat: snippet !== undefined ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
  if (entry.detail) item.detail = entry.detail;
  if (entry.documentation) item.documentation = documentationOf(entry.documentation, formats);
  return item;
}

const empty = (): CompletionList => ({ isIncomplete: false, items: [] });

export const completionFeature: Feature = {
  name: 'completion',
  // A typed colon or space opens the list; the core answers nothing where it would only be noise (prose).
  capabilities: () => ({ completionProvider: { resolveProvider: false, triggerCharacters: [...COMPLETION_TRIGGERS] } }),
  register(context) {
    context.connection.onCompletion(
      handler(context, 'completion', empty, (params: CompletionParams): CompletionList => {
        const trigger =
          params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter
            ? params.context.triggerCharacter
            : undefined;
        const entries = context.service.completion(params.textDocument.uri, params.position, trigger);
        const formats = itemFormats(context);
        return { isIncomplete: false, items: entries.map((e, i) => toItem(e, i, formats)) };
      }),
    );
  },
};
