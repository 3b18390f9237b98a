// The corpus index: the single source of truth for every view and for the CLI.
//
// It holds, per document, the text, the analysis and the mentions (see DocumentEntry; queries
// hand out IndexedMention objects made on demand) with their resolved entity ids, and, per entity,
// incrementally maintained aggregates (see EntityAggregates). Updating a document touches only
// that document's entries, plus the documents whose short names change meaning (see
// EntityResolver); those are re-resolved once, when the outermost batch ends or a query comes
// first, so a bulk load does not re-resolve a document each time a name flips. entities() is
// O(entities); the other queries cost what they return.
//
// Persistence: the index is not serialised. The cache stores each document's PackedAnalysis
// (keyed by content hash), and the index is rebuilt from (docId, text, analysis) triples with
// setPackedDocument, in batches.

import { foldKey } from '../text/nameForms';
import { DocumentAnalysis, EntityType, Span } from '../types';
import { DocumentEntry, KeyForm, createEntry, indexedMention, mentionIndices, resolvedKeys, snippet } from './documentEntry';
import { EntityAggregate, EntityAggregates, compareByCount, compareCodeUnits } from './entityAggregates';
import { EntityResolver, ResolvedKey } from './entityResolver';
import {
  CorpusChange,
  CorpusStats,
  Cooccurrence,
  Disposable,
  DocumentInfo,
  EntityQuery,
  EntityRecord,
  EntitySpan,
  IndexedMention,
  MentionSpan,
  Snippet,
} from './indexTypes';
import { StringPool, lastAtOrBefore } from './mentionTable';
import { PackedAnalysis, packAnalysis } from './packedAnalysis';

export type {
  CorpusChange,
  CorpusStats,
  Cooccurrence,
  Disposable,
  DocumentInfo,
  EntityQuery,
  EntityRecord,
  EntitySpan,
  IndexedMention,
  MentionSpan,
  Snippet,
} from './indexTypes';

const EMPTY: ReadonlySet<ResolvedKey> = new Set();

export class CorpusIndex {
  private readonly docs = new Map<string, DocumentEntry>();
  private readonly resolver = new EntityResolver();
  private readonly strings = new StringPool();
  private readonly aggregates = new EntityAggregates(this.strings);
  /** Per analyzer key: its one shared copy and its folded key's record, found with one lookup. */
  private readonly keyForms = new Map<string, KeyForm>();

  /** Documents whose mentions' entity ids changed meaning, awaiting settle(). */
  private readonly stale = new Set<string>();

  private readonly listeners = new Set<(e: CorpusChange) => void>();
  private batchDepth = 0;
  private readonly pending = new Set<string>();

  // ---- documents

  /** Adds or replaces a document. */
  setDocument(docId: string, text: string, analysis: DocumentAnalysis): void {
    this.setPackedDocument(docId, text, packAnalysis(analysis));
  }

  /** setDocument for an analysis already packed (by the worker, or read from the cache). */
  setPackedDocument(docId: string, text: string, analysis: PackedAnalysis): void {
    this.batch(() => {
      const old = this.docs.get(docId);
      if (old) this.unindex(old);
      const entry = createEntry(
        docId,
        text,
        analysis,
        analysis.keys.map(key => this.keyForm(key)),
        this.strings,
      );
      const changed = this.resolver.update(docId, old ? resolvedKeys(old) : EMPTY, resolvedKeys(entry));
      this.docs.set(docId, entry);
      this.index(entry);
      this.markStale(changed, docId);
      this.pending.add(docId);
    });
  }

  /** Removes a document; unknown ids are ignored. */
  removeDocument(docId: string): void {
    const entry = this.docs.get(docId);
    if (!entry) return;
    this.batch(() => {
      this.unindex(entry);
      this.stale.delete(docId);
      this.docs.delete(docId);
      this.markStale(this.resolver.update(docId, resolvedKeys(entry), EMPTY), docId);
      this.pending.add(docId);
    });
  }

  /** Moves a document to a new id, replacing any document already there; unknown ids are ignored. */
  renameDocument(oldId: string, newId: string): void {
    const entry = this.docs.get(oldId);
    if (!entry || oldId === newId) return;
    this.batch(() => {
      this.removeDocument(newId);
      this.unindex(entry);
      this.stale.delete(oldId);
      this.docs.delete(oldId);
      this.resolver.renameDocument(oldId, newId, resolvedKeys(entry));
      entry.id = newId;
      this.docs.set(newId, entry);
      this.index(entry);
      this.pending.add(oldId).add(newId);
    });
  }

  hasDocument(docId: string): boolean {
    return this.docs.has(docId);
  }

  /** Document ids in insertion order. */
  documentIds(): string[] {
    return [...this.docs.keys()];
  }

  document(docId: string): DocumentInfo | undefined {
    const entry = this.docs.get(docId);
    return (
      entry && {
        id: entry.id,
        date: entry.date,
        tokens: entry.tokens,
        mentionCount: entry.mentions.length,
      }
    );
  }

  /** The document's text as indexed (mention offsets index into it). */
  text(docId: string): string | undefined {
    return this.docs.get(docId)?.text;
  }

  /** The document's sentences in text order, as the analysis split them. */
  sentences(docId: string): Span[] {
    const entry = this.docs.get(docId);
    if (!entry) return [];
    return Array.from(entry.sentenceStarts, (start, i) => ({ start, end: entry.sentenceEnds[i] }));
  }

  // ---- entities

  entities(query: EntityQuery = {}): EntityRecord[] {
    this.settle();
    return this.aggregates.select(this.aggregates.values(), query);
  }

  entity(entityId: string): EntityRecord | undefined {
    this.settle();
    const aggregate = this.aggregates.get(entityId);
    return aggregate && this.aggregates.record(aggregate);
  }

  /** Entities mentioned in a document (corpus-wide counts), filtered and sorted like entities(). */
  entitiesIn(docId: string, query: EntityQuery = {}): EntityRecord[] {
    this.settle();
    const entry = this.docs.get(docId);
    if (!entry) return [];
    return this.aggregates.select(
      [...new Set(entry.entityIds)].map(id => this.aggregates.get(id)!),
      query,
    );
  }

  // ---- mentions

  /** All mentions of an entity, sorted by document id (code-unit order), then start. */
  mentionsOf(entityId: string): IndexedMention[] {
    this.settle();
    const aggregate = this.aggregates.get(entityId);
    if (!aggregate) return [];
    return [...this.documentsOf(aggregate)]
      .sort((a, b) => compareCodeUnits(a.id, b.id))
      .flatMap(entry => mentionIndices(entry, entityId).map(i => indexedMention(entry, i)));
  }

  /**
   * An entity's mention spans in each document that has one (ids in code-unit order, spans by
   * start): what statistics over one entity need, without mentionsOf's lines and objects.
   */
  spansOf(entityId: string): { docId: string; spans: MentionSpan[] }[] {
    return this.documentsMentioning(entityId).map(docId => ({ docId, spans: this.spansIn(docId, entityId) }));
  }

  /** The ids of the documents that mention the entity, in code-unit order. */
  documentsMentioning(entityId: string): string[] {
    this.settle();
    const aggregate = this.aggregates.get(entityId);
    return aggregate ? [...this.documentsOf(aggregate)].map(entry => entry.id).sort(compareCodeUnits) : [];
  }

  /** The entity's mention spans in one document, by start: spansOf one document at a time, for passes done in slices. */
  spansIn(docId: string, entityId: string): MentionSpan[] {
    this.settle();
    const entry = this.docs.get(docId);
    if (!entry) return [];
    const { starts, ends, values } = entry.mentions;
    return mentionIndices(entry, entityId).map(i => ({ start: starts[i], end: ends[i], value: values.get(i) ?? null }));
  }

  /** A document's mentions, sorted by start; only those starting in `range` when given. */
  mentionsIn(docId: string, range?: Span): readonly IndexedMention[] {
    this.settle();
    const entry = this.docs.get(docId);
    if (!entry) return [];
    const from = range ? entry.mentions.lastAtOrBefore(range.start - 1) + 1 : 0;
    const to = range ? entry.mentions.lastAtOrBefore(range.end - 1) + 1 : entry.mentions.length;
    return Array.from({ length: Math.max(0, to - from) }, (_, i) => indexedMention(entry, from + i));
  }

  /**
   * A document's mentions as spans with their entity ids, sorted by start: for statistics over
   * every document, which mentionsIn would make compute and keep every document's line starts.
   */
  entitySpans(docId: string): EntitySpan[] {
    this.settle();
    const entry = this.docs.get(docId);
    if (!entry) return [];
    const { starts, ends, keyOf, values } = entry.mentions;
    return Array.from(starts, (start, i) => ({ start, end: ends[i], value: values.get(i) ?? null, entityId: entry.entityIds[keyOf[i]] }));
  }

  /** How many of a document's mentions are of these types (without making them objects). */
  countMentions(docId: string, types: ReadonlySet<EntityType>): number {
    this.settle();
    const mentions = this.docs.get(docId)?.mentions;
    if (!mentions) return 0;
    let count = 0;
    for (let i = 0; i < mentions.length; i++) if (types.has(mentions.type(i))) count++;
    return count;
  }

  /**
   * The mention covering `offset`, its end included so that a cursor just after a name finds it;
   * where one mention ends and the next starts, the next one.
   */
  mentionAt(docId: string, offset: number): IndexedMention | undefined {
    this.settle();
    const entry = this.docs.get(docId);
    const i = entry ? entry.mentions.lastAtOrBefore(offset) : -1;
    return i >= 0 && offset <= entry!.mentions.ends[i] ? indexedMention(entry!, i) : undefined;
  }

  /** Up to `width` code units either side of [start, end), as single-line text. */
  context(docId: string, start: number, end: number, width: number): Snippet | undefined {
    const text = this.docs.get(docId)?.text;
    return text === undefined ? undefined : snippet(text, start, end, width);
  }

  /** Entities mentioned in the same sentences as `entityId`, most sentences first. */
  cooccurrences(entityId: string, limit: number, types?: readonly EntityType[]): Cooccurrence[] {
    this.settle();
    const aggregate = this.aggregates.get(entityId);
    if (!aggregate) return [];
    const counts = new Map<string, number>();
    for (const entry of this.documentsOf(aggregate)) {
      const { mentions, sentenceStarts, sentenceEnds } = entry;
      const hit = new Set<number>();
      for (const i of mentionIndices(entry, entityId)) {
        const index = lastAtOrBefore(sentenceStarts, mentions.starts[i]);
        if (index >= 0 && mentions.starts[i] < sentenceEnds[index]) hit.add(index);
      }
      for (const index of hit) {
        const others = new Set<string>();
        const first = mentions.lastAtOrBefore(sentenceStarts[index] - 1) + 1;
        for (let i = first; i < mentions.length && mentions.starts[i] < sentenceEnds[index]; i++) {
          const other = entry.entityIds[mentions.keyOf[i]];
          if (other !== entityId) others.add(other);
        }
        for (const other of others) counts.set(other, (counts.get(other) ?? 0) + 1);
      }
    }
    const wanted = types && new Set<string>(types);
    return [...counts]
      .map(([id, count]) => ({ aggregate: this.aggregates.get(id)!, count }))
      .filter(c => !wanted || wanted.has(c.aggregate.type))
      .map(c => ({ ...c, entity: this.aggregates.record(c.aggregate) }))
      .sort((a, b) => b.count - a.count || compareByCount(a.aggregate, b.aggregate))
      .slice(0, limit)
      .map(({ entity, count }) => ({ entity, count }));
  }

  stats(): CorpusStats {
    this.settle();
    return {
      documents: this.docs.size,
      tokens: this.aggregates.tokenCount,
      mentions: this.aggregates.mentionCount,
      entities: this.aggregates.size,
      byType: { ...this.aggregates.entitiesByType },
      mentionsByType: { ...this.aggregates.mentionsByType },
    };
  }

  // ---- change events

  onDidChange(listener: (e: CorpusChange) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /** Runs `fn`, firing one change event for all the updates it makes (batches nest). */
  batch<T>(fn: () => T): T {
    this.batchDepth++;
    try {
      return fn();
    } finally {
      if (this.batchDepth === 1) this.settle();
      if (--this.batchDepth === 0) this.flush();
    }
  }

  private flush(): void {
    if (this.pending.size === 0) return;
    const event = { documents: [...this.pending].sort(compareCodeUnits) };
    this.pending.clear();
    const errors: unknown[] = [];
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        errors.push(error); // one failing view must not starve the others
      }
    }
    if (errors.length > 0) throw errors[0];
  }

  // ---- maintenance

  /** Marks the documents holding `keys` (whose entity ids changed) for re-resolution. */
  private markStale(keys: Iterable<string>, except: string): void {
    for (const key of keys) {
      for (const docId of this.resolver.documentsWith(key)) {
        if (docId === except) continue;
        this.stale.add(docId);
        this.pending.add(docId);
      }
    }
  }

  /** Re-resolves stale documents; every query calls it first. */
  private settle(): void {
    for (const docId of this.stale) {
      const entry = this.docs.get(docId)!;
      this.unindex(entry);
      this.index(entry);
    }
    this.stale.clear();
  }

  /** Resolves the entry's mentions with the current entity ids and adds them to the aggregates. */
  private index(entry: DocumentEntry): void {
    this.stale.delete(entry.id);
    entry.entityIds = entry.forms.map(form => form.resolved.id);
    this.aggregates.tally(entry, 1);
  }

  private unindex(entry: DocumentEntry): void {
    this.aggregates.tally(entry, -1);
  }

  private keyForm(key: string): KeyForm {
    let form = this.keyForms.get(key);
    if (!form) this.keyForms.set(key, (form = { key, resolved: this.resolver.resolved(foldKey(key)) }));
    return form;
  }

  /** The documents that mention the aggregate's entity (call after settle). */
  private documentsOf(aggregate: EntityAggregate): ReadonlySet<DocumentEntry> {
    if (!aggregate.documents) {
      aggregate.documents = new Set();
      for (const entry of this.docs.values()) if (entry.entityIds.includes(aggregate.id)) aggregate.documents.add(entry);
    }
    return aggregate.documents;
  }
}
