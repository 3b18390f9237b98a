// The Entities view: Type → Entity → Mention (or Document → Type → Entity → Mention), read from
// the corpus index on demand. The view keeps UI state only (filter, hidden types, grouping and
// sort); every index change refreshes from the root, and stable row ids keep expansion and
// selection across refreshes.
import * as path from 'path';
import * as vscode from 'vscode';
import type { CorpusIndex, EntityQuery, EntityRecord, IndexedMention } from '../../core/index/corpusIndex';
import { lineStarts } from '../../core/text/textLines';
import { ENTITY_TYPES, EntityType } from '../../core/types';
import type { CorpusService } from '../corpus/corpusService';
import { escapeMarkdown } from '../markdownText';
import type { Services } from '../services';
import { chooseCorpusFolder, openMention } from './treeCommands';
import {
  DocumentNode, EntityNode, MentionNode, SNIPPET_CONTEXT, TreeNode, TypeNode,
  documentNode, entityNode, mentionLabel, mentionNode, skippedFileNode, skippedNode, typeNode,
} from './treeNodes';

export { openMention } from './treeCommands';
export type { TreeNode } from './treeNodes';

export const VIEW_ID = 'corpusLens.entities';
export type GroupBy = 'type' | 'document';
export type SortBy = 'count' | 'name';

interface TreeSettings {
  groupBy: GroupBy;
  sortBy: SortBy;
  followCursor: boolean;
}

function readTreeSettings(): TreeSettings {
  const c = vscode.workspace.getConfiguration('corpusLens.tree');
  return {
    groupBy: c.get<string>('groupBy') === 'document' ? 'document' : 'type',
    sortBy: c.get<string>('sortBy') === 'name' ? 'name' : 'count',
    followCursor: c.get<boolean>('followCursor', false),
  };
}

const TYPE_NAMES: Record<EntityType, string> = {
  PERSON: 'people', ORG: 'organisations', PLACE: 'places', NORP: 'nationalities, religious and political groups',
  MISC: 'other names', DATE: 'dates', TIME: 'times', DURATION: 'durations', MONEY: 'amounts of money',
  PERCENT: 'percentages', CARDINAL: 'numbers', ORDINAL: 'ordinals', URL: 'web addresses', EMAIL: 'e-mail addresses',
  HASHTAG: 'hashtags', MENTION: '@-mentions', EMOJI: 'emoji', EMOTICON: 'emoticons',
};

const TYPE_ICONS: Record<EntityType, string> = {
  PERSON: 'person', ORG: 'organization', PLACE: 'location', NORP: 'globe', MISC: 'tag',
  DATE: 'calendar', TIME: 'watch', DURATION: 'history', MONEY: 'credit-card', PERCENT: 'symbol-operator',
  CARDINAL: 'symbol-number', ORDINAL: 'list-ordered', URL: 'link', EMAIL: 'mail', HASHTAG: 'tag',
  MENTION: 'mention', EMOJI: 'smiley', EMOTICON: 'smiley',
};

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function relativePath(docId: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(docId));
}

function byRelativePath(a: string, b: string): number {
  const x = relativePath(a);
  const y = relativePath(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The editor range of a mention (the index gives the start's line and character). */
export function mentionRange(m: IndexedMention): vscode.Range {
  const starts = lineStarts(m.text);
  const last = starts.length - 1;
  const end = last === 0
    ? new vscode.Position(m.line, m.character + m.text.length)
    : new vscode.Position(m.line + last, m.text.length - starts[last]);
  return new vscode.Range(m.line, m.character, end.line, end.character);
}

/** What the tree shows: rows built from the index on demand, plus the view's UI state. */
export class EntityTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  /** Fires when the filter, the hidden types or the settings change (not on index changes). */
  readonly onDidChangeState = this.stateEmitter.event;
  private filterText = '';
  private hidden = new Set<EntityType>();
  private current = readTreeSettings();

  constructor(private readonly index: CorpusIndex, private readonly corpus: CorpusService) {}

  // ---- UI state

  get filter(): string {
    return this.filterText;
  }

  get hiddenTypes(): ReadonlySet<EntityType> {
    return this.hidden;
  }

  get settings(): Readonly<TreeSettings> {
    return this.current;
  }

  get isFiltered(): boolean {
    return this.filterText !== '' || this.hidden.size > 0;
  }

  setFilter(text: string): void {
    const value = text.trim();
    if (value === this.filterText) return;
    this.filterText = value;
    this.stateChanged();
  }

  setHiddenTypes(types: Iterable<EntityType>): void {
    this.hidden = new Set(types);
    this.stateChanged();
  }

  clearFilter(): void {
    if (!this.isFiltered) return;
    this.filterText = '';
    this.hidden = new Set();
    this.stateChanged();
  }

  reloadSettings(): void {
    this.current = readTreeSettings();
    this.stateChanged();
  }

  /** Re-reads everything from the root (ids keep the rows' expansion and selection). */
  refresh(): void {
    this.emitter.fire(undefined);
  }

  private stateChanged(): void {
    this.stateEmitter.fire();
    this.refresh();
  }

  /** The index query for the current filter. */
  query(types?: readonly EntityType[]): EntityQuery {
    const visible = (types ?? ENTITY_TYPES).filter(t => !this.hidden.has(t));
    return {
      prefix: this.filterText || undefined,
      types: types || this.hidden.size ? visible : undefined,
      sort: this.current.sortBy,
    };
  }

  /** Whether the entity passes the filter and its type is shown. */
  shows(entity: EntityRecord): boolean {
    if (this.hidden.has(entity.type)) return false;
    return !this.filterText || this.index.entities({ prefix: this.filterText, types: [entity.type] }).some(e => e.id === entity.id);
  }

  /** Number of entities the filter lets through. */
  visibleEntityCount(): number {
    return this.isFiltered ? this.index.entities(this.query()).length : this.index.stats().entities;
  }

  // ---- TreeDataProvider

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'skipped':
        return [...this.corpus.skipped]
          .sort(([a], [b]) => byRelativePath(a, b))
          .map(([docId, reason]) => skippedFileNode(node, docId, reason));
      case 'document':
        return this.typesIn(node);
      case 'type':
        return this.entitiesOf(node);
      case 'entity':
        return this.mentionsOf(node);
      default:
        return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = this.createItem(node);
    item.id = node.id;
    return item;
  }

  private roots(): TreeNode[] {
    const rows: TreeNode[] = [];
    if (this.corpus.skipped.size > 0) rows.push(skippedNode());
    if (this.current.groupBy === 'document') {
      const query = this.query();
      for (const docId of this.index.documentIds().sort(byRelativePath)) {
        const count = this.index.entitiesIn(docId, query).length;
        if (count > 0) rows.push(documentNode(docId, count));
      }
      return rows;
    }
    return rows.concat(typeRows(this.index.entities(this.query())));
  }

  private typesIn(doc: DocumentNode): TypeNode[] {
    return typeRows(this.index.entitiesIn(doc.docId, this.query()), doc);
  }

  private entitiesOf(parent: TypeNode): EntityNode[] {
    if (parent.docId === undefined) {
      return this.index.entities(this.query([parent.type])).map(e => entityNode(e.id, e.mentionCount, parent));
    }
    const counts = this.countsIn(parent.docId);
    const records = this.index.entitiesIn(parent.docId, { ...this.query([parent.type]), sort: 'name' });
    if (this.current.sortBy === 'count') records.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0)); // stable: ties by name
    return records.map(e => entityNode(e.id, counts.get(e.id) ?? 0, parent));
  }

  private mentionsOf(parent: EntityNode): MentionNode[] {
    const ordinals = new Map<string, number>();
    const rows: MentionNode[] = [];
    for (const mention of this.index.mentionsOf(parent.entityId)) {
      if (parent.docId !== undefined && mention.docId !== parent.docId) continue;
      const ordinal = ordinals.get(mention.docId) ?? 0;
      ordinals.set(mention.docId, ordinal + 1);
      rows.push(mentionNode(mention, ordinal, parent));
    }
    return rows;
  }

  /** Entity id → its mentions in the document. */
  private countsIn(docId: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.index.mentionsIn(docId)) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    return counts;
  }

  /**
   * The entity's row, as getChildren would build it (for TreeView.reveal); in the document
   * grouping, under `preferDoc` when the entity is mentioned there, else its first document.
   * Undefined when the entity is unknown or filtered out.
   */
  entityRow(entityId: string, preferDoc?: string): EntityNode | undefined {
    const record = this.index.entity(entityId);
    if (!record || !this.shows(record)) return undefined;
    const type = record.type;
    if (this.current.groupBy === 'type') {
      const parent = typeNode(type, this.index.entities(this.query([type])).length);
      return entityNode(entityId, record.mentionCount, parent);
    }
    const docId = preferDoc !== undefined && this.index.mentionsIn(preferDoc).some(m => m.entityId === entityId)
      ? preferDoc
      : this.index.mentionsOf(entityId)[0]?.docId;
    if (docId === undefined) return undefined;
    const doc = documentNode(docId, this.index.entitiesIn(docId, this.query()).length);
    const parent = typeNode(type, this.index.entitiesIn(docId, this.query([type])).length, doc);
    return entityNode(entityId, this.countsIn(docId).get(entityId) ?? 0, parent);
  }

  private createItem(node: TreeNode): vscode.TreeItem {
    const collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.kind) {
      case 'skipped': {
        const item = new vscode.TreeItem(`Skipped (${this.corpus.skipped.size})`, collapsed);
        item.iconPath = new vscode.ThemeIcon('warning');
        item.tooltip = 'Corpus files that were not analysed, with the reason';
        item.contextValue = 'skipped';
        return item;
      }
      case 'skippedFile': {
        const item = new vscode.TreeItem(relativePath(node.docId), vscode.TreeItemCollapsibleState.None);
        item.resourceUri = vscode.Uri.parse(node.docId);
        item.iconPath = vscode.ThemeIcon.File;
        item.description = node.reason;
        item.tooltip = `${relativePath(node.docId)}: ${node.reason}`;
        item.contextValue = 'skippedFile';
        return item;
      }
      case 'document': {
        const item = new vscode.TreeItem(relativePath(node.docId), collapsed);
        item.resourceUri = vscode.Uri.parse(node.docId);
        item.iconPath = vscode.ThemeIcon.File;
        item.description = plural(node.count, 'entity', 'entities');
        const info = this.index.document(node.docId);
        item.tooltip = [
          relativePath(node.docId),
          info?.date ? `dated ${info.date}` : undefined,
          info ? `${plural(info.mentionCount, 'mention')}, ${plural(info.tokens, 'word')}` : undefined,
        ].filter(Boolean).join('\n');
        item.contextValue = 'document';
        return item;
      }
      case 'type': {
        const item = new vscode.TreeItem(node.type, collapsed);
        item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[node.type]);
        item.description = String(node.count);
        item.tooltip = `${node.type}: ${plural(node.count, 'entity', 'entities')} (${TYPE_NAMES[node.type]})${this.filterText ? ` matching “${this.filterText}”` : ''}`;
        item.contextValue = 'type';
        return item;
      }
      case 'entity':
        return this.entityItem(node);
      case 'mention':
        return this.mentionItem(node);
    }
  }

  private entityItem(node: EntityNode): vscode.TreeItem {
    const record = this.index.entity(node.entityId);
    const item = new vscode.TreeItem(record?.name ?? node.entityId, vscode.TreeItemCollapsibleState.Collapsed);
    item.description = String(node.count);
    item.contextValue = 'entity';
    if (!record) return item;
    item.iconPath = new vscode.ThemeIcon(TYPE_ICONS[record.type]);
    // Corpus text goes in escaped (no HTML, no links, not even autolinks), and the tooltip is neither trusted nor HTML.
    const tooltip = new vscode.MarkdownString();
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendMarkdown(`**${escapeMarkdown(record.name)}**\n\n`);
    tooltip.appendText(`${record.type} (${TYPE_NAMES[record.type]}) · ${plural(record.mentionCount, 'mention')} in ${plural(record.documentCount, 'document')}`);
    if (node.docId !== undefined) tooltip.appendText(` · ${node.count} in this one`);
    tooltip.appendMarkdown('\n\n');
    if (record.aliases.length > 0) tooltip.appendMarkdown(`Also: ${record.aliases.map(escapeMarkdown).join(', ')}`);
    else tooltip.appendMarkdown('_No other names_');
    item.tooltip = tooltip;
    return item;
  }

  private mentionItem(node: MentionNode): vscode.TreeItem {
    const m = node.mention;
    const snippet = this.index.context(m.docId, m.start, m.end, SNIPPET_CONTEXT) ?? { left: '', text: m.text, right: '' };
    // One code unit more on the right tells whether the text goes on past the snippet.
    const wider = this.index.context(m.docId, m.start, m.end, SNIPPET_CONTEXT + 1);
    const { label, highlight } = mentionLabel(m.line, snippet, m.start > SNIPPET_CONTEXT, !!wider && wider.right !== snippet.right);
    const item = new vscode.TreeItem({ label, highlights: [highlight] }, vscode.TreeItemCollapsibleState.None);
    if (node.parent.docId === undefined) item.description = path.posix.basename(vscode.Uri.parse(m.docId).path);
    const tooltip = new vscode.MarkdownString();
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    tooltip.appendMarkdown(`${escapeMarkdown(relativePath(m.docId))}, line ${m.line + 1}, column ${m.character + 1}\n\n`);
    tooltip.appendMarkdown(`${escapeMarkdown(snippet.left.trimStart())}**${escapeMarkdown(snippet.text)}**${escapeMarkdown(snippet.right.trimEnd())}`);
    item.tooltip = tooltip;
    item.contextValue = 'mention';
    item.command = { command: 'corpusLens.openMention', title: 'Open Mention', arguments: [m.docId, m.start, m.end] };
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
    this.stateEmitter.dispose();
  }
}

/** Type rows (in ENTITY_TYPES order) for the entities given, each with its number of entities. */
function typeRows(entities: readonly EntityRecord[], parent?: DocumentNode): TypeNode[] {
  const counts = new Map<EntityType, number>();
  for (const e of entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return ENTITY_TYPES.filter(t => counts.has(t)).map(t => typeNode(t, counts.get(t)!, parent));
}

// ---- wiring: the view, its commands, context keys, badge and messages

const FOLLOW_CURSOR_DELAY_MS = 250;
const LIVE_FILTER_DELAY_MS = 120;
const STATE_KEY = 'corpusLens.tree.state';

interface SavedState {
  filter?: string;
  hidden?: string[];
}

function setContext(key: string, value: unknown): void {
  void vscode.commands.executeCommand('setContext', key, value);
}

/** The entity id a command was invoked with: an id, a tree row, or nothing (the caller decides). */
function entityIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const node = arg as Partial<TreeNode> | undefined;
  if (node?.kind === 'entity') return (node as EntityNode).entityId;
  if (node?.kind === 'mention') return (node as MentionNode).mention.entityId;
  return undefined;
}

export function registerEntityTree(services: Services) {
  const { index, corpus, context } = services;
  const provider = new EntityTreeProvider(index, corpus);
  const view = vscode.window.createTreeView<TreeNode>(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const subscriptions = context.subscriptions;
  subscriptions.push(provider, view);

  // Filter and hidden types survive a reload (UI state, per workspace).
  const saved = context.workspaceState.get<SavedState>(STATE_KEY);
  if (saved?.filter) provider.setFilter(saved.filter);
  if (saved?.hidden?.length) provider.setHiddenTypes(saved.hidden.filter((t): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t)));

  let progress = corpus.currentProgress;

  // What the view shows now: each assignment is a message to the workbench, so only changes are sent.
  const shown: { badge?: number; description?: string; message?: string; filtered?: boolean } = {};

  /** Badge, description, message and context keys from the index and the UI state. */
  const updateView = () => {
    const total = index.stats().entities;
    if (total !== shown.badge) {
      shown.badge = total;
      view.badge = total > 0 ? { value: total, tooltip: plural(total, 'entity', 'entities') } : undefined;
    }
    const parts: string[] = [];
    if (provider.filter) parts.push(`filter: ${provider.filter}`);
    if (provider.hiddenTypes.size > 0) parts.push(`${plural(provider.hiddenTypes.size, 'type')} hidden`);
    const description = parts.length ? parts.join(' · ') : undefined;
    if (description !== shown.description) view.description = shown.description = description;
    let message: string | undefined;
    if (progress) message = `Analysing ${progress.done} of ${progress.total} documents…`;
    else if (provider.isFiltered && total > 0 && provider.visibleEntityCount() === 0) message = 'No entities match the filter.';
    if (message !== shown.message) view.message = shown.message = message;
    if (provider.isFiltered !== shown.filtered) setContext('corpusLens.tree.filtered', (shown.filtered = provider.isFiltered));
  };

  // hasCorpus: known once a scan has finished; false shows the welcome view.
  let hasCorpus: boolean | undefined;
  const updateHasCorpus = async () => {
    await Promise.resolve(); // a rescan announces itself before it queues its files
    await corpus.whenIdle();
    const value = index.documentIds().length > 0 || corpus.skipped.size > 0;
    if (value !== hasCorpus) setContext('corpusLens.hasCorpus', (hasCorpus = value));
  };

  subscriptions.push(
    index.onDidChange(() => {
      provider.refresh();
      updateView();
      void updateHasCorpus();
    }),
    corpus.onDidChangeSkipped(() => {
      provider.refresh();
      void updateHasCorpus();
    }),
    corpus.onDidChangeProgress(p => {
      progress = p;
      updateView();
      if (!p) void updateHasCorpus();
    }),
    provider.onDidChangeState(() => {
      updateView();
      void context.workspaceState.update(STATE_KEY, { filter: provider.filter, hidden: [...provider.hiddenTypes] } satisfies SavedState);
    }),
    vscode.workspace.onDidChangeConfiguration(e => {
      if (e.affectsConfiguration('corpusLens.tree')) provider.reloadSettings();
    }),
  );
  updateView();

  // ---- reveal and follow the cursor

  const entityAtCursor = (editor = vscode.window.activeTextEditor): string | undefined => {
    if (!editor) return undefined;
    const docId = editor.document.uri.toString();
    return index.mentionAt(docId, editor.document.offsetAt(editor.selection.active))?.entityId;
  };

  /** Reveals and selects an entity's row; with `force`, clears a filter that hides it. */
  const revealEntity = async (entityId: string, options: { focus: boolean; force: boolean }): Promise<boolean> => {
    const preferDoc = vscode.window.activeTextEditor?.document.uri.toString();
    let row = provider.entityRow(entityId, preferDoc);
    if (!row && options.force && index.entity(entityId)) {
      provider.clearFilter();
      row = provider.entityRow(entityId, preferDoc);
    }
    if (!row) return false;
    await view.reveal(row, { select: true, focus: options.focus, expand: false });
    return true;
  };

  // (The editor's `corpusLens.isCorpusDocument` context key enables Reveal in Entities View.)
  let followTimer: NodeJS.Timeout | undefined;
  subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection(e => {
      if (!provider.settings.followCursor || !view.visible) return;
      clearTimeout(followTimer);
      followTimer = setTimeout(() => {
        if (!view.visible || e.textEditor !== vscode.window.activeTextEditor) return;
        const entityId = entityAtCursor(e.textEditor);
        const selected = view.selection[0];
        if (!entityId || (selected?.kind === 'entity' && selected.entityId === entityId)) return;
        revealEntity(entityId, { focus: false, force: false }).catch(err => services.log.debug(`follow cursor: ${String(err)}`));
      }, FOLLOW_CURSOR_DELAY_MS);
    }),
    { dispose: () => clearTimeout(followTimer) },
  );

  // ---- commands

  const showFilterInput = () => {
    const input = vscode.window.createInputBox();
    const previous = provider.filter;
    let accepted = false;
    let timer: NodeJS.Timeout | undefined;
    input.title = 'Filter Entities';
    input.placeholder = 'Start of a name or alias (empty: show all)';
    input.prompt = 'The tree follows as you type. Enter keeps the filter; Escape restores the previous one.';
    input.value = previous;
    input.onDidChangeValue(value => {
      clearTimeout(timer);
      timer = setTimeout(() => provider.setFilter(value), LIVE_FILTER_DELAY_MS);
    });
    input.onDidAccept(() => {
      accepted = true;
      clearTimeout(timer);
      provider.setFilter(input.value);
      input.hide();
    });
    input.onDidHide(() => {
      clearTimeout(timer);
      if (!accepted) provider.setFilter(previous);
      input.dispose();
    });
    input.show();
  };

  const pickTypes = async () => {
    const stats = index.stats();
    const types = ENTITY_TYPES.filter(t => stats.byType[t] > 0 || provider.hiddenTypes.has(t));
    const picked = await vscode.window.showQuickPick(
      types.map(t => ({ label: t, description: `${plural(stats.byType[t], 'entity', 'entities')} · ${TYPE_NAMES[t]}`, picked: !provider.hiddenTypes.has(t), type: t })),
      { canPickMany: true, title: 'Entity types to show', placeHolder: 'Tick the types the Entities view shows' },
    );
    if (!picked) return;
    const shown = new Set(picked.map(p => p.type));
    provider.setHiddenTypes(types.filter(t => !shown.has(t)));
  };

  /** Writes a tree setting where it is in effect: the workspace when set there, else the user settings. */
  const updateSetting = async (key: 'groupBy' | 'sortBy', value: string) => {
    const config = vscode.workspace.getConfiguration('corpusLens.tree');
    const target = config.inspect(key)?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update(key, value, target);
  };

  const entityIdFor = (arg: unknown): string | undefined => {
    const id = entityIdOf(arg) ?? entityIdOf(view.selection[0]) ?? entityAtCursor();
    if (!id) void vscode.window.showInformationMessage('Corpus Lens: select an entity in the Entities view or put the cursor on a name.');
    return id;
  };

  const register = (id: string, run: (...args: never[]) => unknown) => subscriptions.push(vscode.commands.registerCommand(id, run));

  register('corpusLens.openMention', (docId: string, start: number, end: number) => openMention(docId, start, end));
  register('corpusLens.filterTree', (value?: unknown) => {
    if (typeof value === 'string') provider.setFilter(value);
    else showFilterInput();
  });
  register('corpusLens.clearTreeFilter', () => provider.clearFilter());
  register('corpusLens.toggleTreeTypes', (types?: unknown) => {
    if (!Array.isArray(types)) return pickTypes();
    const shown = new Set(types);
    provider.setHiddenTypes(ENTITY_TYPES.filter(t => !shown.has(t)));
    return undefined;
  });
  register('corpusLens.groupTreeByDocument', () => updateSetting('groupBy', 'document'));
  register('corpusLens.groupTreeByType', () => updateSetting('groupBy', 'type'));
  register('corpusLens.sortTreeByName', () => updateSetting('sortBy', 'name'));
  register('corpusLens.sortTreeByCount', () => updateSetting('sortBy', 'count'));
  register('corpusLens.revealInTree', async (arg?: unknown) => {
    const entityId = entityIdOf(arg) ?? entityAtCursor();
    if (!entityId) {
      void vscode.window.showInformationMessage('Corpus Lens: the cursor is not on a name the index knows.');
      return false;
    }
    return revealEntity(entityId, { focus: true, force: true });
  });
  register('corpusLens.showEntityMentions', async (arg?: unknown) => {
    const entityId = entityIdFor(arg);
    const mentions = entityId ? index.mentionsOf(entityId) : [];
    if (!mentions.length) return;
    const locations = mentions.map(m => new vscode.Location(vscode.Uri.parse(m.docId), mentionRange(m)));
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    const anchor = mentions.find(m => m.docId === active) ?? mentions[0];
    await vscode.commands.executeCommand('editor.action.showReferences', vscode.Uri.parse(anchor.docId), mentionRange(anchor).start, locations);
  });
  register('corpusLens.copyEntityName', async (arg?: unknown) => {
    const entityId = entityIdFor(arg);
    const record = entityId ? index.entity(entityId) : undefined;
    if (!record) return;
    await vscode.env.clipboard.writeText(record.name);
    vscode.window.setStatusBarMessage(`Copied “${record.name}”`, 3000);
  });
  register('corpusLens.openEntityInExplorer', async (arg?: unknown) => {
    const entityId = entityIdFor(arg);
    // The Entity Explorer panel registers corpusLens.openExplorer (argument: an entity id).
    if (entityId) await vscode.commands.executeCommand('corpusLens.openExplorer', entityId);
  });
  register('corpusLens.chooseCorpusFolder', () => chooseCorpusFolder());

  return { provider, view, revealEntity };
}
