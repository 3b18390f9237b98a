// With `corpusLens.tree.followCursor` on, the Entities view selects the entity under the cursor.
import * as vscode from 'vscode';
import { mentionAtCursor } from '../../commands/entityArgs';
import type { Services } from '../../services';
import type { EntitiesView } from './entitiesView';

const FOLLOW_CURSOR_DELAY_MS = 250;

export function followCursor(services: Services, { provider, view, revealEntity }: EntitiesView): vscode.Disposable {
  let timer: NodeJS.Timeout | undefined;
  const subscription = vscode.window.onDidChangeTextEditorSelection(e => {
    if (!provider.settings.followCursor || !view.visible) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!view.visible || e.textEditor !== vscode.window.activeTextEditor) return;
      const entityId = mentionAtCursor(services)?.entityId;
      const selected = view.selection[0];
      if (!entityId || (selected?.kind === 'entity' && selected.entityId === entityId)) return;
      revealEntity(entityId, { focus: false, force: false }).catch(err => services.log.debug(`follow cursor: ${String(err)}`));
    }, FOLLOW_CURSOR_DELAY_MS);
  });
  return vscode.Disposable.from(subscription, { dispose: () => clearTimeout(timer) });
}
