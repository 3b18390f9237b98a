// What the corpus index's queries return and take.

import { EntityType, Mention } from '../types';

export interface IndexedMention extends Mention {
  docId: string;
  /** The corpus-wide entity id (the analyzer's key, folded and resolved across documents). */
  entityId: string;
  /** 0-based line of `start`. */
  line: number;
  /** 0-based UTF-16 column of `start`. */
  character: number;
}

/** A mention's span and, for a DATE, its resolved value (see Mention.value). */
export interface MentionSpan {
  start: number;
  end: number;
  value: string | null;
}

/** A mention reduced to what corpus statistics need. */
export interface EntitySpan extends MentionSpan {
  entityId: string;
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
