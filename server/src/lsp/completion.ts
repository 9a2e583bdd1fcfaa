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

/** The entry's edit: its snippet for a client that takes snippets, else its plain text. */
function insertion(
  entry: CompletionEntry,
  { snippets }: ItemFormats,
): Pick<CompletionItem, 'textEdit' | 'insertTextFormat'> {
  const snippet = snippets ? entry.snippet : undefined;
  return {
    textEdit: { range: entry.range, newText: snippet ?? entry.newText },
    insertTextFormat: snippet === undefined ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
  };
}

/** `index`: the entry's place in the core's order, which `sortText` keeps. */
function toItem(entry: CompletionEntry, index: number, formats: ItemFormats): CompletionItem {
  const { label, filterText, detail, documentation } = entry;
  const sortText = String(index).padStart(4, '0');
  const item: CompletionItem = { label, kind: KINDS[entry.kind], sortText, filterText, ...insertion(entry, formats) };
  if (detail) item.detail = detail;
  if (documentation) item.documentation = documentationOf(documentation, formats);
  return item;
}

/** The character whose typing opened the list; undefined when the user asked for it. */
function triggerOf(params: CompletionParams): string | undefined {
  const { triggerKind, triggerCharacter } = params.context ?? {};
  return triggerKind === CompletionTriggerKind.TriggerCharacter ? triggerCharacter : undefined;
}

const empty = (): CompletionList => ({ isIncomplete: false, items: [] });

export const completionFeature: Feature = {
  name: 'completion',
  // A typed colon or space opens the list; the core answers nothing where it would only be noise (prose).
  capabilities: () => ({ completionProvider: { resolveProvider: false, triggerCharacters: [...COMPLETION_TRIGGERS] } }),
  register(context) {
    context.connection.onCompletion(
      handler(context, 'completion', empty, (params: CompletionParams): CompletionList => {
        const entries = context.service.completion(params.textDocument.uri, params.position, triggerOf(params));
        const formats = itemFormats(context);
        return { isIncomplete: false, items: entries.map((entry, index) => toItem(entry, index, formats)) };
      }),
    );
  },
};
