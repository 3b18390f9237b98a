// Choosing the corpus: the welcome view's button writes the `corpusLens.include` glob.
import * as path from 'path';
import * as vscode from 'vscode';
import type { Services } from '../services';
import { allowWrite } from '../trust';
import { COMMANDS } from './ids';

/** Characters with a meaning in a glob, escaped as one-character classes. */
function escapeGlob(text: string): string {
  return text.replace(/[[{}*?]/g, c => `[${c}]`);
}

/**
 * The `corpusLens.include` glob for the text and Markdown files under `folder`, relative to its
 * workspace folder; undefined when `folder` is outside the workspace.
 */
function includeGlobFor(folder: vscode.Uri): string | undefined {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
  if (!workspaceFolder) return undefined;
  const relative = path.posix.relative(workspaceFolder.uri.path, folder.path);
  if (relative.startsWith('..')) return undefined;
  return relative ? `${escapeGlob(relative)}/**/*.{txt,md}` : '**/*.{txt,md}';
}

/**
 * The user picks a folder, and its text and Markdown files become the corpus (workspace setting
 * `corpusLens.include`). An existing, different workspace value is only replaced after the user confirms.
 */
async function chooseCorpusFolder(services: Services): Promise<void> {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders?.length) {
    void vscode.window.showInformationMessage('Corpus Lens: open a folder first; the corpus is read from the workspace.');
    return;
  }
  // The glob goes into the workspace settings: not in Restricted Mode, nor through a linked .vscode.
  if (!(await allowWrite(vscode.Uri.joinPath(folders[0].uri, '.vscode', 'settings.json'), services.log))) return;
  const picked = await vscode.window.showOpenDialog({
    canSelectFiles: false,
    canSelectFolders: true,
    canSelectMany: false,
    defaultUri: folders[0].uri,
    openLabel: 'Use as Corpus',
    title: 'Corpus Lens: choose the folder that holds the corpus',
  });
  if (!picked?.length) return;
  const glob = includeGlobFor(picked[0]);
  if (!glob) {
    void vscode.window.showErrorMessage('Corpus Lens: the corpus folder must be inside the workspace.');
    return;
  }
  const current = services.settings.workspaceInclude;
  if (current !== undefined && current !== glob) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(
      `The workspace setting corpusLens.include is "${current}". Replace it with "${glob}"?`,
      { modal: true },
      replace,
    );
    if (answer !== replace) return;
  }
  await services.settings.setWorkspaceInclude(glob);
  void vscode.window.showInformationMessage(`Corpus Lens: reading "${glob}" (workspace setting corpusLens.include).`);
}

export function registerCorpusCommands(services: Services): void {
  services.context.subscriptions.push(vscode.commands.registerCommand(COMMANDS.chooseCorpusFolder, () => chooseCorpusFolder(services)));
}
