// Restricted Mode and safe writes. In an untrusted workspace Corpus Lens reads the corpus (its
// decorations, views and hovers write nothing) but writes nothing into the workspace; in any
// workspace it never writes through a link inside it (a linked `.corpus-lens` would carry the
// write elsewhere).
import * as vscode from 'vscode';
import { firstLinkBelow } from '../core/node/linkPolicy';

export const RESTRICTED_MODE_MESSAGE =
  'Restricted Mode: corrections and exports into the workspace are off, and its corpus settings are ignored.';

export function isRestricted(): boolean {
  return !vscode.workspace.isTrusted;
}

/** Why `uri` must not be written, or undefined when it may. A target outside every workspace folder is the user's choice. */
export async function writeRefusal(uri: vscode.Uri): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return undefined;
  const where = vscode.workspace.asRelativePath(uri);
  if (isRestricted()) return `Restricted Mode: nothing is written into this workspace (${where}) until you trust it.`;
  if (uri.scheme !== 'file' || folder.uri.scheme !== 'file') return undefined;
  const link = await firstLinkBelow(folder.uri.fsPath, uri.fsPath);
  return link && `${vscode.workspace.asRelativePath(link)} is a symbolic link: ${where} is not written through it.`;
}

/** Whether `uri` may be written; when not, the user and the log are told why. */
export async function allowWrite(uri: vscode.Uri, log: vscode.LogOutputChannel): Promise<boolean> {
  const refusal = await writeRefusal(uri);
  if (!refusal) return true;
  log.warn(refusal);
  void vscode.window.showWarningMessage(`Corpus Lens: ${refusal}`);
  return false;
}
