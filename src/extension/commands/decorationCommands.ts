// Turning the editor decorations on and off, and choosing the types they mark.
import * as vscode from 'vscode';
import { ENTITY_TYPES, EntityType } from '../../core/types';
import { TYPE_DESCRIPTIONS, swatchUri } from '../editor/entityColors';
import type { Services } from '../services';
import { COMMANDS } from './ids';

async function chooseDecoratedTypes(services: Services): Promise<void> {
  const current = services.settings.value.decoratedTypes;
  // The icon is the type's swatch: the legend of the decorations' colours.
  const items = ENTITY_TYPES.map(type => ({
    label: type,
    description: TYPE_DESCRIPTIONS[type],
    iconPath: { light: vscode.Uri.parse(swatchUri(type, 'light')), dark: vscode.Uri.parse(swatchUri(type, 'dark')) },
    picked: current.has(type),
  }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Corpus Lens: Entity types to decorate' });
  if (!picked) return;
  await services.settings.setDecorations(
    'types',
    picked.map(p => p.label as EntityType),
  );
}

export function registerDecorationCommands(services: Services): void {
  const { settings } = services;
  services.context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.toggleDecorations, () =>
      settings.setDecorations('enabled', !settings.value.decorationsEnabled),
    ),
    vscode.commands.registerCommand(COMMANDS.chooseDecoratedTypes, () => chooseDecoratedTypes(services)),
  );
}
