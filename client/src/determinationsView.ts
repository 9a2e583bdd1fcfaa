// The Determinations view (Explorer): every letter of the workspace with its case number, decision date,
// counts and appeal-deadline estimate, its items below with the gutter's decision icons (decisionIcons.ts). Fed by
// `imr/determinations`; refetched when the server's index changes and when open letters are edited. The
// texts and filters are in determinationsModel.ts.
import * as vscode from 'vscode';
import {
  DeterminationsRequest,
  IndexChangedNotification,
  IndexReadyNotification,
  type LetterSummary,
  type PickableItem,
} from '../../server/src/protocol';
import { toRange } from './convert';
import {
  applyFilters,
  filtersText,
  itemTooltip,
  letterDescription,
  letterLabel,
  letterTooltip,
  NO_FILTERS,
  type DecisionFilter,
  type Filters,
} from './determinationsModel';
import { DECISION_ICON, decisionIconFiles } from './decisionIcons';
import { reveal } from './pickItem';
import type { ServerHost } from './serverHost';

export const VIEW_ID = 'imr.determinations';
const EDIT_DELAY_MS = 500;

export type DeterminationNode =
  | { kind: 'letter'; letter: LetterSummary; items: PickableItem[] }
  | { kind: 'item'; letter: LetterSummary; item: PickableItem };

export class DeterminationsProvider implements vscode.TreeDataProvider<DeterminationNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private letters: LetterSummary[] | undefined;
  private loading: Promise<LetterSummary[]> | undefined;
  private indexing = false;
  /** Bumped by `refresh`: a fetch that started before it is not kept. */
  private generation = 0;
  filters: Filters = NO_FILTERS;
  /** Fires after each fetch, with the number of letters (for the status item and tests). */
  private readonly loaded = new vscode.EventEmitter<number>();
  readonly onDidLoad = this.loaded.event;

  constructor(
    private readonly host: ServerHost,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** Forget the letters: the next `getChildren` asks the server again. */
  refresh(): void {
    this.generation++;
    this.letters = undefined;
    this.changed.fire();
  }

  setFilters(filters: Filters): void {
    this.filters = filters;
    this.changed.fire();
  }

  get isIndexing(): boolean {
    return this.indexing;
  }

  async getChildren(node?: DeterminationNode): Promise<DeterminationNode[]> {
    if (node)
      return node.kind === 'letter' ? node.items.map((item) => ({ kind: 'item', letter: node.letter, item })) : [];
    const letters = await this.load();
    return applyFilters(letters, this.filters).map(({ letter, items }) => ({ kind: 'letter', letter, items }));
  }

  getTreeItem(node: DeterminationNode): vscode.TreeItem {
    if (node.kind === 'letter') {
      const item = new vscode.TreeItem(letterLabel(node.letter), vscode.TreeItemCollapsibleState.Collapsed);
      const { letter } = node.letter;
      // A file of several letters lists each: one id per letter, and opening it shows that letter.
      item.id = letter ? `${node.letter.uri}#letter-${letter.index}` : node.letter.uri;
      item.description = letterDescription(node.letter);
      item.tooltip = new vscode.MarkdownString(letterTooltip(node.letter));
      item.resourceUri = vscode.Uri.parse(node.letter.uri);
      item.iconPath = new vscode.ThemeIcon('law');
      item.contextValue = 'imrLetter';
      item.command = letter
        ? {
            command: REVEAL_COMMAND,
            title: 'Open Letter',
            arguments: [node.letter.uri, { start: letter.range.start, end: letter.range.start }],
          }
        : { command: 'vscode.open', title: 'Open Letter', arguments: [vscode.Uri.parse(node.letter.uri)] };
      return item;
    }
    const { item } = node;
    const treeItem = new vscode.TreeItem(item.label, vscode.TreeItemCollapsibleState.None);
    treeItem.id = `${node.letter.uri}#${item.range.start.line}`;
    treeItem.description = item.description;
    treeItem.tooltip = itemTooltip(item);
    treeItem.iconPath = this.decisionIcon(item);
    treeItem.contextValue = 'imrItem';
    treeItem.command = { command: REVEAL_COMMAND, title: 'Reveal Item', arguments: [node.letter.uri, item.range] };
    return treeItem;
  }

  /** The gutter's icon for the item's decision (decisionIcons.ts), for the light and the dark themes. */
  private decisionIcon(item: PickableItem): { light: vscode.Uri; dark: vscode.Uri } {
    const files = decisionIconFiles(DECISION_ICON[item.decision]);
    return {
      light: vscode.Uri.joinPath(this.extensionUri, files.light),
      dark: vscode.Uri.joinPath(this.extensionUri, files.dark),
    };
  }

  private load(): Promise<LetterSummary[]> {
    if (this.letters) return Promise.resolve(this.letters);
    this.loading ??= (async () => {
      const generation = this.generation;
      try {
        const client = await this.host.start();
        const result = await client.sendRequest(DeterminationsRequest, {});
        this.indexing = result.indexing;
        if (generation === this.generation) this.letters = result.letters;
        this.loaded.fire(result.letters.length);
        return result.letters;
      } finally {
        this.loading = undefined;
      }
    })();
    return this.loading;
  }

  dispose(): void {
    this.changed.dispose();
    this.loaded.dispose();
  }
}

export const REVEAL_COMMAND = 'imr.determinations.reveal';

const DECISION_CHOICES: { label: string; value: DecisionFilter; description?: string }[] = [
  { label: 'All letters', value: 'all' },
  { label: 'Overturned', value: 'Overturned', description: 'letters with an Overturned item, and those items' },
  { label: 'Upheld', value: 'Upheld', description: 'letters with an Upheld item, and those items' },
  { label: 'Invalid or missing decision', value: 'invalid' },
];

export function registerDeterminationsView(context: vscode.ExtensionContext, host: ServerHost): DeterminationsProvider {
  const provider = new DeterminationsProvider(host, context.extensionUri);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const showFilters = () => {
    view.description = filtersText(provider.filters);
    void vscode.commands.executeCommand('setContext', 'imr.determinationsFiltered', view.description !== undefined);
  };
  let editTimer: NodeJS.Timeout | undefined;
  context.subscriptions.push(
    provider,
    view,
    provider.onDidLoad(() => {
      view.message = provider.isIndexing ? 'Indexing the workspace…' : undefined;
    }),
    host.onDidStart((client) => {
      client.onNotification(IndexReadyNotification, () => provider.refresh());
      client.onNotification(IndexChangedNotification, () => provider.refresh());
      provider.refresh();
    }),
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (document.languageId !== 'imr') return;
      clearTimeout(editTimer);
      editTimer = setTimeout(() => provider.refresh(), EDIT_DELAY_MS);
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => doc.languageId === 'imr' && provider.refresh()),
    vscode.workspace.onDidCloseTextDocument((doc) => doc.languageId === 'imr' && provider.refresh()),
    { dispose: () => clearTimeout(editTimer) },
    vscode.commands.registerCommand(REVEAL_COMMAND, (uri: string, range: PickableItem['range']) =>
      reveal(vscode.Uri.parse(uri), toRange(range)),
    ),
    vscode.commands.registerCommand('imr.determinations.refresh', () => provider.refresh()),
    vscode.commands.registerCommand('imr.determinations.filterDecision', async () => {
      const choice = await vscode.window.showQuickPick(DECISION_CHOICES, {
        placeHolder: 'Show letters with items of this decision',
      });
      if (!choice) return;
      provider.setFilters({ ...provider.filters, decision: choice.value });
      showFilters();
    }),
    vscode.commands.registerCommand('imr.determinations.filterText', async () => {
      const text = await vscode.window.showInputBox({
        prompt: 'Show letters whose case number, file name or item contains this text',
        value: provider.filters.text,
      });
      if (text === undefined) return;
      provider.setFilters({ ...provider.filters, text });
      showFilters();
    }),
    vscode.commands.registerCommand('imr.determinations.clearFilters', () => {
      provider.setFilters(NO_FILTERS);
      showFilters();
    }),
  );
  return provider;
}
