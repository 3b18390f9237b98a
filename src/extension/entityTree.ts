import * as vscode from 'vscode';

/** Placeholder until the analysis lands: lists the corpus documents. */
export class EntityTree implements vscode.TreeDataProvider<vscode.Uri> {
  async getChildren(element?: vscode.Uri): Promise<vscode.Uri[]> {
    if (element) return [];
    const include = vscode.workspace.getConfiguration('corpusLens').get<string>('include', 'seeds/**/*.{txt,md}');
    const files = await vscode.workspace.findFiles(include);
    return files.sort((a, b) => a.path.localeCompare(b.path));
  }

  getTreeItem(uri: vscode.Uri): vscode.TreeItem {
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    item.label = vscode.workspace.asRelativePath(uri);
    return item;
  }
}
