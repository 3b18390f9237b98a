// The Entities view's own commands: filter, shown types, grouping and sort, and revealing an entity.
import * as vscode from 'vscode';
import { ENTITY_TYPES } from '../../core/types';
import { plural } from '../../shared/plural';
import type { Services } from '../services';
import { TYPE_NAMES } from '../views/entities/items';
import type { EntitiesProvider } from '../views/entities/entitiesProvider';
import type { EntitiesView } from '../views/entities/entitiesView';
import { entityIdFor } from './entityArgs';
import { COMMANDS } from './ids';

const LIVE_FILTER_DELAY_MS = 120;

function showFilterInput(provider: EntitiesProvider): void {
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
}

async function pickTypes(services: Services, provider: EntitiesProvider): Promise<void> {
  const stats = services.index.stats();
  const types = ENTITY_TYPES.filter(t => stats.byType[t] > 0 || provider.hiddenTypes.has(t));
  const picked = await vscode.window.showQuickPick(
    types.map(t => ({
      label: t,
      description: `${plural(stats.byType[t], 'entity', 'entities')} · ${TYPE_NAMES[t]}`,
      picked: !provider.hiddenTypes.has(t),
      type: t,
    })),
    { canPickMany: true, title: 'Entity types to show', placeHolder: 'Tick the types the Entities view shows' },
  );
  if (!picked) return;
  const shown = new Set(picked.map(p => p.type));
  provider.setHiddenTypes(types.filter(t => !shown.has(t)));
}

export function registerTreeCommands(services: Services, { provider, revealEntity }: EntitiesView): void {
  const { settings } = services;
  services.context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.filterTree, (value?: unknown) => {
      if (typeof value === 'string') provider.setFilter(value);
      else showFilterInput(provider);
    }),
    vscode.commands.registerCommand(COMMANDS.clearTreeFilter, () => provider.clearFilter()),
    vscode.commands.registerCommand(COMMANDS.toggleTreeTypes, (types?: unknown) => {
      if (!Array.isArray(types)) return pickTypes(services, provider);
      const shown = new Set(types);
      provider.setHiddenTypes(ENTITY_TYPES.filter(t => !shown.has(t)));
      return undefined;
    }),
    vscode.commands.registerCommand(COMMANDS.groupTreeByDocument, () => settings.setTree('groupBy', 'document')),
    vscode.commands.registerCommand(COMMANDS.groupTreeByType, () => settings.setTree('groupBy', 'type')),
    vscode.commands.registerCommand(COMMANDS.sortTreeByName, () => settings.setTree('sortBy', 'name')),
    vscode.commands.registerCommand(COMMANDS.sortTreeByCount, () => settings.setTree('sortBy', 'count')),
    vscode.commands.registerCommand(COMMANDS.revealInTree, async (arg?: unknown) => {
      const entityId = entityIdFor(services, arg);
      if (!entityId) {
        void vscode.window.showInformationMessage('Corpus Lens: the cursor is not on a name the index knows.');
        return false;
      }
      return revealEntity(entityId, { focus: true, force: true });
    }),
  );
}
