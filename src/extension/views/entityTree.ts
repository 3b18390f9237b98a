import * as vscode from 'vscode';
import type { Services } from '../services';

/** Placeholder until the entity tree lands: lists the indexed documents. */
export class EntityTree implements vscode.TreeDataProvider<string> {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly services: Services) {
    services.context.subscriptions.push(this.emitter, services.index.onDidChange(() => this.emitter.fire()));
  }

  getChildren(element?: string): string[] {
    return element ? [] : this.services.index.documentIds();
  }

  getTreeItem(id: string): vscode.TreeItem {
    const uri = vscode.Uri.parse(id);
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    item.label = vscode.workspace.asRelativePath(uri);
    return item;
  }
}

export function registerEntityTree(services: Services) {
  const provider = new EntityTree(services);
  const view = vscode.window.createTreeView('corpusLens.entities', { treeDataProvider: provider, showCollapseAll: true });
  services.context.subscriptions.push(view, vscode.commands.registerCommand('corpusLens.openExplorer', () => undefined));
  return { provider, view };
}
