import * as vscode from 'vscode';

/**
 * A document id as a path relative to its workspace folder (prefixed with the folder's name in a
 * multi-root workspace unless `includeWorkspaceFolder` is false); the id itself when it is no URI.
 */
export function relativePath(docId: string, includeWorkspaceFolder?: boolean): string {
  try {
    return vscode.workspace.asRelativePath(vscode.Uri.parse(docId, true), includeWorkspaceFolder);
  } catch {
    return docId;
  }
}
