// The corpus index: the single source of truth for every view and for the CLI.
//
// It holds, per document, the text, the analysis and the mentions (packed into columns, see
// MentionTable; queries hand out IndexedMention objects made on demand) with their resolved
// entity ids, and, per entity, incrementally maintained aggregates. Updating a document
// touches only that document's entries, plus the documents whose short names change meaning
// (see EntityResolver); those are re-resolved once, when the outermost batch ends or a query
// comes first, so a bulk load does not re-resolve a document each time a name flips.
// entities() is O(entities); the other queries cost what they return.
//
// Persistence: the index is not serialised. The cache stores each document's PackedAnalysis
// (keyed by content hash), and the index is rebuilt from (docId, text, analysis) triples with
// setPackedDocument, in batches.

import { EntityResolver, ResolvedKey } from './entityResolver';
import { foldKey } from '../text/nameForms';
import { MentionTable, StringPool, lastAtOrBefore } from './mentionTable';
import { PackedAnalysis, packAnalysis } from './packedAnalysis';
import { lineStarts, positionAt } from '../text/textLines';
import { DocumentAnalysis, ENTITY_TYPES, EntityType, Mention, Span } from '../types';

export interface IndexedMention extends Mention {
  docId: string;
  /** The corpus-wide entity id (the analyzer's key, folded and resolved across documents). */
  entityId: string;
  /** 0-based line of `start`. */
  line: number;
  /** 0-based UTF-16 column of `start`. */
  character: number;
}

export interface EntityRecord {
  id: string;
  type: EntityType;
  /** The analyzer's most frequent name for it (ties: the longest). */
  name: string;
  /** Other surface forms, most frequent first, possessives dropped, case-insensitively distinct. */
  aliases: string[];
  mentionCount: number;
  documentCount: number;
}

export interface DocumentInfo {
  id: string;
  date: string | null;
  tokens: number;
  mentionCount: number;
}

export interface EntityQuery {
  types?: readonly EntityType[];
  /** Case-insensitive prefix of the name, an alias, or any word in them. */
  prefix?: string;
  /** `count` (default): most mentions first; `name`: alphabetical. */
  sort?: 'count' | 'name';
  limit?: number;
}

export interface Cooccurrence {
  entity: EntityRecord;
  /** Number of sentences in which both entities are mentioned. */
  count: number;
}

/** Single-line snippets around a span, whitespace runs folded to one space. */
export interface Snippet {
  left: string;
  text: string;
  right: string;
}

export interface CorpusStats {
  documents: number;
  tokens: number;
  mentions: number;
  entities: number;
  /** Entities per type. */
  byType: Record<EntityType, number>;
  mentionsByType: Record<EntityType, number>;
}

export interface CorpusChange {
  /** Ids of documents added, updated, removed or renamed (old and new id), or whose mentions were re-resolved; sorted. */
  documents: string[];
}

export interface Disposable {
  dispose(): void;
}

interface DocumentEntry {
  id: string;
  text: string;
  date: string | null;
  tokens: number;
  sentenceStarts: Int32Array;
  sentenceEnds: Int32Array;
  /** Made when a mention's line is first asked for: most documents' never are in a session. */
  lineStarts?: Int32Array;
  /** Sorted by start. */
  mentions: MentionTable;
  /** Per key of `mentions` (keyOf): its form, and the entity id it resolved to when last indexed. */
  forms: KeyForm[];
  entityIds: string[];
}

interface EntityAggregate {
  id: string;
  type: EntityType;
  mentionCount: number;
  documentCount: number;
  /**
   * The documents that mention it, made when first asked for (see documentsOf) and kept up to
   * date from then on: a set per entity, filled while a corpus loads, was a tenth of a warm reopen.
   */
  documents?: Set<DocumentEntry>;
  /** The analyzer's names of mentions whose own key is this entity (not mapped short names), by string id (see StringPool). */
  names: Map<number, number>;
  surfaces: Map<number, number>;
  /** The last tally() that counted this entity's document (see there). */
  stamp?: number;
  /** Cached view and its name's sort key (lower case, accents dropped), dropped on every change. */
  record?: EntityRecord;
  sortKey?: string;
}

/** An analyzer key as the index knows it, one per distinct key, shared by the documents that hold it. */
interface KeyForm {
  key: string;
  /** Its folded key's record in the resolver (see foldKey). */
  resolved: ResolvedKey;
  /** The aggregate last found for it (see aggregateFor): a loading document seldom looks one up. */
  aggregate?: EntityAggregate;
}

const EMPTY: ReadonlySet<ResolvedKey> = new Set();

export class CorpusIndex {
  private readonly docs = new Map<string, DocumentEntry>();
  private readonly aggregates = new Map<string, EntityAggregate>();
  private readonly resolver = new EntityResolver();
  private readonly strings = new StringPool();
  /** Per analyzer key: its one shared copy and its folded key's record, found with one lookup. */
  private readonly keyForms = new Map<string, KeyForm>();
  private tokenCount = 0;
  private tallies = 0;
  private mentionCount = 0;
  private readonly entitiesByType = zeroByType();
  private readonly mentionsByType = zeroByType();

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
      const entry = this.createEntry(docId, text, analysis);
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
    return entry && {
      id: entry.id,
      date: entry.date,
      tokens: entry.tokens,
      mentionCount: entry.mentions.length,
    };
  }

  /** The document's text as indexed (mention offsets index into it). */
  text(docId: string): string | undefined {
    return this.docs.get(docId)?.text;
  }

  // ---- entities

  entities(query: EntityQuery = {}): EntityRecord[] {
    this.settle();
    return this.select(this.aggregates.values(), query);
  }

  entity(entityId: string): EntityRecord | undefined {
    this.settle();
    const aggregate = this.aggregates.get(entityId);
    return aggregate && this.record(aggregate);
  }

  /** Entities mentioned in a document (corpus-wide counts), filtered and sorted like entities(). */
  entitiesIn(docId: string, query: EntityQuery = {}): EntityRecord[] {
    this.settle();
    const entry = this.docs.get(docId);
    if (!entry) return [];
    return this.select([...new Set(entry.entityIds)].map(id => this.aggregates.get(id)!), query);
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

  /** A document's mentions, sorted by start; only those starting in `range` when given. */
  mentionsIn(docId: string, range?: Span): readonly IndexedMention[] {
    this.settle();
    const entry = this.docs.get(docId);
    if (!entry) return [];
    const from = range ? entry.mentions.lastAtOrBefore(range.start - 1) + 1 : 0;
    const to = range ? entry.mentions.lastAtOrBefore(range.end - 1) + 1 : entry.mentions.length;
    return Array.from({ length: Math.max(0, to - from) }, (_, i) => indexedMention(entry, from + i));
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
    if (text === undefined) return undefined;
    let from = Math.max(0, start - width);
    let to = Math.min(text.length, end + width);
    if (from < start && isLowSurrogate(text.charCodeAt(from))) from++; // never cut a surrogate pair
    if (to > end && isLowSurrogate(text.charCodeAt(to))) to--;
    return {
      left: oneLine(text.slice(from, start)),
      text: oneLine(text.slice(start, end)),
      right: oneLine(text.slice(end, to)),
    };
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
        for (let i = mentions.lastAtOrBefore(sentenceStarts[index] - 1) + 1; i < mentions.length && mentions.starts[i] < sentenceEnds[index]; i++) {
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
      .map(c => ({ ...c, entity: this.record(c.aggregate) }))
      .sort((a, b) => b.count - a.count || compareByCount(a.aggregate, b.aggregate))
      .slice(0, limit)
      .map(({ entity, count }) => ({ entity, count }));
  }

  stats(): CorpusStats {
    this.settle();
    return {
      documents: this.docs.size,
      tokens: this.tokenCount,
      mentions: this.mentionCount,
      entities: this.aggregates.size,
      byType: { ...this.entitiesByType },
      mentionsByType: { ...this.mentionsByType },
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
    this.tally(entry, 1);
  }

  private unindex(entry: DocumentEntry): void {
    this.tally(entry, -1);
  }

  /**
   * Adds (sign 1) or removes (-1) the entry's mentions to or from the aggregates and totals.
   * Counts are gathered per document first (by key and string index), so each aggregate's maps
   * are touched once per distinct name and surface, not once per mention.
   */
  private tally(entry: DocumentEntry, sign: 1 | -1): void {
    const { mentions, forms, entityIds } = entry;
    const keyCount = forms.length;
    const aggregates: EntityAggregate[] = new Array(keyCount);
    const perKey = new Int32Array(keyCount);
    const perType = new Int32Array(ENTITY_TYPES.length);
    // (string, key) pairs as numbers: names of the mentions whose key is its own entity, surfaces of all.
    const names = new Float64Array(mentions.length);
    const surfaces = new Float64Array(mentions.length);
    let nameCount = 0;
    for (let i = 0; i < mentions.length; i++) {
      const key = mentions.keyOf[i];
      perType[mentions.types[i]]++;
      if (perKey[key]++ === 0) aggregates[key] = this.aggregateFor(forms[key], entityIds[key], mentions.type(i));
      if (forms[key].resolved.key === entityIds[key]) names[nameCount++] = mentions.nameOf[i] * keyCount + key;
      surfaces[i] = mentions.surfaceOf[i] * keyCount + key;
    }
    for (let type = 0; type < perType.length; type++) this.mentionsByType[ENTITY_TYPES[type]] += sign * perType[type];
    const stamp = ++this.tallies; // several keys may resolve to one entity (a surname and the full name)
    for (let key = 0; key < keyCount; key++) {
      if (!perKey[key]) continue;
      const aggregate = aggregates[key];
      aggregate.mentionCount += sign * perKey[key];
      if (aggregate.stamp === stamp) continue;
      aggregate.stamp = stamp;
      aggregate.record = undefined;
      aggregate.documentCount += sign;
      if (sign > 0) aggregate.documents?.add(entry);
      else aggregate.documents?.delete(entry);
    }
    // Counted by sorting the pairs: each aggregate's maps are touched once per distinct pair.
    const bumpPairs = (pairs: Float64Array, field: 'names' | 'surfaces') => {
      pairs.sort();
      for (let at = 0, end = 0; at < pairs.length; at = end) {
        while (end < pairs.length && pairs[end] === pairs[at]) end++;
        bump(aggregates[pairs[at] % keyCount][field], Math.floor(pairs[at] / keyCount), sign * (end - at));
      }
    };
    bumpPairs(names.subarray(0, nameCount), 'names');
    bumpPairs(surfaces, 'surfaces');
    for (let key = 0; key < keyCount; key++) {
      const aggregate = aggregates[key];
      if (aggregate?.mentionCount === 0 && this.aggregates.delete(aggregate.id)) this.entitiesByType[aggregate.type]--;
    }
    this.tokenCount += sign * entry.tokens;
    this.mentionCount += sign * mentions.length;
  }

  /** The aggregate of entity `id` (made if new), as counted for `form`. */
  private aggregateFor(form: KeyForm, id: string, type: EntityType): EntityAggregate {
    // Remembered on the form; right if it has that id and is still counted (one whose count
    // fell to zero left the map, and no one counts it again).
    const known = form.aggregate;
    if (known && known.id === id && known.mentionCount > 0) return known;
    let aggregate = this.aggregates.get(id);
    if (!aggregate) {
      aggregate = { id, type, mentionCount: 0, documentCount: 0, names: new Map(), surfaces: new Map() };
      this.aggregates.set(id, aggregate);
      this.entitiesByType[type]++;
    }
    return (form.aggregate = aggregate);
  }

  private createEntry(id: string, text: string, analysis: PackedAnalysis): DocumentEntry {
    const forms = analysis.keys.map(key => this.keyForm(key));
    const mentions = new MentionTable(analysis, this.strings);
    const { sentences } = analysis;
    const count = sentences.length / 2;
    const sentenceStarts = new Int32Array(count);
    const sentenceEnds = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      sentenceStarts[i] = sentences[2 * i];
      sentenceEnds[i] = sentences[2 * i + 1];
    }
    return {
      id,
      text,
      date: analysis.date,
      tokens: analysis.tokens,
      sentenceStarts,
      sentenceEnds,
      mentions,
      forms,
      entityIds: [],
    };
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

  private record(aggregate: EntityAggregate): EntityRecord {
    if (!aggregate.record) {
      const surfaces = this.byString(aggregate.surfaces);
      const name = mostFrequent(aggregate.names.size > 0 ? this.byString(aggregate.names) : surfaces);
      aggregate.record = {
        id: aggregate.id,
        type: aggregate.type,
        name,
        aliases: aliases(surfaces, name),
        mentionCount: aggregate.mentionCount,
        documentCount: aggregate.documentCount,
      };
      aggregate.sortKey = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    }
    return aggregate.record;
  }

  private byString(counts: Map<number, number>): Map<string, number> {
    return new Map([...counts].map(([id, count]) => [this.strings.string(id), count]));
  }

  private select(aggregates: Iterable<EntityAggregate>, query: EntityQuery): EntityRecord[] {
    const types = query.types && new Set<string>(query.types);
    const prefix = query.prefix?.trim().toLowerCase();
    const selected: EntityAggregate[] = [];
    for (const aggregate of aggregates) {
      if (types && !types.has(aggregate.type)) continue;
      const record = this.record(aggregate);
      if (prefix && !matchesPrefix(record, prefix)) continue;
      selected.push(aggregate);
    }
    selected.sort(query.sort === 'name' ? compareByName : compareByCount);
    return selected.slice(0, query.limit).map(aggregate => aggregate.record!);
  }
}

/** The resolver's records of the entry's keys (folded, several keys may share one). */
function resolvedKeys(entry: DocumentEntry): Set<ResolvedKey> {
  return new Set(entry.forms.map(form => form.resolved));
}

/** Mention `i` of the entry as an object. */
function indexedMention(entry: DocumentEntry, i: number): IndexedMention {
  const { mentions, text } = entry;
  const start = mentions.starts[i];
  const end = mentions.ends[i];
  entry.lineStarts ??= Int32Array.from(lineStarts(text));
  const { line, character } = positionAt(entry.lineStarts, start);
  return {
    start,
    end,
    text: text.slice(start, end),
    type: mentions.type(i),
    entityKey: entry.forms[mentions.keyOf[i]].key,
    name: mentions.name(i),
    value: mentions.values.get(i) ?? null,
    docId: entry.id,
    entityId: entry.entityIds[mentions.keyOf[i]],
    line,
    character,
  };
}

/** Indices of the entry's mentions of `entityId`, in order. */
function mentionIndices(entry: DocumentEntry, entityId: string): number[] {
  const out: number[] = [];
  const { keyOf } = entry.mentions;
  for (let i = 0; i < keyOf.length; i++) if (entry.entityIds[keyOf[i]] === entityId) out.push(i);
  return out;
}

function zeroByType(): Record<EntityType, number> {
  return Object.fromEntries(ENTITY_TYPES.map(type => [type, 0])) as Record<EntityType, number>;
}

function bump<K>(counts: Map<K, number>, key: K, delta: number): void {
  const count = (counts.get(key) ?? 0) + delta;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}

/** Most frequent key; ties go to the longest, then the first in code-unit order. */
function mostFrequent(counts: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount || (count === bestCount && (key.length > best.length || (key.length === best.length && key < best)))) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

/** Surface forms other than the name, grouped case-insensitively, each group by its most frequent form. */
function aliases(surfaces: Map<string, number>, name: string): string[] {
  const groups = new Map<string, Map<string, number>>();
  for (const [surface, count] of surfaces) {
    const key = surface.toLowerCase();
    if (key === name.toLowerCase()) continue;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = new Map()));
    group.set(surface, count);
  }
  return [...groups.values()]
    .map(group => ({ alias: mostFrequent(group), count: [...group.values()].reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.count - a.count || compareCodeUnits(a.alias, b.alias))
    .map(entry => entry.alias);
}

function matchesPrefix(record: EntityRecord, prefix: string): boolean {
  return [record.name, ...record.aliases].some(text => startsWordWith(text.toLowerCase(), prefix));
}

/** Whether `text` starts with `prefix` or has a word starting with it. */
function startsWordWith(text: string, prefix: string): boolean {
  for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(text[at - 1])) return true;
  }
  return false;
}

/** Both comparators need the aggregates' records computed (see record()). */
function compareByCount(a: EntityAggregate, b: EntityAggregate): number {
  return b.mentionCount - a.mentionCount || compareByName(a, b);
}

function compareByName(a: EntityAggregate, b: EntityAggregate): number {
  return compareCodeUnits(a.sortKey!, b.sortKey!) || compareCodeUnits(a.id, b.id);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
