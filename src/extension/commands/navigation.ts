// Moving between mentions: open one (tree rows, the Entity Explorer), step to the next or previous
// mention of the entity under the cursor (across files, in the index's order, wrapping around),
// and list all of an entity's mentions in the references peek.

import * as vscode from 'vscode';
import type { IndexedMention } from '../../core/index/corpusIndex';
import { mentionLocation } from '../editor/mentionLocations';
import type { Services } from '../services';
import { entityIdFor, mentionAtCursor } from './entityArgs';
import { COMMANDS } from './ids';

/**
 * Opens a corpus document and selects exactly [start, end) (UTF-16 offsets of its text, as the
 * index holds them).
 */
export async function openMention(
  docId: string,
  start: number,
  end: number,
  revealType = vscode.TextEditorRevealType.InCenter,
): Promise<vscode.TextEditor> {
  if (typeof docId !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
    throw new Error(`${COMMANDS.openMention}: expected (docId, start, end), got (${String(docId)}, ${String(start)}, ${String(end)})`);
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(docId));
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { preview: true, selection: range });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, revealType);
  return editor;
}

function revealMention(mention: IndexedMention): Promise<vscode.TextEditor> {
  return openMention(mention.docId, mention.start, mention.end, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

class MentionNavigation {
  constructor(private readonly services: Services) {}

  /** Selects the next (`step` 1) or previous (-1) mention of the entity under the cursor. */
  async go(step: 1 | -1): Promise<IndexedMention | undefined> {
    const here = mentionAtCursor(this.services);
    if (!here) {
      vscode.window.setStatusBarMessage('Corpus Lens: no entity under the cursor', 3000);
      return undefined;
    }
    const all = this.services.index.mentionsOf(here.entityId);
    const at = all.findIndex(m => m.docId === here.docId && m.start === here.start);
    const target = all[(at + step + all.length) % all.length];
    await revealMention(target);
    return target;
  }

  /**
   * Lists every mention of an entity in the references peek, anchored at the mention at `offset`
   * in `docId` (a hover link), else at the mention under the cursor, else at one in the active
   * document. Arguments come from command links too, so they are checked.
   */
  async showMentions(entityId: string | undefined, docId?: unknown, offset?: unknown): Promise<void> {
    const here = mentionAtCursor(this.services);
    const id = entityId ?? here?.entityId;
    const mentions = id ? this.services.index.mentionsOf(id) : [];
    if (mentions.length === 0) {
      vscode.window.setStatusBarMessage('Corpus Lens: no entity under the cursor', 3000);
      return;
    }
    const activeId = vscode.window.activeTextEditor?.document.uri.toString();
    const linked =
      typeof docId === 'string' && typeof offset === 'number'
        ? mentions.find(m => m.docId === docId && m.start <= offset && offset <= m.end)
        : undefined;
    const anchor = linked || (here?.entityId === id && here) || mentions.find(m => m.docId === activeId) || mentions[0];
    const editor = await revealMention(anchor);
    const locations = mentions.map(mentionLocation);
    await vscode.commands.executeCommand('editor.action.showReferences', editor.document.uri, editor.selection.start, locations);
  }
}

/** `selection` gives the Entities view's selected row, which the tree's own command falls back on. */
export function registerNavigation(services: Services, selection: () => unknown): void {
  const navigation = new MentionNavigation(services);
  services.context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.openMention, (docId: string, start: number, end: number) => openMention(docId, start, end)),
    vscode.commands.registerCommand(COMMANDS.nextMention, () => navigation.go(1)),
    vscode.commands.registerCommand(COMMANDS.previousMention, () => navigation.go(-1)),
    vscode.commands.registerCommand(COMMANDS.showMentions, (entityId?: unknown, docId?: unknown, offset?: unknown) =>
      navigation.showMentions(typeof entityId === 'string' ? entityId : undefined, docId, offset),
    ),
    vscode.commands.registerCommand(COMMANDS.showEntityMentions, (arg?: unknown) => {
      const entityId = entityIdFor(services, arg, selection());
      if (entityId) return navigation.showMentions(entityId);
      void vscode.window.showInformationMessage('Corpus Lens: select an entity in the Entities view or put the cursor on a name.');
      return undefined;
    }),
  );
}
