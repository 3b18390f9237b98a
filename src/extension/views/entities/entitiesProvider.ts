// The Entities view's rows: Type → Entity → Mention (or Document → Type → Entity → Mention), read
// from the corpus index on demand. The provider keeps UI state only (filter, hidden types, grouping
// and sort); every index change refreshes from the root, and stable row ids keep expansion and
// selection across refreshes.
import * as vscode from 'vscode';
import type { CorpusIndex, EntityQuery, EntityRecord } from '../../../core/index/corpusIndex';
import { ENTITY_TYPES, EntityType } from '../../../core/types';
import type { CorpusService } from '../../corpus/corpusService';
import { relativePath } from '../../paths';
import type { SettingsStore, TreeSettings } from '../../settings';
import { treeItem } from './items';
import {
  DocumentNode,
  EntityNode,
  MentionNode,
  TreeNode,
  TypeNode,
  documentNode,
  entityNode,
  mentionNode,
  skippedFileNode,
  skippedNode,
  typeNode,
} from './nodes';

/** The types a list hides until the user shows them: those outside corpusLens.listTypes. */
function defaultHidden(listTypes: ReadonlySet<EntityType>): ReadonlySet<EntityType> {
  return new Set(ENTITY_TYPES.filter(t => !listTypes.has(t)));
}

function sameTypes(a: ReadonlySet<EntityType>, b: ReadonlySet<EntityType>): boolean {
  return a.size === b.size && [...a].every(t => b.has(t));
}

function byRelativePath(a: string, b: string): number {
  const x = relativePath(a);
  const y = relativePath(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Type rows (in ENTITY_TYPES order) for the entities given, each with its number of entities. */
function typeRows(entities: readonly EntityRecord[], filter: string, parent?: DocumentNode): TypeNode[] {
  const counts = new Map<EntityType, number>();
  for (const e of entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return ENTITY_TYPES.filter(t => counts.has(t)).map(t => typeNode(t, counts.get(t)!, filter, parent));
}

export class EntitiesProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  /** Fires when the filter, the hidden types or the tree settings change (not on index changes). */
  readonly onDidChangeState = this.stateEmitter.event;
  private filterText = '';
  private defaults: ReadonlySet<EntityType>;
  private hidden: ReadonlySet<EntityType>;
  private current: Readonly<TreeSettings>;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly index: CorpusIndex,
    private readonly corpus: CorpusService,
    settings: SettingsStore,
  ) {
    this.current = settings.value.tree;
    this.hidden = this.defaults = defaultHidden(settings.value.listTypes);
    this.subscription = settings.onDidChange(({ tree, listTypes }) => {
      const defaults = defaultHidden(listTypes);
      if (!sameTypes(defaults, this.defaults)) {
        // Types the user chose stay chosen; the defaults follow the setting.
        if (!this.typesChosen) this.hidden = defaults;
        this.defaults = defaults;
        this.stateChanged();
      }
      const { groupBy, sortBy, followCursor } = this.current;
      if (tree.groupBy === groupBy && tree.sortBy === sortBy && tree.followCursor === followCursor) return;
      this.current = tree;
      this.stateChanged();
    });
  }

  // ---- UI state

  get filter(): string {
    return this.filterText;
  }

  get hiddenTypes(): ReadonlySet<EntityType> {
    return this.hidden;
  }

  get settings(): Readonly<TreeSettings> {
    return this.current;
  }

  /** Whether the hidden types are the user's choice rather than corpusLens.listTypes' default. */
  get typesChosen(): boolean {
    return !sameTypes(this.hidden, this.defaults);
  }

  get isFiltered(): boolean {
    return this.filterText !== '' || this.typesChosen;
  }

  setFilter(text: string): void {
    const value = text.trim();
    if (value === this.filterText) return;
    this.filterText = value;
    this.stateChanged();
  }

  setHiddenTypes(types: Iterable<EntityType>): void {
    this.hidden = new Set(types);
    this.stateChanged();
  }

  /** Back to no filter text and the default types. */
  clearFilter(): void {
    if (!this.isFiltered) return;
    this.filterText = '';
    this.hidden = this.defaults;
    this.stateChanged();
  }

  showType(type: EntityType): void {
    if (this.hidden.has(type)) this.setHiddenTypes([...this.hidden].filter(t => t !== type));
  }

  /** Re-reads everything from the root (ids keep the rows' expansion and selection). */
  refresh(): void {
    this.emitter.fire(undefined);
  }

  private stateChanged(): void {
    this.stateEmitter.fire();
    this.refresh();
  }

  /** The index query for the current filter. */
  query(types?: readonly EntityType[]): EntityQuery {
    const visible = (types ?? ENTITY_TYPES).filter(t => !this.hidden.has(t));
    return {
      prefix: this.filterText || undefined,
      types: types || this.hidden.size ? visible : undefined,
      sort: this.current.sortBy,
    };
  }

  /** Whether the entity passes the filter and its type is shown. */
  shows(entity: EntityRecord): boolean {
    if (this.hidden.has(entity.type)) return false;
    return !this.filterText || this.index.entities({ prefix: this.filterText, types: [entity.type] }).some(e => e.id === entity.id);
  }

  /** Number of entities the filter lets through. */
  visibleEntityCount(): number {
    return this.filterText || this.hidden.size ? this.index.entities(this.query()).length : this.index.stats().entities;
  }

  // ---- TreeDataProvider

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'skipped':
        return [...this.corpus.skipped]
          .sort(([a], [b]) => byRelativePath(a, b))
          .map(([docId, reason]) => skippedFileNode(node, docId, reason));
      case 'document':
        return this.typesIn(node);
      case 'type':
        return this.entitiesOf(node);
      case 'entity':
        return this.mentionsOf(node);
      default:
        return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const item = treeItem(node, { index: this.index, skippedCount: this.corpus.skipped.size, filter: this.filterText });
    item.id = node.id;
    return item;
  }

  private roots(): TreeNode[] {
    const rows: TreeNode[] = [];
    if (this.corpus.skipped.size > 0) rows.push(skippedNode());
    if (this.current.groupBy === 'document') {
      const query = this.query();
      for (const docId of this.index.documentIds().sort(byRelativePath)) {
        const count = this.index.entitiesIn(docId, query).length;
        if (count > 0) rows.push(documentNode(docId, count, this.filterText));
      }
      return rows;
    }
    return rows.concat(typeRows(this.index.entities(this.query()), this.filterText));
  }

  private typesIn(doc: DocumentNode): TypeNode[] {
    return typeRows(this.index.entitiesIn(doc.docId, this.query()), this.filterText, doc);
  }

  private entitiesOf(parent: TypeNode): EntityNode[] {
    if (parent.docId === undefined) {
      return this.index.entities(this.query([parent.type])).map(e => entityNode(e.id, e.mentionCount, parent));
    }
    const counts = this.countsIn(parent.docId);
    const records = this.index.entitiesIn(parent.docId, { ...this.query([parent.type]), sort: 'name' });
    // Sorting is stable: ties stay in name order.
    if (this.current.sortBy === 'count') records.sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0));
    return records.map(e => entityNode(e.id, counts.get(e.id) ?? 0, parent));
  }

  private mentionsOf(parent: EntityNode): MentionNode[] {
    const ordinals = new Map<string, number>();
    const rows: MentionNode[] = [];
    for (const mention of this.index.mentionsOf(parent.entityId)) {
      if (parent.docId !== undefined && mention.docId !== parent.docId) continue;
      const ordinal = ordinals.get(mention.docId) ?? 0;
      ordinals.set(mention.docId, ordinal + 1);
      rows.push(mentionNode(mention, ordinal, parent));
    }
    return rows;
  }

  /** Entity id → its mentions in the document. */
  private countsIn(docId: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const m of this.index.mentionsIn(docId)) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    return counts;
  }

  /**
   * The entity's row, as getChildren would build it (for TreeView.reveal); in the document
   * grouping, under `preferDoc` when the entity is mentioned there, else its first document.
   * Undefined when the entity is unknown or filtered out.
   */
  entityRow(entityId: string, preferDoc?: string): EntityNode | undefined {
    const record = this.index.entity(entityId);
    if (!record || !this.shows(record)) return undefined;
    const type = record.type;
    if (this.current.groupBy === 'type') {
      const parent = typeNode(type, this.index.entities(this.query([type])).length, this.filterText);
      return entityNode(entityId, record.mentionCount, parent);
    }
    const docId =
      preferDoc !== undefined && this.index.mentionsIn(preferDoc).some(m => m.entityId === entityId)
        ? preferDoc
        : this.index.mentionsOf(entityId)[0]?.docId;
    if (docId === undefined) return undefined;
    const doc = documentNode(docId, this.index.entitiesIn(docId, this.query()).length, this.filterText);
    const parent = typeNode(type, this.index.entitiesIn(docId, this.query([type])).length, this.filterText, doc);
    return entityNode(entityId, this.countsIn(docId).get(entityId) ?? 0, parent);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
    this.stateEmitter.dispose();
  }
}
