// Cross-document entity resolution on top of the analyzer's per-document entity keys.
//
// The analyzer resolves names within one document; across documents a one-word key is mapped
// to a longer key of the same type when that is unambiguous in the corpus:
// - PERSON: a surname alone ("PERSON:jinping") → the only multi-word PERSON ending with it;
// - other named types: a short acronym ("ORG:scmp") → the only multi-word entity with those
//   initials ("ORG:south china morning post").
// The mapping is kept incrementally: each key remembers which documents hold it, and only the
// keys whose candidate set changed are re-resolved.

import { NAMED_TYPES } from '../types';

const NAMED: ReadonlySet<string> = new Set(NAMED_TYPES);
const INITIALS_SKIPPED = new Set(['of', 'the', 'and', 'for', '&', 'de', 'du', 'la', 'le']);
const ACRONYM = /^[a-z]{2,5}$/;

/**
 * The one-word names a multi-word key may be mentioned by alone: a PERSON's surname, another named
 * type's acronym. The resolver maps them to the key; corrections on the key follow them too.
 */
export function shortNames(key: string): string[] {
  const [type, name] = splitKey(key);
  const words = name.split(/[ -]+/).filter(Boolean);
  if (!NAMED.has(type) || words.length < 2) return [];
  if (type === 'PERSON') return [words[words.length - 1]];
  const initials = words
    .filter(w => !INITIALS_SKIPPED.has(w))
    .map(w => w[0])
    .join('');
  return ACRONYM.test(initials) ? [initials] : [];
}

/** Signatures under which a multi-word key can be found by a short one. */
function longSignatures(key: string): string[] {
  return shortNames(key).map(short => `${splitKey(key)[0]}|${short}`);
}

/** The signature a one-word key looks up, or null. */
function shortSignature(key: string): string | null {
  const [type, name] = splitKey(key);
  if (!NAMED.has(type) || /[ -]/.test(name)) return null;
  return type === 'PERSON' || ACRONYM.test(name) ? `${type}|${name}` : null;
}

function splitKey(key: string): [string, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon), key.slice(colon + 1)];
}

/**
 * A folded key as the resolver knows it, one record per key ever seen: documents hand these
 * records in, so a loading document costs no lookup by key string.
 */
export interface ResolvedKey {
  readonly key: string;
  /** The entity id it resolves to now: the key itself, or the long key a short key maps to. */
  id: string;
  /** How many documents hold it. */
  count: number;
  /** Its short signature (see shortSignature), computed once. */
  readonly signature: string | null;
  /** Which documents hold it, kept for short keys only: the only ones whose ids change. */
  readonly documents?: Set<string>;
}

export class EntityResolver {
  private readonly keys = new Map<string, ResolvedKey>();
  private readonly longKeysBySignature = new Map<string, Set<string>>();
  private readonly shortKeysBySignature = new Map<string, Set<string>>();

  /** The record of a folded key (made on first sight; held by no document until update() says so). */
  resolved(key: string): ResolvedKey {
    let record = this.keys.get(key);
    if (!record) {
      const signature = shortSignature(key);
      this.keys.set(key, (record = { key, id: key, count: 0, signature, documents: signature ? new Set() : undefined }));
    }
    return record;
  }

  /** The documents holding a key whose id changed (only short keys change ids). */
  documentsWith(key: string): ReadonlySet<string> {
    return this.keys.get(key)?.documents ?? new Set();
  }

  /**
   * Records that `docId` now holds `after` instead of `before` and returns the keys whose entity
   * id changed as a result.
   */
  update(docId: string, before: ReadonlySet<ResolvedKey>, after: ReadonlySet<ResolvedKey>): Set<string> {
    const touched = new Set<string>();
    for (const record of before) {
      if (after.has(record)) continue;
      record.documents?.delete(docId);
      if (--record.count === 0) this.unregister(record, touched);
    }
    for (const record of after) {
      if (before.has(record)) continue;
      record.documents?.add(docId);
      if (record.count++ === 0) this.register(record, touched);
    }
    return this.reresolve(touched);
  }

  renameDocument(oldId: string, newId: string, keys: ReadonlySet<ResolvedKey>): void {
    for (const { documents } of keys) {
      documents?.delete(oldId);
      documents?.add(newId);
    }
  }

  private register({ key, signature }: ResolvedKey, touched: Set<string>): void {
    for (const long of longSignatures(key)) {
      addTo(this.longKeysBySignature, long, key);
      this.touchShortKeys(long, touched);
    }
    if (signature) {
      addTo(this.shortKeysBySignature, signature, key);
      touched.add(key);
    }
  }

  private unregister({ key, signature }: ResolvedKey, touched: Set<string>): void {
    for (const long of longSignatures(key)) {
      removeFrom(this.longKeysBySignature, long, key);
      this.touchShortKeys(long, touched);
    }
    if (signature) {
      removeFrom(this.shortKeysBySignature, signature, key);
      touched.add(key);
    }
  }

  private touchShortKeys(signature: string, touched: Set<string>): void {
    for (const short of this.shortKeysBySignature.get(signature) ?? []) touched.add(short);
  }

  private reresolve(keys: Iterable<string>): Set<string> {
    const changed = new Set<string>();
    for (const key of keys) {
      const record = this.resolved(key);
      const previous = record.id;
      const candidates = record.count > 0 && record.signature ? this.longKeysBySignature.get(record.signature) : undefined;
      record.id = candidates?.size === 1 ? (candidates.values().next().value as string) : key;
      if (record.id !== previous) changed.add(key);
    }
    return changed;
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

function removeFrom(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  set?.delete(value);
  if (set?.size === 0) map.delete(key);
}
