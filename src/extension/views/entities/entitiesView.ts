// The Entities view's wiring: the tree view, its badge, description and message, the context keys
// its menus and welcome content use, its saved UI state, and revealing an entity's row.
import * as vscode from 'vscode';
import { ENTITY_TYPES, EntityType } from '../../../core/types';
import { plural } from '../../../shared/plural';
import type { Services } from '../../services';
import { isRestricted, RESTRICTED_MODE_MESSAGE } from '../../trust';
import { followCursor } from './cursorFollower';
import { EntitiesProvider } from './entitiesProvider';
import type { TreeNode } from './nodes';

export const VIEW_ID = 'corpusLens.entities';
const STATE_KEY = 'corpusLens.tree.state';

interface SavedState {
  filter?: string;
  hidden?: string[];
}

function setContext(key: string, value: unknown): void {
  void vscode.commands.executeCommand('setContext', key, value);
}

export interface EntitiesView {
  provider: EntitiesProvider;
  view: vscode.TreeView<TreeNode>;
  /** Reveals and selects an entity's row; with `force`, clears a filter that hides it. Resolves to whether it did. */
  revealEntity(entityId: string, options: { focus: boolean; force: boolean }): Promise<boolean>;
}

export function registerEntitiesView(services: Services): EntitiesView {
  const { index, corpus, context } = services;
  const provider = new EntitiesProvider(index, corpus, services.settings);
  const view = vscode.window.createTreeView<TreeNode>(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const subscriptions = context.subscriptions;
  subscriptions.push(provider, view);

  // Filter and hidden types survive a reload (UI state, per workspace).
  const saved = context.workspaceState.get<SavedState>(STATE_KEY);
  if (saved?.filter) provider.setFilter(saved.filter);
  const isType = (t: string): t is EntityType => (ENTITY_TYPES as readonly string[]).includes(t);
  if (saved?.hidden) provider.setHiddenTypes(saved.hidden.filter(isType));

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
    if (provider.typesChosen) parts.push(provider.hiddenTypes.size ? `${plural(provider.hiddenTypes.size, 'type')} hidden` : 'all types');
    const description = parts.length ? parts.join(' · ') : undefined;
    if (description !== shown.description) view.description = shown.description = description;
    // The message shows above the rows even where the view's header (and its description) is hidden.
    const notes: string[] = isRestricted() ? [RESTRICTED_MODE_MESSAGE] : [];
    if (progress) notes.push(`Analysing ${progress.done} of ${progress.total} documents…`);
    else if (hasCorpus === undefined) notes.push('Indexing…');
    if (description) {
      const none = total > 0 && provider.visibleEntityCount() === 0 ? ' · no entities match' : '';
      notes.push(`${description[0].toUpperCase()}${description.slice(1)}${none}`);
    }
    const message = notes.length ? notes.join(' · ') : undefined;
    if (message !== shown.message) view.message = shown.message = message;
    if (provider.isFiltered !== shown.filtered) setContext('corpusLens.tree.filtered', (shown.filtered = provider.isFiltered));
  };

  // hasCorpus: known once a scan has finished; "Indexing…" until then, and the welcome view
  // (corpusLens.noCorpus) only once a scan has found nothing.
  let hasCorpus: boolean | undefined;
  const updateHasCorpus = async () => {
    await Promise.resolve(); // a rescan announces itself before it queues its files
    await corpus.whenIdle();
    const value = index.documentIds().length > 0 || corpus.skipped.size > 0;
    if (value === hasCorpus) return;
    setContext('corpusLens.noCorpus', !(hasCorpus = value));
    updateView();
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
    vscode.workspace.onDidGrantWorkspaceTrust(updateView),
    provider.onDidChangeState(() => {
      updateView();
      // Default hidden types are not saved: they follow corpusLens.listTypes.
      const hidden = provider.typesChosen ? [...provider.hiddenTypes] : undefined;
      void context.workspaceState.update(STATE_KEY, { filter: provider.filter, hidden } satisfies SavedState);
    }),
  );
  updateView();

  const revealEntity: EntitiesView['revealEntity'] = async (entityId, options) => {
    const preferDoc = vscode.window.activeTextEditor?.document.uri.toString();
    let row = provider.entityRow(entityId, preferDoc);
    const entity = index.entity(entityId);
    if (!row && options.force && entity) {
      provider.clearFilter();
      provider.showType(entity.type);
      row = provider.entityRow(entityId, preferDoc);
    }
    if (!row) return false;
    await view.reveal(row, { select: true, focus: options.focus, expand: false });
    return true;
  };

  const entities: EntitiesView = { provider, view, revealEntity };
  subscriptions.push(followCursor(services, entities));
  return entities;
}
