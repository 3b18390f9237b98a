import * as vscode from 'vscode';
import { decodeText } from '../../core/text/decodeText';

/** `missing`: there is no such file (any more), or it is a broken link. */
export type ReadResult = { text: string; warnings: string[] } | { skipped: string; missing?: boolean };

const MISSING: ReadResult = { skipped: 'not found: deleted while it was being read, or a broken link', missing: true };

/**
 * The text of a document open in an editor (unsaved edits included), as long as its file
 * exists: VS Code keeps a deleted file's editor open, but the document has left the corpus
 * (saving it brings the file, and the document, back).
 */
export async function openDocumentText(doc: vscode.TextDocument): Promise<ReadResult> {
  if (!(await exists(doc.uri))) return MISSING;
  return { text: doc.getText(), warnings: [] };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch (e) {
    if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'EntryNotFound')) return false;
    return true; // cannot tell: the editor's text is still the document
  }
}

/**
 * Reads a corpus file through workspace.fs (so virtual workspaces work) and decodes it; every
 * failure becomes a reason the user can read, never an exception.
 */
export async function readCorpusFile(uri: vscode.Uri, maxBytes: number): Promise<ReadResult> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return { skipped: 'a folder, not a file' };
    if (stat.size > maxBytes) {
      return { skipped: `too large: ${(stat.size / 1048576).toFixed(1)} MB (corpusLens.maxFileSizeMB is ${maxBytes / 1048576})` };
    }
    return decodeText(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    if (e instanceof vscode.FileSystemError) {
      if (e.code === 'FileNotFound' || e.code === 'EntryNotFound') return MISSING;
      if (e.code === 'NoPermissions') return { skipped: 'cannot be read: permission denied' };
    }
    return { skipped: `cannot be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
