// A document's mentions packed into columns. A corpus of 10,000 news articles holds about a
// million mentions: as objects with their own strings they cost several hundred MB; as typed
// arrays they cost about 17 bytes each, plus one shared copy of each distinct name and key.
import { MENTION_FIELDS, PackedAnalysis } from './packedAnalysis';
import { ENTITY_TYPES, EntityType } from '../types';

/**
 * One copy of each distinct string (names and keys repeat across documents), numbered: mention
 * tables and entity counts hold the numbers, cheaper to store and to count by than strings.
 * Strings of removed documents stay: a few MB at most for a corpus's worth of names, not worth
 * reference counts.
 */
export class StringPool {
  private readonly ids = new Map<string, number>();
  private readonly strings: string[] = [];

  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      this.ids.set(s, (id = this.strings.length));
      this.strings.push(s);
    }
    return id;
  }

  string(id: number): string {
    return this.strings[id];
  }
}

const NO_VALUES: ReadonlyMap<number, string> = new Map();

export class MentionTable {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly types: Uint8Array;
  /** Per mention: its entity key, as an index into the packed analysis's keys; its name and surface form, as ids in the pool. */
  readonly keyOf: Uint32Array;
  readonly nameOf: Uint32Array;
  readonly surfaceOf: Uint32Array;
  /** DATE values by mention index; most mentions have none. */
  readonly values: ReadonlyMap<number, string>;

  constructor(
    packed: PackedAnalysis,
    private readonly pool: StringPool,
  ) {
    const m = packed.mentions;
    const ids = packed.strings.map(s => pool.id(s));
    const n = m.length / MENTION_FIELDS;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.types = new Uint8Array(n);
    this.keyOf = new Uint32Array(n);
    this.nameOf = new Uint32Array(n);
    this.surfaceOf = new Uint32Array(n);
    for (let i = 0, at = 0; i < n; i++, at += MENTION_FIELDS) {
      this.starts[i] = m[at];
      this.ends[i] = m[at + 1];
      this.types[i] = m[at + 2];
      this.keyOf[i] = m[at + 3];
      this.nameOf[i] = ids[m[at + 4]];
      this.surfaceOf[i] = ids[m[at + 5]];
    }
    this.values = packed.values.length ? new Map(packed.values) : NO_VALUES;
  }

  get length(): number {
    return this.starts.length;
  }

  type(i: number): EntityType {
    return ENTITY_TYPES[this.types[i]];
  }

  name(i: number): string {
    return this.pool.string(this.nameOf[i]);
  }

  /** Index of the last mention starting at or before `offset`, or -1. */
  lastAtOrBefore(offset: number): number {
    return lastAtOrBefore(this.starts, offset);
  }
}

/** Index of the last value at or before `offset` in a sorted array, or -1. */
export function lastAtOrBefore(sorted: ArrayLike<number>, offset: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= offset) low = mid + 1;
    else high = mid - 1;
  }
  return high;
}
