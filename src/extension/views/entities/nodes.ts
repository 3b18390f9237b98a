// The Entities tree's elements: small, transient descriptions of a row, built from the index each
// time the tree asks for children. They hold what a row needs to draw itself and to find its
// parent (TreeView.reveal), never a copy of the corpus.
import type { IndexedMention, Snippet } from '../../../core/index/corpusIndex';
import type { EntityType } from '../../../core/types';

export interface SkippedNode {
  kind: 'skipped';
  id: string;
}

export interface SkippedFileNode {
  kind: 'skippedFile';
  id: string;
  docId: string;
  reason: string;
  parent: SkippedNode;
}

export interface DocumentNode {
  kind: 'document';
  id: string;
  docId: string;
  /** Entities shown under it (after the filter). */
  count: number;
}

export interface TypeNode {
  kind: 'type';
  id: string;
  type: EntityType;
  /** Set when grouping by document. */
  docId?: string;
  parent?: DocumentNode;
  /** Entities shown under it (after the filter). */
  count: number;
}

export interface EntityNode {
  kind: 'entity';
  id: string;
  entityId: string;
  /** Set when grouping by document: the row lists this document's mentions only. */
  docId?: string;
  parent: TypeNode;
  /** Mentions listed under it. */
  count: number;
}

export interface MentionNode {
  kind: 'mention';
  id: string;
  mention: IndexedMention;
  parent: EntityNode;
}

export type TreeNode = SkippedNode | SkippedFileNode | DocumentNode | TypeNode | EntityNode | MentionNode;

/** Ids are built from the path of identities to the row, so expansion and selection survive refreshes. */
function rowId(...parts: string[]): string {
  return JSON.stringify(parts);
}

export function skippedNode(): SkippedNode {
  return { kind: 'skipped', id: rowId('skipped') };
}

export function skippedFileNode(parent: SkippedNode, docId: string, reason: string): SkippedFileNode {
  return { kind: 'skippedFile', id: rowId('skipped', docId), docId, reason, parent };
}

/**
 * Group rows (documents, types) under a text filter get ids of their own, so that VS Code shows
 * them expanded as their items ask, whatever their state was before; clearing the filter brings
 * the former ids, and their expansion, back.
 */
function groupId(filter: string, ...parts: string[]): string {
  return filter ? rowId(...parts, 'filter', filter) : rowId(...parts);
}

export function documentNode(docId: string, count: number, filter: string): DocumentNode {
  return { kind: 'document', id: groupId(filter, 'doc', docId), docId, count };
}

export function typeNode(type: EntityType, count: number, filter: string, parent?: DocumentNode): TypeNode {
  return parent
    ? { kind: 'type', id: groupId(filter, 'doc', parent.docId, 'type', type), type, docId: parent.docId, parent, count }
    : { kind: 'type', id: groupId(filter, 'type', type), type, count };
}

export function entityNode(entityId: string, count: number, parent: TypeNode): EntityNode {
  return parent.docId !== undefined
    ? { kind: 'entity', id: rowId('doc', parent.docId, 'entity', entityId), entityId, docId: parent.docId, parent, count }
    : { kind: 'entity', id: rowId('entity', entityId), entityId, parent, count };
}

/**
 * A mention's row id is its rank among the entity's mentions in its document, not its offsets,
 * so that edits elsewhere in the text do not change it.
 */
export function mentionNode(mention: IndexedMention, ordinal: number, parent: EntityNode): MentionNode {
  return { kind: 'mention', id: rowId(...JSON.parse(parent.id), 'mention', mention.docId, String(ordinal)), mention, parent };
}

/** The widths of a mention's snippet, in UTF-16 code units (the tooltip shows it all). */
export const SNIPPET_CONTEXT = 32;
/**
 * A row's label keeps at most this much of the left context, and less for a long mention, so
 * that the mention ends within LABEL_MENTION_END code units of the snippet's start: the side bar
 * cuts labels at its width, and the mention must stay in view.
 */
const LABEL_LEFT_CONTEXT = 16;
const LABEL_MENTION_END = 32;
const MAX_MENTION_TEXT = 60;

/**
 * A mention row's label, e.g. `L12  …the Moscow-Kyiv war right around…`, and the range of the
 * mention in it (for TreeItemLabel.highlights). Where the snippet was cut (`cutLeft`, `cutRight`:
 * there is more text beyond it), the partial word at that end is dropped and an ellipsis shows the cut.
 */
export function mentionLabel(
  line: number,
  snippet: Snippet,
  cutLeft: boolean,
  cutRight: boolean,
): { label: string; highlight: [number, number] } {
  const head = `L${line + 1}  `;
  let left = snippet.left.trimStart();
  let right = snippet.right.trimEnd();
  let text = snippet.text;
  if (text.length > MAX_MENTION_TEXT) text = `${text.slice(0, MAX_MENTION_TEXT - 1)}…`;
  const leftWidth = Math.max(0, Math.min(LABEL_LEFT_CONTEXT, LABEL_MENTION_END - text.length));
  if (left.length > leftWidth) {
    left = leftWidth ? left.slice(-leftWidth) : '';
    cutLeft = true;
  }
  if (cutLeft) left = left.replace(/^\S*\s+|^\S+$/u, '');
  if (cutRight) right = right.replace(/\s+\S*$|^\S+$/u, '');
  const before = `${head}${cutLeft ? '…' : ''}${left}`;
  return {
    label: `${before}${text}${right}${cutRight ? '…' : ''}`,
    highlight: [before.length, before.length + text.length],
  };
}
