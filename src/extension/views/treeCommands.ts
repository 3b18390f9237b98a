// Commands the Entities tree contributes that other views reuse or that need no tree state:
// jumping to a mention and choosing the corpus folder.
import * as path from 'path';
import * as vscode from 'vscode';

/**
 * Opens a corpus document and selects exactly [start, end) (UTF-16 offsets of its text, as the
 * index holds them), revealed in the centre. The Entity Explorer panel and other views reuse it
 * through the `corpusLens.openMention` command (arguments: docId, start, end).
 */
export async function openMention(docId: string, start: number, end: number, options: { preserveFocus?: boolean } = {}): Promise<vscode.TextEditor> {
  if (typeof docId !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new Error(`corpusLens.openMention: expected (docId, start, end), got (${String(docId)}, ${String(start)}, ${String(end)})`);
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(docId));
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { preserveFocus: options.preserveFocus ?? false, preview: true, selection: range });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenter);
  return editor;
}

/** Characters with a meaning in a glob, escaped as one-character classes. */
function escapeGlob(text: string): string {
  return text.replace(/[[{}*?]/g, c => `[${c}]`);
}

/**
 * The `corpusLens.include` glob for the text and Markdown files under `folder`, relative to its
 * workspace folder; undefined when `folder` is outside the workspace.
 */
export function includeGlobFor(folder: vscode.Uri): string | undefined {
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
  if (!workspaceFolder) return undefined;
  const relative = path.posix.relative(workspaceFolder.uri.path, folder.path);
  if (relative.startsWith('..')) return undefined;
  return relative ? `${escapeGlob(relative)}/**/*.{txt,md}` : '**/*.{txt,md}';
}

/**
 * The welcome view's button: the user picks a folder, and its text and Markdown files become the
 * corpus (workspace setting `corpusLens.include`). An existing, different workspace value is only
 * replaced after the user confirms.
 */
export async function chooseCorpusFolder(): Promise<void> {
  const folders = vscode.workspace.workspaceFolders;
  if (!folders?.length) {
    void vscode.window.showInformationMessage('Corpus Lens: open a folder first; the corpus is read from the workspace.');
    return;
  }
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
  const config = vscode.workspace.getConfiguration('corpusLens');
  const current = config.inspect<string>('include')?.workspaceValue;
  if (current !== undefined && current !== glob) {
    const replace = 'Replace';
    const answer = await vscode.window.showWarningMessage(
      `The workspace setting corpusLens.include is "${current}". Replace it with "${glob}"?`,
      { modal: true },
      replace,
    );
    if (answer !== replace) return;
  }
  await config.update('include', glob, vscode.ConfigurationTarget.Workspace);
  void vscode.window.showInformationMessage(`Corpus Lens: reading "${glob}" (workspace setting corpusLens.include).`);
}
