// Commands that move between mentions of the entity under the cursor, across files (in the
// index's order: document id, then offset; wrapping around), and that list all of them.

import * as vscode from 'vscode';
import type { IndexedMention } from '../../core/index/corpusIndex';
import type { Services } from '../services';
import { SHOW_MENTIONS } from './hoverProvider';
import { cursorOf, mentionAtPosition, mentionLocation, mentionRange } from './mentionLocations';

export const NEXT_MENTION = 'corpusLens.nextMention';
export const PREVIOUS_MENTION = 'corpusLens.previousMention';

export class MentionNavigation {
  constructor(private readonly services: Services) {}

  /** The mention under the active editor's cursor (or selection start), if any. */
  current(): IndexedMention | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor && mentionAtPosition(this.services, editor.document, cursorOf(editor));
  }

  /** Selects the next (`step` 1) or previous (-1) mention of the entity under the cursor. */
  async go(step: 1 | -1): Promise<IndexedMention | undefined> {
    const here = this.current();
    if (!here) {
      vscode.window.setStatusBarMessage('Corpus Lens: no entity under the cursor', 3000);
      return undefined;
    }
    const all = this.services.index.mentionsOf(here.entityId);
    const at = all.findIndex(m => m.docId === here.docId && m.start === here.start);
    const target = all[(at + step + all.length) % all.length];
    await reveal(target);
    return target;
  }

  /**
   * Lists every mention of an entity in the references peek, anchored at the given mention
   * (from a hover link), else at the mention under the cursor. Arguments come from command
   * links too, so they are checked.
   */
  async showMentions(entityId?: unknown, docId?: unknown, offset?: unknown): Promise<void> {
    const here = this.current();
    const id = typeof entityId === 'string' ? entityId : here?.entityId;
    const mentions = id ? this.services.index.mentionsOf(id) : [];
    if (mentions.length === 0) {
      vscode.window.setStatusBarMessage('Corpus Lens: no entity under the cursor', 3000);
      return;
    }
    const activeId = vscode.window.activeTextEditor?.document.uri.toString();
    const anchor =
      (typeof docId === 'string' && typeof offset === 'number' && mentions.find(m => m.docId === docId && m.start <= offset && offset <= m.end)) ||
      (here?.entityId === id && here) ||
      mentions.find(m => m.docId === activeId) ||
      mentions[0];
    const editor = await reveal(anchor);
    await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.start, mentions.map(mentionLocation));
  }
}

/** Shows a mention's document (in the active editor when it is that document) and selects the mention. */
async function reveal(mention: IndexedMention): Promise<vscode.TextEditor> {
  const active = vscode.window.activeTextEditor;
  if (active && active.document.uri.toString() === mention.docId) {
    const range = mentionRange(mention, active.document);
    active.selection = new vscode.Selection(range.start, range.end);
    active.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return active;
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(mention.docId));
  const range = mentionRange(mention, doc);
  const editor = await vscode.window.showTextDocument(doc, { selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerMentionNavigation(services: Services): MentionNavigation {
  const navigation = new MentionNavigation(services);
  services.context.subscriptions.push(
    vscode.commands.registerCommand(NEXT_MENTION, () => navigation.go(1)),
    vscode.commands.registerCommand(PREVIOUS_MENTION, () => navigation.go(-1)),
    vscode.commands.registerCommand(SHOW_MENTIONS, (entityId?: unknown, docId?: unknown, offset?: unknown) => navigation.showMentions(entityId, docId, offset)),
  );
  return navigation;
}
