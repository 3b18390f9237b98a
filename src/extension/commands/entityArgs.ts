// The one way a command argument becomes an entity: an id (panel, hover link, tests), a tree row
// carrying one, or else the mention under the editor's cursor, checked against the live text.

import * as vscode from 'vscode';
import type { IndexedMention } from '../../core/index/corpusIndex';
import { mentionAtPosition } from '../editor/mentionLocations';
import type { Services } from '../services';

/** The entity id an argument names: an id, or a tree row (entity or mention) carrying one. */
export function entityIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const row = arg as { entityId?: unknown; mention?: { entityId?: unknown } };
  if (typeof row.entityId === 'string') return row.entityId;
  if (typeof row.mention?.entityId === 'string') return row.mention.entityId;
  return undefined;
}

/** The mention under the active editor's cursor (or selection start) while its text still stands there. */
export function mentionAtCursor(services: Services): IndexedMention | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  // A command acts on the start of a selection.
  const position = editor.selection.isEmpty ? editor.selection.active : editor.selection.start;
  return mentionAtPosition(services, editor.document, position);
}

/** The first entity id the candidates name (e.g. the argument, then the tree's selection), else the one under the cursor. */
export function entityIdFor(services: Services, ...candidates: unknown[]): string | undefined {
  for (const candidate of candidates) {
    const id = entityIdOf(candidate);
    if (id !== undefined) return id;
  }
  return mentionAtCursor(services)?.entityId;
}
