import * as vscode from 'vscode';
import { EntityTree } from './entityTree';

export interface CorpusLensApi {
  entityTree: EntityTree;
}

export function activate(context: vscode.ExtensionContext): CorpusLensApi {
  const entityTree = new EntityTree();
  context.subscriptions.push(
    vscode.window.createTreeView('corpusLens.entities', { treeDataProvider: entityTree, showCollapseAll: true }),
    vscode.commands.registerCommand('corpusLens.openExplorer', () => undefined),
  );
  return { entityTree };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
