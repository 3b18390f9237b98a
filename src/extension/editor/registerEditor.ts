// Everything the editor shows of the corpus: decorations and their status-bar item, the hover,
// references, highlights, symbols, mention navigation, and the context key that the
// keybindings and menus use. All of it reads the one index and follows its change events.

import * as vscode from 'vscode';
import { ENTITY_TYPES, EntityType } from '../../core/types';
import type { Services } from '../services';
import { DecorationStatusBar, TOGGLE_DECORATIONS } from './decorationStatusBar';
import { EntityDecorations } from './decorations';
import { MentionHighlightProvider } from './documentHighlightProvider';
import { EntityDocumentSymbolProvider } from './documentSymbolProvider';
import { TYPE_DESCRIPTIONS } from './entityColors';
import { EntityHoverProvider } from './hoverProvider';
import { corpusSelector } from './mentionLocations';
import { registerMentionNavigation } from './mentionNavigation';
import { MentionReferenceProvider } from './referenceProvider';
import { EntityWorkspaceSymbolProvider } from './workspaceSymbolProvider';

export const CHOOSE_DECORATED_TYPES = 'corpusLens.chooseDecoratedTypes';
/** True while the active editor shows a corpus document (keybindings and menus use it). */
export const CORPUS_DOCUMENT_CONTEXT = 'corpusLens.isCorpusDocument';

/**
 * Writes a decoration setting where it survives a reload: the workspace when one is open,
 * otherwise the user settings.
 */
async function updateSetting(key: string, value: unknown): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration('corpusLens').update(key, value, target);
}

/** Registers the language providers for the corpus glob; again when the glob or the folders change. */
function registerProviders(services: Services) {
  const hover = new EntityHoverProvider(services);
  const references = new MentionReferenceProvider(services);
  const highlights = new MentionHighlightProvider(services);
  const documentSymbols = new EntityDocumentSymbolProvider(services);
  const workspaceSymbols = new EntityWorkspaceSymbolProvider(services);
  let include = services.settings.value.include;
  let registered: vscode.Disposable[] = [];
  const register = () => {
    vscode.Disposable.from(...registered).dispose();
    const selector = corpusSelector(include);
    registered = [
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerReferenceProvider(selector, references),
      vscode.languages.registerDocumentHighlightProvider(selector, highlights),
      vscode.languages.registerDocumentSymbolProvider(selector, documentSymbols, { label: 'Corpus Lens entities' }),
    ];
  };
  register();
  services.context.subscriptions.push(
    { dispose: () => vscode.Disposable.from(...registered).dispose() },
    vscode.languages.registerWorkspaceSymbolProvider(workspaceSymbols),
    vscode.workspace.onDidChangeWorkspaceFolders(register),
    services.settings.onDidChange(s => {
      if (s.include === include) return;
      include = s.include;
      register();
    }),
  );
  return { hover, references, highlights, documentSymbols, workspaceSymbols };
}

/** Keeps the `corpusLens.isCorpusDocument` context key in step with the active editor. */
function registerCorpusDocumentContext(services: Services): void {
  let last: boolean | undefined;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const value = !!editor && services.corpus.isCorpusDocument(editor.document);
    if (value === last) return;
    last = value;
    void vscode.commands.executeCommand('setContext', CORPUS_DOCUMENT_CONTEXT, value);
  };
  services.context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(update),
    services.index.onDidChange(update),
    services.settings.onDidChange(update),
  );
  update();
}

async function chooseDecoratedTypes(services: Services): Promise<void> {
  const current = services.settings.value.decoratedTypes;
  const items = ENTITY_TYPES.map(type => ({ label: type, description: TYPE_DESCRIPTIONS[type], picked: current.has(type) }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Corpus Lens: Entity types to decorate' });
  if (!picked) return;
  await updateSetting('decorations.types', picked.map(p => p.label as EntityType));
}

export function registerEditor(services: Services) {
  const decorations = new EntityDecorations(services);
  const statusBar = new DecorationStatusBar(services, decorations);
  services.context.subscriptions.push(
    decorations,
    statusBar,
    vscode.commands.registerCommand(TOGGLE_DECORATIONS, () => updateSetting('decorations.enabled', !services.settings.value.decorationsEnabled)),
    vscode.commands.registerCommand(CHOOSE_DECORATED_TYPES, () => chooseDecoratedTypes(services)),
  );
  const providers = registerProviders(services);
  const navigation = registerMentionNavigation(services);
  registerCorpusDocumentContext(services);
  return { decorations, statusBar, navigation, ...providers };
}
