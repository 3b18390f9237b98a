// Per entity, the counts and names the index keeps up to date as documents come and go, and the
// corpus totals. Records (what queries hand out) are made from them when asked for, and cached.

import { matchesQuery, normaliseQuery } from '../../shared/search';
import { ENTITY_TYPES, EntityType } from '../types';
import { DocumentEntry, KeyForm } from './documentEntry';
import { EntityQuery, EntityRecord } from './indexTypes';
import { StringPool } from './mentionTable';

export interface EntityAggregate {
  id: string;
  type: EntityType;
  mentionCount: number;
  documentCount: number;
  /**
   * The documents that mention it, made when first asked for (see CorpusIndex.documentsOf) and
   * kept up to date from then on: a set per entity filled while a corpus loads is costly.
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

export class EntityAggregates {
  private readonly byId = new Map<string, EntityAggregate>();
  private tallies = 0;
  tokenCount = 0;
  mentionCount = 0;
  readonly entitiesByType = zeroByType();
  readonly mentionsByType = zeroByType();

  constructor(private readonly strings: StringPool) {}

  get(id: string): EntityAggregate | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<EntityAggregate> {
    return this.byId.values();
  }

  get size(): number {
    return this.byId.size;
  }

  /**
   * Adds (sign 1) or removes (-1) the entry's mentions to or from the aggregates and totals.
   * Counts are gathered per document first (by key and string index), so each aggregate's maps
   * are touched once per distinct name and surface, not once per mention.
   */
  tally(entry: DocumentEntry, sign: 1 | -1): void {
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
      if (aggregate?.mentionCount === 0 && this.byId.delete(aggregate.id)) this.entitiesByType[aggregate.type]--;
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
    let aggregate = this.byId.get(id);
    if (!aggregate) {
      aggregate = { id, type, mentionCount: 0, documentCount: 0, names: new Map(), surfaces: new Map() };
      this.byId.set(id, aggregate);
      this.entitiesByType[type]++;
    }
    return (form.aggregate = aggregate);
  }

  record(aggregate: EntityAggregate): EntityRecord {
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
      aggregate.sortKey = nameSortKey(name);
    }
    return aggregate.record;
  }

  /** The records of `aggregates` that the query keeps, in its order. */
  select(aggregates: Iterable<EntityAggregate>, query: EntityQuery): EntityRecord[] {
    const types = query.types && new Set<string>(query.types);
    const search = normaliseQuery(query.prefix ?? '');
    const selected: EntityAggregate[] = [];
    for (const aggregate of aggregates) {
      if (types && !types.has(aggregate.type)) continue;
      const record = this.record(aggregate);
      if (search && ![record.name, ...record.aliases].some(name => matchesQuery(name, search))) continue;
      selected.push(aggregate);
    }
    selected.sort(query.sort === 'name' ? compareByName : compareByCount);
    return selected.slice(0, query.limit).map(aggregate => aggregate.record!);
  }

  private byString(counts: Map<number, number>): Map<string, number> {
    return new Map([...counts].map(([id, count]) => [this.strings.string(id), count]));
  }
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
    const longer = key.length > best.length || (key.length === best.length && key < best);
    if (count > bestCount || (count === bestCount && longer)) {
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

/** How names sort: lower case, accents dropped. */
export function nameSortKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Both comparators need the aggregates' records computed (see record()). */
export function compareByCount(a: EntityAggregate, b: EntityAggregate): number {
  return b.mentionCount - a.mentionCount || compareByName(a, b);
}

function compareByName(a: EntityAggregate, b: EntityAggregate): number {
  return compareCodeUnits(a.sortKey!, b.sortKey!) || compareCodeUnits(a.id, b.id);
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
