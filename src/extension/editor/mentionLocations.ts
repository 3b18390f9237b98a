// Mentions of the index as editor ranges and locations, and the mention under a position.
// Shared by the decorations and the providers of this folder.

import * as vscode from 'vscode';
import type { IndexedMention } from '../../core/index/corpusIndex';
import type { Services } from '../services';

/** The open document with this index id (`uri.toString()`), if any. */
export function openDocument(docId: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find(doc => doc.uri.toString() === docId);
}

/**
 * A mention's range: from the open document's offsets when it is open, otherwise from the
 * index's line/character of its start and its text.
 */
export function mentionRange(mention: IndexedMention, doc = openDocument(mention.docId)): vscode.Range {
  if (doc) return new vscode.Range(doc.positionAt(mention.start), doc.positionAt(mention.end));
  const start = new vscode.Position(mention.line, mention.character);
  const lines = mention.text.split(/\r\n|\r|\n/);
  const last = lines[lines.length - 1];
  const end = lines.length === 1 ? start.translate(0, last.length) : new vscode.Position(mention.line + lines.length - 1, last.length);
  return new vscode.Range(start, end);
}

export function mentionLocation(mention: IndexedMention): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(mention.docId), mentionRange(mention));
}

/**
 * The mention at `position` in a corpus document (a cursor just after a name finds it), or
 * undefined. While the index still holds an older version of unsaved text, only mentions whose
 * text still stands at their offsets count, so nothing answers for text that moved.
 */
export function mentionAtPosition(services: Services, doc: vscode.TextDocument, position: vscode.Position): IndexedMention | undefined {
  if (!services.corpus.isCorpusDocument(doc)) return undefined;
  const mention = services.index.mentionAt(doc.uri.toString(), doc.offsetAt(position));
  if (!mention || !isLive(doc, mention)) return undefined;
  return mention;
}

/** Whether the document's text still holds the mention at its offsets. */
export function isLive(doc: vscode.TextDocument, mention: IndexedMention): boolean {
  return doc.getText(new vscode.Range(doc.positionAt(mention.start), doc.positionAt(mention.end))) === mention.text;
}

/**
 * Documents a selector should reach: the corpus glob in each workspace folder. Providers still
 * check `isCorpusDocument`, which also knows documents the index holds.
 */
export function corpusSelector(include: string): vscode.DocumentFilter[] {
  return (vscode.workspace.workspaceFolders ?? []).map(folder => ({ pattern: new vscode.RelativePattern(folder, include) }));
}
