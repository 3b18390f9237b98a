// Commands on one entity that are neither navigation nor corrections: copy its name, open it in the
// Entity Explorer.
import * as vscode from 'vscode';
import type { Services } from '../services';
import type { ExplorerPanel } from '../views/explorerPanel';
import { entityIdFor, entityIdOf } from './entityArgs';
import { COMMANDS } from './ids';

/** `selection` gives the Entities view's selected row, which these commands fall back on. */
export function registerEntityCommands(services: Services, explorer: ExplorerPanel, selection: () => unknown): void {
  const entityIdOrTell = (arg: unknown): string | undefined => {
    const id = entityIdFor(services, arg, selection());
    if (!id) void vscode.window.showInformationMessage('Corpus Lens: select an entity in the Entities view or put the cursor on a name.');
    return id;
  };
  services.context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openExplorer, (arg?: unknown) => void explorer.open(entityIdOf(arg))),
    vscode.commands.registerCommand(COMMANDS.copyEntityName, async (arg?: unknown) => {
      const entityId = entityIdOrTell(arg);
      const record = entityId ? services.index.entity(entityId) : undefined;
      if (!record) return;
      await vscode.env.clipboard.writeText(record.name);
      vscode.window.setStatusBarMessage(`Copied “${record.name}”`, 3000);
    }),
    vscode.commands.registerCommand(COMMANDS.openEntityInExplorer, (arg?: unknown) => {
      const entityId = entityIdOrTell(arg);
      if (entityId) explorer.open(entityId);
    }),
  );
}
