// Everything the editor shows of the corpus: decorations and their status-bar item, the hover,
// references, highlights, symbols, and the context key that the keybindings and menus use. All of
// it reads the one index and follows its change events.

import * as vscode from 'vscode';
import type { Services } from '../services';
import { DecorationStatusBar } from './decorationStatusBar';
import { EntityDecorations } from './decorations';
import { MentionHighlightProvider } from './documentHighlightProvider';
import { EntityDocumentSymbolProvider } from './documentSymbolProvider';
import { EntityHoverProvider } from './hoverProvider';
import { corpusSelector } from './mentionLocations';
import { MentionReferenceProvider } from './referenceProvider';
import { EntityWorkspaceSymbolProvider } from './workspaceSymbolProvider';

/** True while the active editor shows a corpus document (keybindings and menus use it). */
export const CORPUS_DOCUMENT_CONTEXT = 'corpusLens.isCorpusDocument';

/** Registers the language providers for the corpus glob; again when the glob or the folders change. */
function registerProviders(services: Services) {
  const hover = new EntityHoverProvider(services);
  const references = new MentionReferenceProvider(services);
  const highlights = new MentionHighlightProvider(services);
  const documentSymbols = new EntityDocumentSymbolProvider(services);
  const workspaceSymbols = new EntityWorkspaceSymbolProvider(services);
  let include = services.settings.value.include;
  let registered: vscode.Disposable[] = [];
  let symbolsRegistered: vscode.Disposable | undefined;
  // A new registration is VS Code's only cue to ask for symbols again without an edit.
  const registerSymbols = () => {
    symbolsRegistered?.dispose();
    symbolsRegistered = vscode.languages.registerDocumentSymbolProvider(corpusSelector(include), documentSymbols, {
      label: 'Corpus Lens entities',
    });
  };
  const register = () => {
    vscode.Disposable.from(...registered).dispose();
    const selector = corpusSelector(include);
    registered = [
      vscode.languages.registerHoverProvider(selector, hover),
      vscode.languages.registerReferenceProvider(selector, references),
      vscode.languages.registerDocumentHighlightProvider(selector, highlights),
    ];
    registerSymbols();
  };
  register();
  services.context.subscriptions.push(
    { dispose: () => vscode.Disposable.from(...registered).dispose() },
    { dispose: () => symbolsRegistered?.dispose() },
    documentSymbols.onDidIndexAskedDocument(registerSymbols),
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

export function registerEditor(services: Services) {
  const decorations = new EntityDecorations(services);
  const statusBar = new DecorationStatusBar(services, decorations);
  services.context.subscriptions.push(decorations, statusBar);
  const providers = registerProviders(services);
  registerCorpusDocumentContext(services);
  return { decorations, statusBar, ...providers };
}
