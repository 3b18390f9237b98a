// Cross-document entity resolution on top of the analyzer's per-document entity keys.
//
// The analyzer resolves names within one document; across documents a one-word key is mapped
// to a longer key of the same type when that is unambiguous in the corpus:
// - PERSON: a surname alone ("PERSON:jinping") → the only multi-word PERSON ending with it;
// - other named types: a short acronym ("ORG:scmp") → the only multi-word entity with those
//   initials ("ORG:south china morning post").
// The mapping is kept incrementally: each key remembers which documents hold it, and only the
// keys whose candidate set changed are re-resolved.

import { NAMED_TYPES } from './types';

/** Case, curly apostrophe, possessive, spacing and leading "the" variants fold to one key. */
export function foldKey(entityKey: string): string {
  const colon = entityKey.indexOf(':');
  const name = entityKey
    .slice(colon + 1)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/'s?$/, '')
    .replace(/^the /, '');
  return `${entityKey.slice(0, colon)}:${name}`;
}

const NAMED: ReadonlySet<string> = new Set(NAMED_TYPES);
const INITIALS_SKIPPED = new Set(['of', 'the', 'and', 'for', '&', 'de', 'du', 'la', 'le']);
const ACRONYM = /^[a-z]{2,5}$/;

/** Signatures under which a multi-word key can be found by a short one. */
function longSignatures(key: string): string[] {
  const [type, name] = splitKey(key);
  const words = name.split(/[ -]+/).filter(Boolean);
  if (!NAMED.has(type) || words.length < 2) return [];
  if (type === 'PERSON') return [`${type}|${words[words.length - 1]}`];
  const initials = words.filter(w => !INITIALS_SKIPPED.has(w)).map(w => w[0]).join('');
  return ACRONYM.test(initials) ? [`${type}|${initials}`] : [];
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

/** What the resolver knows of a key held by some document. */
interface Holding {
  /** How many documents hold it. */
  count: number;
  /** Its short signature (see shortSignature), computed once. */
  signature: string | null;
  /** Which documents hold it, kept for short keys only: the only ones whose ids change. */
  documents?: Set<string>;
}

export class EntityResolver {
  private readonly held = new Map<string, Holding>();
  private readonly longKeysBySignature = new Map<string, Set<string>>();
  private readonly shortKeysBySignature = new Map<string, Set<string>>();
  /** Short key → the long key it currently resolves to. */
  private readonly mapped = new Map<string, string>();

  /** The entity id of a folded key. */
  entityId(key: string): string {
    return this.mapped.get(key) ?? key;
  }

  /** The documents holding a key whose id changed (only short keys change ids). */
  documentsWith(key: string): ReadonlySet<string> {
    return this.held.get(key)?.documents ?? new Set();
  }

  /**
   * Records that `docId` now holds `after` instead of `before` (folded keys) and returns the
   * keys whose entity id changed as a result.
   */
  update(docId: string, before: ReadonlySet<string>, after: ReadonlySet<string>): Set<string> {
    const touched = new Set<string>();
    for (const key of before) {
      if (after.has(key)) continue;
      const holding = this.held.get(key)!;
      holding.documents?.delete(docId);
      if (--holding.count === 0) {
        this.held.delete(key);
        this.unregister(key, holding.signature, touched);
      }
    }
    for (const key of after) {
      if (before.has(key)) continue;
      let holding = this.held.get(key);
      if (!holding) {
        const signature = shortSignature(key);
        this.held.set(key, (holding = { count: 0, signature, documents: signature ? new Set() : undefined }));
        this.register(key, signature, touched);
      }
      holding.count++;
      holding.documents?.add(docId);
    }
    return this.reresolve(touched);
  }

  renameDocument(oldId: string, newId: string, keys: ReadonlySet<string>): void {
    for (const key of keys) {
      const docs = this.held.get(key)?.documents;
      docs?.delete(oldId);
      docs?.add(newId);
    }
  }

  private register(key: string, signature: string | null, touched: Set<string>): void {
    for (const long of longSignatures(key)) {
      addTo(this.longKeysBySignature, long, key);
      this.touchShortKeys(long, touched);
    }
    if (signature) {
      addTo(this.shortKeysBySignature, signature, key);
      touched.add(key);
    }
  }

  private unregister(key: string, signature: string | null, touched: Set<string>): void {
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
      const previous = this.entityId(key);
      const signature = this.held.get(key)?.signature;
      const candidates = signature ? this.longKeysBySignature.get(signature) : undefined;
      if (candidates?.size === 1) this.mapped.set(key, candidates.values().next().value as string);
      else this.mapped.delete(key);
      if (this.entityId(key) !== previous) changed.add(key);
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
